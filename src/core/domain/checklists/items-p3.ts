import type { ItemDefinition } from './definition.ts';

/** P3 backup and archive: encryption, custody register, integrity, store-only, restore test, AML. */
export const ITEMS_P3: readonly ItemDefinition[] = [
  {
    id: 'P3-01',
    title: { zh: '加密归档副本，密钥分开保管', en: 'Encrypt archive copies; keep keys apart' },
    todo: {
      zh: '对客户信息的每一份电子归档副本加密，密钥由指定保管人与副本分开保管（《个人信息保护法》第五十一条，GB/T 35273第6.3条）。',
      en: 'Encrypt every electronic archive copy of customer data and have a named custodian hold the keys apart from the copies (PIPL art. 51; GB/T 35273 §6.3).',
    },
    evidence: {
      zh: '加密归档包编号，以及载明保管人的保管密钥记录。',
      en: 'The encrypted archive bundle number and the custody-key record naming its custodian.',
    },
    appliesWhen: [],
    dependsOn: ['P2-05'],
  },
  {
    id: 'P3-02',
    title: { zh: '介质编号并建立保管登记簿', en: 'Number media and keep a custody register' },
    todo: {
      zh: '对每一卷档案及每一光盘、硬盘等存储介质编号，登记每份副本的存放位置和保管人，以便日后证明所有副本均已销毁（《会计档案管理办法》附表，ISO/IEC 27001 A.7.10）。',
      en: 'Number every archive volume, disc and drive and record where each copy is and who holds it, so you can later prove every copy was destroyed (Accounting Archives Measures schedule; ISO/IEC 27001 A.7.10).',
    },
    evidence: {
      zh: '列明每份编号副本存放位置和保管人的保管登记簿。',
      en: 'The custody register listing each numbered copy, its location and its holder.',
    },
    appliesWhen: [],
    dependsOn: ['P3-01'],
  },
  {
    id: 'P3-03',
    title: { zh: '确保电子档案可读、完整', en: 'Keep electronic archives readable and intact' },
    todo: {
      zh: '电子档案应能有效表现所载内容并可供随时调取查用，格式与原件一致或能准确表现原内容，并能识别发件人、收件人及发送、接收时间，方满足法定保存要求（《电子签名法》第六条）。',
      en: 'Keep electronic records so they can be opened later, represent the original content accurately and show sender, recipient and times; only then do they meet legal retention requirements (Electronic Signature Law art. 6).',
    },
    evidence: {
      zh: '载明格式、哈希值和日期的归档清单，以及用通用工具抽样打开的核验记录。',
      en: 'The archive manifest with formats, hashes and dates, and a record of a sample opened with standard tools.',
    },
    appliesWhen: [],
    dependsOn: ['P3-01'],
  },
  {
    id: 'P3-04',
    title: { zh: '将保留数据转为仅存储状态', en: 'Set retained data to store-only' },
    todo: {
      zh: '因法定保存期限未届满而保留的个人信息不得继续使用，除存储和采取必要的安全保护措施外应停止处理，并收紧访问权限（《个人信息保护法》第四十七条第二款，《网络数据安全管理条例》第二十四条）。',
      en: 'Data kept only because a retention period has not expired may not be used: stop all processing except storage and necessary security measures, and narrow access (PIPL art. 47 para. 2; Network Data Regulations art. 24).',
    },
    evidence: {
      zh: '已切换为只读或归档状态的系统和账号记录，以及保留的访问权限名单。',
      en: 'A record of systems and accounts switched to read-only or archived, and the remaining access list.',
    },
    appliesWhen: [],
    dependsOn: ['P2-05'],
  },
  {
    id: 'P3-05',
    title: { zh: '对工作副本去标识化', en: 'De-identify working copies' },
    todo: {
      zh: '用于对账、测试或分析的工作副本应去标识化，重新识别所需的信息单独存储并严格控制访问（GB/T 35273第6.2条，GB/T 37964）。',
      en: 'De-identify copies used for reconciliation, testing or analysis, and store what is needed to re-identify separately under access control (GB/T 35273 §6.2; GB/T 37964).',
    },
    evidence: {
      zh: '工作副本清单、所用去标识化方法及重新识别信息的存放位置。',
      en: 'The list of working copies, the de-identification method and where the re-identification key is kept.',
    },
    appliesWhen: [],
    dependsOn: ['P2-03'],
  },
  {
    id: 'P3-06',
    title: { zh: '记录档案访问日志，留存不少于六个月', en: 'Log archive access; keep logs 6 months' },
    todo: {
      zh: '记录对归档客户信息的每次访问，日志留存不少于六个月（《网络安全法》2016年文本第二十一条；2026年起施行的修正文本条文序号有调整，请核对）。',
      en: 'Log every access to archived customer data and keep the logs at least six months (Cybersecurity Law art. 21, 2016 numbering; check the numbering of the amended law in force from 2026).',
    },
    evidence: {
      zh: '覆盖相应期间的访问日志导出件及日志留存期限设置。',
      en: 'An export of the access log for the period and the log retention setting.',
    },
    appliesWhen: [],
    dependsOn: ['P3-01'],
  },
  {
    id: 'P3-07',
    title: { zh: '系统下线前完成恢复测试', en: 'Test restore before decommissioning' },
    todo: {
      zh: '任何系统下线或原件销毁前，从每份归档副本恢复数据（或按书面抽样方案恢复），核对记录数和哈希值与源数据一致、内容可读（ISO/IEC 27001 A.8.13）。',
      en: 'Before any system is switched off or any original destroyed, restore each archive copy (or a documented sample) and check that counts and hashes match the source and the content is readable (ISO/IEC 27001 A.8.13).',
    },
    evidence: {
      zh: '恢复测试报告：归档包编号、日期、测试人，以及记录数与哈希值核对结果。',
      en: 'The restore-test report: bundle number, date, tester, and the counts and hashes compared.',
    },
    appliesWhen: [],
    dependsOn: ['P3-01', 'P3-02', 'P3-03'],
  },
  {
    id: 'P3-08',
    title: { zh: '整理反洗钱资料并移交指定机构', en: 'Package AML records for the designated institution' },
    todo: {
      zh: '客户身份资料自业务关系结束后、交易信息自交易结束后至少保存十年；机构解散、被撤销或破产的，应将上述资料移交国务院有关部门指定的机构（2024年《反洗钱法》第三十四条）。',
      en: 'Customer identification data is kept 10 years after the relationship ends and transaction information 10 years after the transaction; on dissolution, revocation or bankruptcy hand it to the institution designated by the State Council departments (AML Law 2024 art. 34).',
    },
    evidence: {
      zh: '反洗钱资料归档包及其索引，以及指定机构出具的接收凭证。',
      en: 'The AML archive bundle with its index, and the receipt from the designated institution.',
    },
    appliesWhen: [],
    dependsOn: ['P2-05'],
  },
];
