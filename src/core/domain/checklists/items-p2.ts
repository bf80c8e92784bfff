import type { ItemDefinition } from './definition.ts';

/** P2 inventory and classification: data map, categories, sensitivity, basis, retention, counts. */
export const ITEMS_P2: readonly ItemDefinition[] = [
  {
    id: 'P2-01',
    title: { zh: '梳理客户信息分布（数据地图）', en: 'Map where customer data lives' },
    todo: {
      zh: '逐一梳理客户信息的存放位置，包括核心及后台系统、备份、纸质档案、电子邮箱、个人设备和服务商，记录责任人、数量和存放地点（《个人信息保护法》第五十一条，GB/T 35273第11.3条）。',
      en: 'List every place customer data sits (core and back-office systems, backups, paper files, mailboxes, personal devices, vendors) with its owner, volume and location (PIPL art. 51; GB/T 35273 §11.3).',
    },
    evidence: {
      zh: '经负责人确认的数据地图（个人信息处理活动记录），以及导入本应用各份名册的导入报告。',
      en: 'The data map (record of processing) approved by the accountable owner, and the import report of each register brought into the app.',
    },
    appliesWhen: [],
    dependsOn: ['P1-01'],
  },
  {
    id: 'P2-02',
    title: { zh: '对客户信息分类', en: 'Categorise customer data' },
    todo: {
      zh: '将各名册信息分为身份信息、投资信息（适当性、委托、成交、持仓）、银行账户信息、合同信息（开户协议、风险揭示书）和往来沟通记录，各类别适用的保存期限不同（《证券法》第一百三十七条，JR/T 0171）。',
      en: 'Sort each register into identity, investment (suitability, orders, trades, holdings), bank, contract (account opening, risk disclosures) and communications, since each category has its own retention rule (Securities Law art. 137; JR/T 0171).',
    },
    evidence: {
      zh: '已导入名册每个字段的分类结果。',
      en: 'The category assigned to every field of every imported register.',
    },
    appliesWhen: [],
    dependsOn: ['P2-01'],
  },
  {
    id: 'P2-03',
    title: { zh: '标识敏感个人信息及C3/C2/C1级别', en: 'Flag sensitive data and its C3/C2/C1 class' },
    todo: {
      zh: '依据《个人信息保护法》第二十八条识别敏感个人信息（金融账户、特定身份等），并按JR/T 0171对各字段定级：C3为用户鉴别信息，C2为可识别特定个人身份与金融状况的信息，C1为机构内部使用的信息。',
      en: 'Mark sensitive personal information (financial accounts, specific identity) under PIPL art. 28 and give each field its JR/T 0171 class: C3 authentication data, C2 data identifying a person and their finances, C1 internal data.',
    },
    evidence: {
      zh: '各字段敏感级别的记录（导入时设定，经合规复核）。',
      en: 'The sensitivity level recorded for every field (set on import, reviewed by compliance).',
    },
    appliesWhen: [],
    dependsOn: ['P2-01', 'P2-02'],
  },
  {
    id: 'P2-04',
    title: { zh: '逐类记录处理的合法性基础', en: 'Record the legal basis for each category' },
    todo: {
      zh: '逐类记载继续保存的依据：为履行法定义务所必需（《个人信息保护法》第十三条第一款第三项），或者基于同意、合同；仅以同意或合同为依据且服务已终止的，应当删除。',
      en: 'For each category, write down why you may still hold it: a statutory duty (PIPL art. 13(1)(3)) or consent or contract; data held only on consent or contract must be deleted once the service has ended.',
    },
    evidence: {
      zh: '列明类别、合法性基础及所依据条文并经法务确认的对照表。',
      en: 'A table of category, legal basis and the provision relied on, signed off by legal.',
    },
    appliesWhen: [],
    dependsOn: ['P2-01', 'P2-02'],
  },
  {
    id: 'P2-05',
    title: { zh: '逐类设定保存期限', en: 'Set a retention clock per category' },
    todo: {
      zh: '逐类记录保存期限及起算事件，如证券客户开户资料、委托和交易记录不少于二十年（《证券法》第一百三十七条），客户身份资料自业务关系结束后至少十年（2024年《反洗钱法》第三十四条），会计凭证三十年；多项规定同时适用的，按最长期限执行。',
      en: 'For each category record the period and the event it runs from, e.g. securities client records 20 years (Securities Law art. 137), customer identity data 10 years after the relationship ends (AML Law 2024 art. 34), accounting vouchers 30 years; where several rules apply, the longest wins.',
    },
    evidence: {
      zh: '本应用中每条记录的保存依据和到期日，并注明所依据的规定。',
      en: 'The retention basis and until-date of every record in the app, with the rule cited.',
    },
    appliesWhen: [],
    dependsOn: ['P2-01', 'P2-02'],
  },
  {
    id: 'P2-06',
    title: { zh: '单独保管未了事项凭证', en: 'Set aside vouchers for unsettled matters' },
    todo: {
      zh: '将涉及未结清债权债务及其他未了事项的会计凭证单独抽出立卷，电子凭证单独转存，保管期满亦不得销毁，直至事项完结（《会计档案管理办法》第十九条）。',
      en: 'Pull vouchers for unsettled claims, debts or other pending matters into separate files (electronic ones stored separately); they may not be destroyed even after their period ends, until the matter closes (Accounting Archives Measures art. 19).',
    },
    evidence: {
      zh: '单独立卷凭证清单，载明卷号及对应事项。',
      en: 'The list of separated vouchers with file numbers and the matter each relates to.',
    },
    appliesWhen: [],
    dependsOn: ['P1-06'],
  },
  {
    id: 'P2-07',
    title: { zh: '排查境外存储与访问', en: 'Find overseas storage and access' },
    todo: {
      zh: '排查客户信息是否存储于境外或可从境外访问，包括境外母公司系统、云服务和电子邮箱；向境外提供须具备法定条件（《个人信息保护法》第三十八条），证券业务文件资料出境须经证监会等同意（《证券法》第一百七十七条）。',
      en: 'Check whether customer data is stored or reachable abroad (parent-company systems, cloud, email); any such provision needs a lawful mechanism (PIPL art. 38) and securities-business documents need CSRC consent (Securities Law art. 177).',
    },
    evidence: {
      zh: '书面排查结论：列明各境外存储地点或访问途径，或说明未发现及排查方法。',
      en: 'A written finding listing each overseas location or access path, or stating that none was found and how this was checked.',
    },
    appliesWhen: [],
    dependsOn: ['P2-01'],
  },
  {
    id: 'P2-08',
    title: { zh: '统计个人信息主体数量', en: 'Count the people whose data you hold' },
    todo: {
      zh: '统计去重后的自然人数量及其中涉及敏感个人信息的人数，对照各项门槛：100万人（个人信息保护负责人）、1000万人（《网络数据安全管理条例》第二十八条、第三十二条）及数据出境数量档位。',
      en: 'Count distinct individuals, and those with sensitive data, against the thresholds: 1,000,000 (PI protection officer), 10,000,000 (Network Data Regulations arts. 28, 32) and the cross-border volume bands.',
    },
    evidence: {
      zh: '注明日期和方法（如按证件号码去重）的统计结果及门槛对照。',
      en: 'The count with its date and method (e.g. deduplicated by ID number) and the threshold comparison.',
    },
    appliesWhen: [],
    dependsOn: ['P2-01'],
  },
];
