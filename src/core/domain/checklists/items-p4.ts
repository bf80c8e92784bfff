import { MOVING_ROUTES, when } from './conditions.ts';
import type { ItemDefinition } from './definition.ts';

/**
 * P4 transfer. Items about data moving to a recipient apply only when the route moves data;
 * the fund hand-over, the accounting-archive register, the 10-million report and the IT wipe
 * follow from the scenario or the count, since they arise without any transfer of customer data.
 */
export const ITEMS_P4: readonly ItemDefinition[] = [
  {
    id: 'P4-01',
    title: { zh: '确定转移的法律路径', en: 'Choose the legal route for the transfer' },
    todo: {
      zh: '书面确定适用路径：股权转让不改变处理者主体，不构成个人信息转移，但应更新告知；因合并、分立、解散、破产等原因转移的，应告知接收方名称和联系方式（《个人信息保护法》第二十二条）；其他向他人提供的，须取得单独同意（第二十三条）。',
      en: 'Decide and record the route: an equity sale keeps the same processor, so nothing is transferred (still update the notice); a transfer because of merger, division, dissolution or bankruptcy needs notice of the recipient (PIPL art. 22); any other provision needs separate consent (art. 23).',
    },
    evidence: {
      zh: '载明路径、接收方及理由的法律意见。',
      en: 'A legal memo naming the route, the recipient and the reasons.',
    },
    appliesWhen: [when.anyRoute],
    dependsOn: [],
  },
  {
    id: 'P4-02',
    title: { zh: '签订个人信息转移协议', en: 'Sign the transfer agreement' },
    todo: {
      zh: '书面约定转移的数据范围、用途限定、安全保护措施、接收方继续履行原处理者的义务，以及范围外数据的返还或删除（《个人信息保护法》第二十二条，《网络数据安全管理条例》第十二条、第十四条）。',
      en: 'Agree in writing the data in scope, the purposes it may serve, security measures, that the recipient takes over the original obligations, and return or deletion of anything outside scope (PIPL art. 22; Network Data Regulations arts. 12, 14).',
    },
    evidence: {
      zh: '签署的协议（或交易文件中的数据条款）及数据范围附件。',
      en: 'The signed agreement (or the data clauses of the deal) with its scope annex.',
    },
    appliesWhen: [when.dataMoves],
    dependsOn: ['P4-01', 'P1-07'],
  },
  {
    id: 'P4-03',
    title: { zh: '按客户自愿原则安置客户', en: 'Place clients voluntarily; let them opt out' },
    todo: {
      zh: '按客户自愿原则将客户安置到其他证券公司：告知接收公司，允许客户另选公司或拒绝转移，并保证客户交易不中断（《证券公司风险处置条例》第十八条，《证券公司监督管理条例》第十五条）。',
      en: 'Move clients to another securities firm only if they agree: name the receiving firm, let clients choose another firm or decline, and keep their trading uninterrupted (Securities Firm Risk Disposal Regulations art. 18; Securities Firm Regulations art. 15).',
    },
    evidence: {
      zh: '客户安置通知、客户选择情况清单及拒绝转移记录。',
      en: 'The placement notice, the list of client choices and the opt-out records.',
    },
    appliesWhen: [{ kind: 'any', of: [{ kind: 'scenario', scenarios: ['SD'] }, { kind: 'route', routes: MOVING_ROUTES }] }],
    dependsOn: ['P4-01'],
  },
  {
    id: 'P4-04',
    title: { zh: '清算基金或移交管理职责', en: 'Liquidate funds or hand duties to a registered manager' },
    todo: {
      zh: '注销登记前，应清算各私募基金财产，或将管理职责连同投资者资料（基本信息、认购金额、份额及受益所有人信息）移交其他登记的私募基金管理人（《私募投资基金监督管理条例》第十四条、第二十二条）。',
      en: 'Before deregistration, liquidate each fund or pass its management duties, with the investor files (basic information, subscriptions, holdings, beneficial owners), to another registered manager (Private Fund Regulations arts. 14, 22).',
    },
    evidence: {
      zh: '基金清算报告或与承接管理人签订的职责转移协议，以及签字确认的投资者资料移交清单。',
      en: 'The fund liquidation reports or the duty-transfer agreement with the successor manager, and the signed investor-file handover list.',
    },
    appliesWhen: [],
    dependsOn: ['P1-05'],
  },
  {
    id: 'P4-05',
    title: { zh: '依法重新取得同意或单独同意', en: 'Obtain fresh or separate consent where needed' },
    todo: {
      zh: '接收方变更原处理目的、处理方式的，应重新取得个人同意（《个人信息保护法》第十四条、第二十二条）；以同意为基础提供金融账户等敏感个人信息的，应取得单独同意，并告知处理的必要性及对个人权益的影响（第二十九条、第三十条）。',
      en: 'If the recipient changes the purpose or method of processing it must obtain consent again (PIPL arts. 14, 22); providing sensitive data such as financial accounts on the basis of consent needs separate consent and notice of necessity and impact (arts. 29, 30).',
    },
    evidence: {
      zh: '同意书文本、逐人同意记录，以及未同意人员清单（其信息不予转移）。',
      en: 'The consent text, the record of each consent, and the list of those who did not consent (their data is not transferred).',
    },
    appliesWhen: [when.dataMoves],
    dependsOn: ['P4-01', 'P2-03'],
  },
  {
    id: 'P4-06',
    title: { zh: '通过加密渠道交付并留存记录', en: 'Deliver over an encrypted channel; keep the record' },
    todo: {
      zh: '以接收方密钥加密交付数据并附校验值，留存提供数据的内容、对象和时间记录，至少保存三年（《网络数据安全管理条例》第十二条）。',
      en: "Deliver the data encrypted to the recipient's key with checksums, and keep a record of what was provided, to whom and when, for at least 3 years (Network Data Regulations art. 12).",
    },
    evidence: {
      zh: '转移包编号及哈希值，以及接收方签署的接收确认。',
      en: "The transfer bundle number and hash, and the recipient's signed receipt.",
    },
    appliesWhen: [when.dataMoves],
    dependsOn: ['P4-02', 'P4-05', 'P5-02'],
  },
  {
    id: 'P4-07',
    title: { zh: '签署会计档案移交清册', en: 'Sign the accounting-archive handover register' },
    todo: {
      zh: '编制会计档案移交清册，列明档案名称、卷号、册数、起止年度、档案编号、应保管期限和已保管期限，交接双方逐项核对后签名盖章（《会计档案管理办法》，《档案法》第十六条）。',
      en: 'Prepare a handover register listing each archive’s name, volume number, count, years, file number and required and elapsed retention; both sides check it item by item and sign (Accounting Archives Measures; Archives Law art. 16).',
    },
    evidence: {
      zh: '交接双方签名盖章的移交清册。',
      en: 'The handover register signed and sealed by both sides.',
    },
    appliesWhen: [],
    dependsOn: ['P3-02'],
  },
  {
    id: 'P4-08',
    title: { zh: '报告数据处置方案（1000万人以上）', en: 'Report the disposal plan (10 million people or more)' },
    todo: {
      zh: '处理1000万人以上个人信息的，因合并、分立、解散、破产等可能影响数据安全时，应向省级以上有关主管部门报告数据处置方案及接收方名称、联系方式（《网络数据安全管理条例》第二十八条、第三十二条）。',
      en: 'Holding data on 10 million people or more, report the data disposal plan and the recipient’s name and contact to the competent authority at provincial level or above when a merger, division, dissolution or bankruptcy may affect data security (Network Data Regulations arts. 28, 32).',
    },
    evidence: {
      zh: '报送的报告文本及主管部门回执。',
      en: 'The report as filed and the authority’s acknowledgement.',
    },
    appliesWhen: [{ kind: 'peopleAtLeast', count: 10_000_000 }],
    dependsOn: ['P2-08'],
  },
  {
    id: 'P4-09',
    title: { zh: '转让信息系统前清除范围外数据', en: 'Wipe out-of-scope data before transferring IT systems' },
    todo: {
      zh: '交易、通讯等信息系统转让前，应对不在转移范围内的客户信息进行删除或介质净化；未转让信息系统的，可标注为不适用并说明理由（《证券公司风险处置条例》第二十二条，NIST SP 800-88）。',
      en: 'Before trading, communications or other IT systems pass to a buyer, delete or sanitise all customer data outside the transfer; if no system is transferred, mark this item not applicable with the reason (Securities Firm Risk Disposal Regulations art. 22; NIST SP 800-88).',
    },
    evidence: {
      zh: '逐个系统的清除记录，载明方法和验证结果，由信息技术部门与受让方签字确认。',
      en: 'A wipe record per system with method and verification, signed by IT and the buyer.',
    },
    appliesWhen: [],
    dependsOn: ['P3-07', 'P4-02'],
  },
];
