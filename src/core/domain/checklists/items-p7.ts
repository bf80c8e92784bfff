import { PROVIDES_OR_ENTRUSTS, when } from './conditions.ts';
import type { ItemDefinition } from './definition.ts';

/** P7 after closure: custody, retention calendar, audit, incidents, cross-border, access, records. */
export const ITEMS_P7: readonly ItemDefinition[] = [
  {
    id: 'P7-01',
    title: { zh: '指定保留资料的保管方', en: 'Appoint a custodian for retained records' },
    todo: {
      zh: '确定注销后保留资料的保管方（承接方、档案馆或指定机构），签订保管协议，约定访问、安全保护及期满销毁等事项（《会计档案管理办法》第二十条至第二十二条，《档案法》第十六条）。',
      en: 'Name who keeps the retained records after closure (successor, archives repository or designated institution) and sign a custody agreement covering access, security and destruction at expiry (Accounting Archives Measures arts. 20–22; Archives Law art. 16).',
    },
    evidence: {
      zh: '签订的保管协议，以及保管方对编号副本的接收凭证。',
      en: 'The signed custody agreement and the custodian’s receipt for the numbered copies.',
    },
    appliesWhen: [],
    dependsOn: ['P3-02'],
  },
  {
    id: 'P7-02',
    title: { zh: '建立保存期限台账，到期鉴定销毁', en: 'Keep a retention calendar; destroy at expiry' },
    todo: {
      zh: '登记每份档案的保管到期日；到期时开展鉴定，对无需继续保存的予以销毁，个人信息的保存期限应为法律、行政法规规定或实现处理目的所必要的最短时间（《个人信息保护法》第十九条，《会计档案管理办法》第十六条、第十七条）。',
      en: 'Record each archive’s expiry date; when it arrives, appraise it and destroy what is no longer needed, since personal information is kept only as long as the law requires or the purpose needs (PIPL art. 19; Accounting Archives Measures arts. 16–17).',
    },
    evidence: {
      zh: '载明到期日及负责保管方的保存期限台账。',
      en: 'The retention calendar with expiry dates and the custodian responsible for each archive.',
    },
    appliesWhen: [],
    dependsOn: ['P7-01', 'P2-05'],
  },
  {
    id: 'P7-03',
    title: { zh: '注销时及定期开展合规审计', en: 'Audit compliance at closure and periodically' },
    todo: {
      zh: '注销前对善后期间的个人信息处理开展合规审计，资料保管期间定期审计（《个人信息保护法》第五十四条，《网络数据安全管理条例》第二十七条）。',
      en: 'Audit how customer data was handled in the wind-down before closure, and periodically while records are held (PIPL art. 54; Network Data Regulations art. 27).',
    },
    evidence: {
      zh: '审计报告及问题整改跟踪记录。',
      en: 'The audit report and the follow-up of its findings.',
    },
    appliesWhen: [],
    dependsOn: ['P6-08'],
    addenda: [
      {
        when: { kind: 'peopleOver', count: 10_000_000 },
        text: {
          zh: '处理超过1000万人个人信息的，至少每两年开展一次合规审计（《个人信息保护合规审计管理办法》）。',
          en: 'More than 10 million people: audit at least once every two years (CAC PI compliance audit measures, 2025).',
        },
      },
    ],
  },
  {
    id: 'P7-04',
    title: { zh: '保持应急预案，及时报告和通知', en: 'Keep an incident plan; report and notify' },
    todo: {
      zh: '资料保管期间持续保持安全事件应急预案；发生或可能发生泄露、篡改、丢失的，立即补救，较大及以上事件4小时内向省级网信部门报告，并通知受影响的个人（《个人信息保护法》第五十七条，《网络数据安全管理条例》第十一条）。',
      en: 'Keep an incident plan while records are held; on actual or possible leakage, tampering or loss act at once, report incidents graded relatively major or above to the provincial CAC within 4 hours, and notify the people affected (PIPL art. 57; Network Data Regulations art. 11).',
    },
    evidence: {
      zh: '现行应急预案（含联系人），以及事件和报告记录（如有）。',
      en: 'The current plan with its contacts, and the record of any incident and report.',
    },
    appliesWhen: [],
    dependsOn: ['P1-02'],
    addenda: [
      {
        when: when.eu,
        text: {
          zh: '有欧盟客户的：原则上在知悉后72小时内向监管机构报告，高风险时及时通知数据主体（GDPR第33条、第34条）。',
          en: 'EU customers: notify the supervisory authority within 72 hours of becoming aware where feasible, and tell the people affected when the risk is high (GDPR arts. 33, 34).',
        },
      },
    ],
  },
  {
    id: 'P7-05',
    title: { zh: '仅通过法定机制向境外提供', en: 'Export only through a lawful mechanism' },
    todo: {
      zh: '按数量档位完成安全评估、个人信息保护认证或订立标准合同后方可向境外提供（当年累计不满10万人非敏感个人信息的可免予），并取得个人单独同意；证券业务文件资料出境须经证监会等同意（《个人信息保护法》第三十八条至第四十条，《证券法》第一百七十七条）。',
      en: 'Provide data abroad only after a CAC security assessment, certification or standard contract as the volume requires (exempt below 100,000 people a year of non-sensitive data), with each person’s separate consent; securities-business documents need CSRC consent (PIPL arts. 38–40; Securities Law art. 177).',
    },
    evidence: {
      zh: '安全评估结论、认证证书或已备案的标准合同，单独同意记录，以及证监会同意文件。',
      en: 'The assessment result, certificate or filed standard contract, the consent records and the CSRC consent.',
    },
    appliesWhen: [when.crossBorder],
    dependsOn: ['P2-07', 'P1-07'],
  },
  {
    id: 'P7-06',
    title: { zh: '未经批准不向境外机构提供', en: 'Refuse foreign-authority requests without approval' },
    todo: {
      zh: '未经主管机关批准，不得向外国司法或者执法机构提供客户个人信息；外国直接要求提供客户身份资料或交易信息的，不得擅自执行并应报告（《个人信息保护法》第四十一条，《反洗钱法》第五十条）。',
      en: 'Do not provide customer data to a foreign judicial or law-enforcement body without approval of the competent PRC authority; do not act on a direct foreign demand for identity or transaction data, and report it (PIPL art. 41; AML Law art. 50).',
    },
    evidence: {
      zh: '向保管方发出的书面指示，以及收到并报告的境外请求记录（如有）。',
      en: 'The written instruction to the custodian, and the log of any foreign request received and reported.',
    },
    appliesWhen: [{ kind: 'any', of: [when.crossBorder, when.eu] }],
    dependsOn: [],
  },
  {
    id: 'P7-07',
    title: { zh: '最小化档案访问权限并定期复核', en: 'Limit archive access and review it' },
    todo: {
      zh: '仅向确有需要的指定人员授予档案访问权限，并定期复核授权名单（《个人信息保护法》第五十一条，ISO/IEC 27001 A.5.33）。',
      en: 'Give archive access only to named people who need it and review the list at set intervals (PIPL art. 51; ISO/IEC 27001 A.5.33).',
    },
    evidence: {
      zh: '访问授权名单（密钥槽）及每次复核记录（注明日期）。',
      en: 'The access list (key slots) and each dated review.',
    },
    appliesWhen: [],
    dependsOn: ['P7-01'],
  },
  {
    id: 'P7-08',
    title: { zh: '影响评估报告及处理记录保存三年', en: 'Keep impact assessments and records 3 years' },
    todo: {
      zh: '个人信息保护影响评估报告和处理情况记录（含向他人提供、委托处理的记录）至少保存三年，并纳入保留档案（《个人信息保护法》第五十六条，《网络数据安全管理条例》第十二条）。',
      en: 'Keep impact assessment reports and processing records, including records of provision and entrustment, for at least 3 years as part of the retained archive (PIPL art. 56; Network Data Regulations art. 12).',
    },
    evidence: {
      zh: '收录上述报告和记录并已设定到期日的归档包。',
      en: 'The archive bundle holding these reports and records, with its expiry date set.',
    },
    appliesWhen: [PROVIDES_OR_ENTRUSTS],
    dependsOn: ['P1-07'],
  },
];
