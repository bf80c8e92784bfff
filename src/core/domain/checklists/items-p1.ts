import { PROVIDES_OR_ENTRUSTS, when } from './conditions.ts';
import type { ItemDefinition } from './definition.ts';

/** P1 governance: owner, team, undertakings, training, regulator route, holds, PIPIA, processors. */
export const ITEMS_P1: readonly ItemDefinition[] = [
  {
    id: 'P1-01',
    title: { zh: '指定客户个人信息善后负责人', en: 'Name the accountable owner of customer data' },
    todo: {
      zh: '指定一名对善后期间客户个人信息处理负总责的负责人并明确其决策权限（《个人信息保护法》第九条），对外公布客户联系渠道。',
      en: 'Appoint one person accountable for customer personal information throughout the wind-down, with authority over data decisions (PIPL art. 9), and publish how customers can reach them.',
    },
    evidence: {
      zh: '董事会或清算组签署的任命决议，以及对外公布联系方式的公告。',
      en: 'The signed board or liquidation-group resolution naming the person, and the published contact notice.',
    },
    appliesWhen: [],
    dependsOn: [],
    addenda: [
      {
        when: { kind: 'peopleAtLeast', count: 1_000_000 },
        text: {
          zh: '处理个人信息达100万人以上：应指定个人信息保护负责人，公开其联系方式，并将姓名、联系方式报送履行个人信息保护职责的部门（《个人信息保护法》第五十二条；100万人门槛尚待核实）。',
          en: 'Data on 1,000,000 people or more: designate a PI protection officer, publish the contact and report name and contact to the authority (PIPL art. 52; the 1,000,000 threshold is unverified).',
        },
      },
    ],
  },
  {
    id: 'P1-02',
    title: { zh: '组建善后工作小组并制定书面规程', en: 'Form the wind-down team and write its procedures' },
    todo: {
      zh: '组建由合规、信息技术、财务与档案、法务及清算组人员组成的工作小组，书面明确各阶段客户信息处理的分工和流程（《个人信息保护法》第五十一条，《数据安全法》第二十七条、第二十九条）。',
      en: 'Set up a team of compliance, IT, finance and archives, legal and the liquidator, and write down who does what with customer data in each phase (PIPL art. 51; Data Security Law arts. 27, 29).',
    },
    evidence: {
      zh: '载明职责并经本人签字的小组名单，以及经批准、注明版本和日期的书面规程。',
      en: 'The team list with roles and signatures, and the approved written procedure with its version and date.',
    },
    appliesWhen: [],
    dependsOn: ['P1-01'],
  },
  {
    id: 'P1-03',
    title: { zh: '签署保密承诺', en: 'Get confidentiality undertakings signed' },
    todo: {
      zh: '要求接触客户信息的员工、清算组成员及服务商签署保密承诺，离职或合同终止后仍负保密义务；反洗钱信息非依法律规定不得对外提供（《反洗钱法》第七条），非法出售、提供公民个人信息情节严重的构成犯罪（《刑法》第二百五十三条之一）。',
      en: 'Have staff, liquidation-group members and vendors who touch customer data sign undertakings that survive their departure; AML information may be disclosed only as the law provides (AML Law art. 7), and selling or illegally providing personal information is a crime in serious cases (Criminal Law art. 253-1).',
    },
    evidence: {
      zh: '工作小组名单所列人员及相关服务商全部签署的保密承诺书。',
      en: 'Signed undertakings from everyone on the team list and from each vendor concerned.',
    },
    appliesWhen: [],
    dependsOn: ['P1-02'],
  },
  {
    id: 'P1-04',
    title: { zh: '开展数据处理培训', en: 'Train the team in data handling' },
    todo: {
      zh: '就善后规程、保密要求和安全事件报告方式，对所有接触客户信息的人员开展培训（《个人信息保护法》第五十一条）。',
      en: 'Train everyone who handles customer data in the wind-down procedures, confidentiality and how to report an incident (PIPL art. 51).',
    },
    evidence: {
      zh: '培训材料，以及注明日期、由参训人员逐一签名的签到表。',
      en: 'The training material and a dated attendance sheet signed by each participant.',
    },
    appliesWhen: [],
    dependsOn: ['P1-02'],
  },
  {
    id: 'P1-05',
    title: { zh: '取得监管核准或确定协会注销路径', en: 'Secure regulatory approval or the AMAC route' },
    todo: {
      zh: '证券公司解散、停业或变更主要股东、实际控制人，须经中国证监会核准（《证券法》第一百二十二条）；私募基金管理人注销前，应与中国证券投资基金业协会确认清算基金财产或将管理职责转移给其他登记管理人（《私募投资基金监督管理条例》第十四条）。',
      en: 'A securities firm needs CSRC approval to dissolve, suspend business or change its major shareholder or actual controller (Securities Law art. 122); a private fund manager confirms with AMAC before deregistration whether funds are liquidated or duties pass to another registered manager (Private Fund Regulations art. 14).',
    },
    evidence: {
      zh: '证监会核准文件，或确认注销路径的基金业协会往来函件。',
      en: 'The CSRC approval, or the AMAC correspondence confirming the route.',
    },
    appliesWhen: [],
    dependsOn: ['P1-01'],
  },
  {
    id: 'P1-06',
    title: { zh: '建立暂停销毁清单（法律保留）', en: 'Keep a legal-hold list that blocks deletion' },
    todo: {
      zh: '梳理涉及纠纷、调查、投诉及未结清债权债务的客户与资料，列入暂停销毁清单，相关事项了结前不得删除或销毁（《个人信息保护法》第四十七条，《会计档案管理办法》第十九条，《刑法》第一百六十二条之一）。',
      en: 'List the customers and records tied to disputes, investigations, complaints or unsettled claims; none of them may be deleted or destroyed until the matter closes (PIPL art. 47; Accounting Archives Measures art. 19; Criminal Law art. 162-1).',
    },
    evidence: {
      zh: '经法务审核、注明日期及每项原因的暂停销毁清单，以及在本应用中设置的保留标记。',
      en: 'The dated hold list with a reason for each entry, reviewed by legal, and the holds set in the app.',
    },
    appliesWhen: [],
    dependsOn: ['P1-02'],
  },
  {
    id: 'P1-07',
    title: { zh: '提供、委托或出境前开展影响评估', en: 'Assess impact before providing, entrusting or exporting' },
    todo: {
      zh: '向他人提供、委托处理或向境外提供个人信息前，应事前开展个人信息保护影响评估，评估合法性、正当性、必要性、对个人权益的影响及安全风险、保护措施是否有效（《个人信息保护法》第五十五条），报告至少保存三年（第五十六条）。',
      en: 'Before providing data to a recipient, entrusting it to a processor or sending it abroad, assess lawfulness, necessity, the impact and risks to individuals and whether safeguards suffice (PIPL art. 55); keep the report at least 3 years (art. 56).',
    },
    evidence: {
      zh: '经签署、注明日期的个人信息保护影响评估报告，以及其所支持的决策。',
      en: 'The signed and dated impact assessment report and the decision it supports.',
    },
    appliesWhen: [PROVIDES_OR_ENTRUSTS],
    dependsOn: ['P2-01', 'P2-03'],
  },
  {
    id: 'P1-08',
    title: { zh: '建立受托方清单，约定返还或删除', en: 'Register processors; require return or deletion' },
    todo: {
      zh: '列明所有受托处理客户信息的服务商（信息系统、云服务、呼叫中心、档案寄存、销毁服务等），确认合同约定委托终止时返还或删除个人信息、不得保留，未经同意不得转委托（《个人信息保护法》第二十一条）。',
      en: 'List every vendor handling customer data for you (IT, cloud, call centre, archive storage, shredding) and make sure each contract requires return or deletion at the end, no copies kept and no sub-entrustment without consent (PIPL art. 21).',
    },
    evidence: {
      zh: '受托方清单，以及每一受托方的相应合同条款或补充协议。',
      en: 'The processor register and, for each processor, the contract clause or a signed supplementary agreement.',
    },
    appliesWhen: [when.processors],
    dependsOn: ['P2-01'],
  },
  {
    id: 'P1-09',
    title: { zh: '向清算组移交账簿文书', en: 'Hand books and documents to the liquidator' },
    todo: {
      zh: '董事、监事、高级管理人员及其他人员应妥善保管财产、印章、账簿、文书等资料，并按清单移交清算组、管理人或托管机构（《证券公司风险处置条例》第五十五条，《企业破产法》第十五条、第二十五条）。',
      en: 'Directors, supervisors, managers and staff keep property, seals, books and documents safe and hand them to the liquidation group, administrator or custodian against a list (Securities Firm Risk Disposal Regulations art. 55; Enterprise Bankruptcy Law arts. 15, 25).',
    },
    evidence: {
      zh: '移交方与接收方签字确认的移交清单。',
      en: 'The handover list signed by both the handing-over and the receiving side.',
    },
    appliesWhen: [],
    dependsOn: [],
  },
];
