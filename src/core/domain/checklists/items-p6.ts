import { when } from './conditions.ts';
import type { ItemDefinition } from './definition.ts';

/** P6 destruction: approved scope, paper, logical deletion, media, certificates, records. */
export const ITEMS_P6: readonly ItemDefinition[] = [
  {
    id: 'P6-01',
    title: { zh: '审批销毁范围', en: 'Approve the destruction scope' },
    todo: {
      zh: '列明拟销毁范围：保存期满、不在暂停销毁清单内、归档副本已通过恢复测试、应移交的资料已移交；由档案机构牵头，会同会计、审计、纪检等机构出具鉴定意见书，并报批准（《会计档案管理办法》第十六条、第十七条，《个人信息保护法》第四十七条）。',
      en: 'List what may be destroyed (retention expired, not on the hold list, archives restore-tested, hand-overs complete); have archives, accounting, audit and discipline staff issue the appraisal opinion, and get the scope approved (Accounting Archives Measures arts. 16–17; PIPL art. 47).',
    },
    evidence: {
      zh: '经批准的销毁范围清单及鉴定意见书。',
      en: 'The approved destruction scope and the appraisal opinion.',
    },
    appliesWhen: [],
    dependsOn: ['P1-06', 'P2-05', 'P2-06', 'P3-07', 'P3-08', 'P4-03', 'P4-04', 'P4-06', 'P4-07'],
  },
  {
    id: 'P6-02',
    title: { zh: '监销纸质资料并签署销毁清册', en: 'Shred paper under supervision; sign the register' },
    todo: {
      zh: '纸质资料以粉碎或化浆方式销毁，由档案机构和会计机构共同派员监销，销毁前清点核对、销毁后签名盖章；单位负责人、档案和会计机构负责人及经办人在销毁清册上签署意见（《会计档案管理办法》第十八条）。',
      en: 'Shred or pulp paper with archives and accounting staff supervising, checking items before and signing after; the head of the entity, the heads of archives and accounting and the staff handling it sign the destruction register (Accounting Archives Measures art. 18).',
    },
    evidence: {
      zh: '签署完毕的销毁清册，以及销毁服务商出具的销毁证明（如有）。',
      en: 'The signed destruction register, and the shredding contractor’s certificate if one was used.',
    },
    appliesWhen: [when.paper],
    dependsOn: ['P6-01'],
  },
  {
    id: 'P6-03',
    title: { zh: '全面删除电子数据（含备份和日志）', en: 'Delete everywhere, including backups and logs' },
    todo: {
      zh: '在生产系统、副本、备份、日志及导出文件中删除已批准销毁的数据，并逐处记录删除情况；存储介质上的残留另按介质净化处理（ISO/IEC 27001 A.8.10）。',
      en: 'Delete the approved data from production systems, replicas, backups, logs and exports, and record each place deleted; traces left on the media are handled by media sanitisation (ISO/IEC 27001 A.8.10).',
    },
    evidence: {
      zh: '本应用记录的销毁条目；使用受托方的，另附各受托方的删除确认函。',
      en: 'The destruction entries recorded in the app and, where processors were used, each one’s deletion confirmation.',
    },
    appliesWhen: [],
    dependsOn: ['P6-01'],
    addenda: [
      {
        when: when.processors,
        text: {
          zh: '有受托处理方：取得每一受托方已返还或删除全部副本、未予保留的书面确认（《个人信息保护法》第二十一条）。',
          en: 'Processors were used: obtain each one’s written confirmation that it returned or deleted every copy and kept none (PIPL art. 21).',
        },
      },
    ],
  },
  {
    id: 'P6-04',
    title: { zh: '按级别净化存储介质', en: 'Sanitise media by level' },
    todo: {
      zh: '根据数据敏感程度和介质去向，对每块硬盘、磁带或设备选择清除（Clear）、净化（Purge）或物理销毁（Destroy）；销毁全部密钥副本的加密擦除属于净化级别（NIST SP 800-88）。',
      en: 'For each disk, tape or device choose Clear, Purge or Destroy by the data held and where the media goes next; cryptographic erase (destroying every copy of the key) counts as Purge (NIST SP 800-88).',
    },
    evidence: {
      zh: '逐件载明净化级别和方法的介质清单。',
      en: 'A list of media with the level and method used for each.',
    },
    appliesWhen: [],
    dependsOn: ['P6-01'],
  },
  {
    id: 'P6-05',
    title: { zh: '逐件出具介质净化证书', en: 'Issue a sanitisation certificate per device' },
    todo: {
      zh: '逐件记录厂商、型号、序列号、资产编号、介质类型、净化级别与方法、工具及版本、验证方法和去向，由执行人和验证人分别签名（NIST SP 800-88第1版第4.7节）。',
      en: 'For every device record make, model, serial and asset number, media type, level and method, tool and version, verification method and destination; the person sanitising and the verifier each sign (NIST SP 800-88 Rev. 1 §4.7).',
    },
    evidence: {
      zh: '每件介质经签名的净化证书。',
      en: 'A signed certificate for each device.',
    },
    appliesWhen: [],
    dependsOn: ['P6-04'],
  },
  {
    id: 'P6-06',
    title: { zh: '仅在不可复原时视为匿名化', en: 'Treat data as anonymised only if irreversible' },
    todo: {
      zh: '作为匿名化数据保留的，须经处理后无法识别特定自然人且不能复原，否则仅属去标识化，仍是个人信息（《个人信息保护法》第七十三条）；依赖匿名化前应评估重新识别风险（GB/T 37964）。',
      en: 'Data kept as anonymised must be impossible to link to a person and impossible to restore; otherwise it is only de-identified and remains personal information (PIPL art. 73). Assess re-identification risk before relying on it (GB/T 37964).',
    },
    evidence: {
      zh: '匿名化方法及重新识别风险评估，或说明未以匿名化方式保留数据。',
      en: 'The anonymisation method and the re-identification risk assessment, or a note that nothing is kept as anonymised.',
    },
    appliesWhen: [],
    dependsOn: ['P6-01'],
  },
  {
    id: 'P6-07',
    title: { zh: '账户关闭时删除鉴别信息', en: 'Delete authentication secrets at closure' },
    todo: {
      zh: '密码、口令哈希、动态口令种子、生物识别模板等鉴别信息（JR/T 0171 C3级）在账户关闭后无法定保存依据，应予删除而非归档（基于《个人信息保护法》第十九条、第四十七条的解释）。',
      en: 'Passwords, PIN hashes, one-time-password seeds and biometric templates (JR/T 0171 class C3) have no retention basis once accounts close: delete them rather than archive them (an interpretation of PIPL arts. 19, 47).',
    },
    evidence: {
      zh: '各存有鉴别信息的系统的删除记录。',
      en: 'A deletion record for each system that held authentication data.',
    },
    appliesWhen: [],
    dependsOn: ['P2-03'],
  },
  {
    id: 'P6-08',
    title: { zh: '留存销毁清册及证书', en: 'Keep destruction registers and certificates' },
    todo: {
      zh: '留存销毁清册、鉴定意见书及介质净化证书；会计档案销毁清册和鉴定意见书应永久保管（《会计档案管理办法》附表、第十八条）。',
      en: 'Keep destruction registers, appraisal opinions and sanitisation certificates; for accounting archives the destruction register and appraisal opinion are kept permanently (Accounting Archives Measures schedule and art. 18).',
    },
    evidence: {
      zh: '从本应用导出的签名销毁日志和销毁证明，已登记为归档副本。',
      en: 'The signed destruction log and certificate exported from the app, registered as archive copies.',
    },
    appliesWhen: [],
    dependsOn: ['P6-02', 'P6-03', 'P6-05'],
  },
];
