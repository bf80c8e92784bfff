import { when } from './conditions.ts';
import type { ItemDefinition } from './definition.ts';

/** P5 notification and query channel: notice, delivery, queries, rights requests, contacts. */
export const ITEMS_P5: readonly ItemDefinition[] = [
  {
    id: 'P5-01',
    title: { zh: '拟定客户告知书', en: 'Prepare the customer notice' },
    todo: {
      zh: '告知客户其个人信息的去向（接收方或保管方的名称和联系方式）、转移或保留的信息范围、保存期限以及行使权利的方式（《个人信息保护法》第十七条、第二十二条，《网络数据安全管理条例》第二十一条）。',
      en: 'Tell customers who will hold their data (name and contact of the recipient or custodian), which data moves or is kept, for how long, and how to exercise their rights (PIPL arts. 17, 22; Network Data Regulations art. 21).',
    },
    evidence: {
      zh: '经批准的告知书文本（各语言版本），注明版本和日期。',
      en: 'The approved notice text in each language used, with its version and date.',
    },
    appliesWhen: [],
    dependsOn: ['P5-04', 'P2-05', 'P4-01'],
  },
  {
    id: 'P5-02',
    title: { zh: '逐一通知客户并公告', en: 'Notify each customer and announce publicly' },
    todo: {
      zh: '通过短信、电话或信函将告知书逐一送达客户，并发布公告；证券公司停业、解散的，应在证监会指定的报刊上公告（《证券公司监督管理条例》第十七条，GB/T 35273第6.4条）。',
      en: 'Send the notice to each customer by SMS, phone or letter and publish an announcement; a securities firm ceasing business or dissolving announces in CSRC-designated media (Securities Firm Regulations art. 17; GB/T 35273 §6.4).',
    },
    evidence: {
      zh: '逐户送达记录（成功、失败），以及已发布公告的留存件。',
      en: 'The delivery log per customer (sent, failed) and a copy of the published announcement.',
    },
    appliesWhen: [],
    dependsOn: ['P5-01'],
  },
  {
    id: 'P5-03',
    title: { zh: '保持账户及交易查询服务', en: 'Keep the account and trade query service running' },
    todo: {
      zh: '在记录移交承接方或保管方之前，持续为客户提供账户信息、委托记录和交易记录的查询服务（《证券法》第一百三十七条）。',
      en: 'Keep a way for clients to query their account information, orders and trades until the records pass to a successor or custodian (Securities Law art. 137).',
    },
    evidence: {
      zh: '查询渠道说明（服务时间、联系方式）及查询受理记录。',
      en: 'A description of the query channel (hours, contact) and the log of queries answered.',
    },
    appliesWhen: [],
    dependsOn: [],
  },
  {
    id: 'P5-04',
    title: { zh: '开通个人权利请求受理渠道', en: 'Open a channel for rights requests' },
    todo: {
      zh: '通过便捷渠道受理查阅、复制、更正、删除、转移个人信息及撤回同意的请求，不设不合理条件，核验申请人身份，逐件登记受理日期、答复期限及处理结果（《个人信息保护法》第十五条、第四十四条至第四十六条，《网络数据安全管理条例》第二十三条）。',
      en: 'Accept requests to access, copy, correct, delete or port data and to withdraw consent through a convenient channel without unreasonable conditions, check the requester’s identity, and log each request with its deadline and outcome (PIPL arts. 15, 44–46; Network Data Regulations art. 23).',
    },
    evidence: {
      zh: '对外公布的受理渠道及请求登记簿。',
      en: 'The published channel and the request log.',
    },
    appliesWhen: [],
    dependsOn: ['P1-01'],
  },
  {
    id: 'P5-05',
    title: { zh: '答复删除请求', en: 'Answer deletion requests' },
    todo: {
      zh: '无法定保存义务的，予以删除；法定保存期限未届满的，告知本人该信息仅作存储及保存至何时；拒绝请求的，应说明理由（《个人信息保护法》第四十七条、第五十条）。',
      en: 'Delete the data where no retention duty applies; where a statutory period has not expired, tell the person it is kept store-only and until when; give reasons for any refusal (PIPL arts. 47, 50).',
    },
    evidence: {
      zh: '与请求登记逐件对应的答复留存件。',
      en: 'Each reply as sent, linked to its request in the log.',
    },
    appliesWhen: [],
    dependsOn: ['P5-04', 'P2-05'],
  },
  {
    id: 'P5-06',
    title: { zh: '受理已故客户近亲属的请求', en: 'Handle requests from relatives of deceased customers' },
    todo: {
      zh: '已故客户的近亲属为自身合法、正当利益，可对其个人信息行使查阅、复制、更正、删除等权利，死者生前另有安排的除外；应核验死亡证明及亲属关系证明（《个人信息保护法》第四十九条）。',
      en: 'Close relatives of a deceased customer may, for their own lawful interests, access, copy, correct or delete the data unless the customer arranged otherwise; check proof of death and of kinship (PIPL art. 49).',
    },
    evidence: {
      zh: '书面处理程序，以及每件请求所核验的证明材料。',
      en: 'The written procedure and the documents checked for each request.',
    },
    appliesWhen: [],
    dependsOn: ['P5-04'],
  },
  {
    id: 'P5-07',
    title: { zh: '公布注销后的联系渠道', en: 'Publish the contact after closure' },
    todo: {
      zh: '公布机构注销后受理客户查询和权利请求的主体（承接方或档案保管方）及其联系方式，确保客户仍可行使权利（《个人信息保护法》第二十二条、第五十条）。',
      en: 'Publish who answers customers’ questions and requests once the firm is gone (the successor or the archive custodian) and how to reach them, so rights can still be exercised (PIPL arts. 22, 50).',
    },
    evidence: {
      zh: '已发布的公告，以及保管方或承接方同意受理请求的书面文件。',
      en: 'The published notice and the custodian’s or successor’s written agreement to take requests.',
    },
    appliesWhen: [],
    dependsOn: ['P7-01'],
  },
  {
    id: 'P5-08',
    title: { zh: '一个月内答复欧盟客户', en: 'Answer EU customers within one month' },
    todo: {
      zh: '对适用GDPR的客户，应不无故拖延并于一个月内答复其权利请求；请求复杂或数量多的，可延长两个月，但须在一个月内告知本人及原因（GDPR第12条第3款）。',
      en: 'For customers covered by the GDPR, answer rights requests without undue delay and within one month; complex or numerous requests may take two more months if the person is told why within the first month (GDPR art. 12(3)).',
    },
    evidence: {
      zh: '显示每件欧盟客户请求受理和答复日期的登记记录。',
      en: 'The request log showing when each EU request was received and answered.',
    },
    appliesWhen: [when.eu],
    dependsOn: ['P5-04'],
  },
];
