/**
 * Header vocabularies for column mapping: the words Chinese registers, fund-administration
 * exports and English templates use for each field. Keys are stored in the form
 * `headerKey` produces (half-width, lower-case, no spaces, punctuation or bracketed notes).
 */
import type { FieldKey } from '../fields.ts';
import { toHalfWidth, trimAll } from './normalise-text.ts';

/** A field of the record, or the register's own customer number (not a record field). */
export type MappedField = FieldKey | 'customerNo';

/** How sure a header word alone makes us: a specific word, or a generic one ('名称', '电话', '账号'). */
const SPECIFIC = 0.95;
const GENERIC = 0.75;

// [field or null for "not data", weight, synonyms]. null marks row numbers and similar columns to skip.
const VOCABULARY: ReadonlyArray<readonly [MappedField | null, number, readonly string[]]> = [
  ['customerNo', SPECIFIC, ['客户编号', '客户号', '客户代码', '客户编码', '客户id', 'customerno', 'customerid', 'customernumber', 'clientno', 'clientid']],
  ['name', SPECIFIC, ['姓名', '客户名称', '投资者姓名', '客户姓名', '投资者名称', '投资人姓名', '投资人', '户名', 'name', 'customername', 'investorname', 'clientname', 'fullname']],
  ['name', GENERIC, ['名称', '客户']],
  ['idType', SPECIFIC, ['证件类型', '证件种类', '证件类别', 'idtype', 'documenttype']],
  ['idNumber', SPECIFIC, ['证件号码', '证件号', '身份证号', '身份证号码', '身份证', '证件编号', '身份证件号码', '有效证件号码', 'idnumber', 'idno', 'idcard', 'idcardno', 'idcardnumber', 'documentnumber']],
  ['uscc', SPECIFIC, ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'creditcode', 'unifiedsocialcreditcode']],
  ['gender', SPECIFIC, ['性别', 'gender', 'sex']],
  ['birthDate', SPECIFIC, ['出生日期', '生日', '出生年月日', 'birthdate', 'dateofbirth', 'dob', 'birthday']],
  ['phone', SPECIFIC, ['手机号码', '联系电话', '移动电话', '手机', '手机号', '电话号码', '联系手机', 'mobile', 'phone', 'mobileno', 'mobilephone', 'phonenumber', 'telephone', 'cellphone']],
  ['phone', GENERIC, ['电话', '联系方式', 'tel']],
  ['email', SPECIFIC, ['电子邮箱', '邮箱', '电子邮件', '邮件地址', '邮箱地址', 'email', 'emailaddress', 'mail']],
  ['address', SPECIFIC, ['联系地址', '通讯地址', '住址', '家庭住址', '居住地址', '邮寄地址', '通信地址', 'address', 'mailingaddress']],
  ['address', GENERIC, ['地址']],
  ['bankName', SPECIFIC, ['开户银行', '开户行', '开户银行名称', '开户网点', '银行名称', 'bankname', 'bank']],
  ['bankName', GENERIC, ['银行']],
  ['bankAccount', SPECIFIC, ['银行账号', '银行卡号', '银行账户', '卡号', '收款账号', 'bankaccount', 'cardnumber', 'cardno', 'accountnumber', 'accountno', 'bankaccountno']],
  ['bankAccount', GENERIC, ['账号', '账户']],
  ['product', SPECIFIC, ['产品名称', '产品', '基金名称', '认购产品', '投资产品', '计划名称', 'product', 'productname', 'fundname', 'fund']],
  ['amount', SPECIFIC, ['认购金额', '投资金额', '申购金额', '出资金额', '认缴金额', '实缴金额', 'amount', 'subscriptionamount', 'investmentamount']],
  ['amount', GENERIC, ['金额']],
  ['subscriptionDate', SPECIFIC, ['签约日期', '认购日期', '合同签署日期', '签约时间', '认购时间', '申购日期', '签署日期', 'subscriptiondate', 'contractdate', 'signingdate']],
  ['term', SPECIFIC, ['投资期限', '产品期限', '存续期限', '封闭期', 'term', 'investmentterm']],
  ['term', GENERIC, ['期限']],
  ['riskLevel', SPECIFIC, ['风险等级', '风险承受能力', '风险承受能力等级', '风险评级', '风险测评等级', '投资者风险等级', '风险类型', 'risklevel', 'riskrating', 'riskprofile']],
  ['channel', SPECIFIC, ['销售渠道', '客户来源', '来源渠道', '销售机构', '代销机构', 'channel', 'saleschannel', 'source']],
  ['channel', GENERIC, ['渠道', '来源']],
  ['qualifiedInvestor', SPECIFIC, ['合格投资者', '是否合格投资者', '合格投资者认定', '合格投资者确认', 'qualifiedinvestor', 'qualified']],
  ['agreements', SPECIFIC, ['合同编号', '协议', '合同', '签署协议', 'agreements', 'agreement', 'contract', 'contractno']],
  ['riskDisclosure', SPECIFIC, ['风险揭示书', '风险揭示', '是否签署风险揭示书', 'riskdisclosure']],
  ['relationshipEnd', SPECIFIC, ['终止日期', '关系终止日期', '销户日期', '业务终止日期', 'relationshipend', 'enddate', 'closingdate']],
  ['feedback', SPECIFIC, ['客户反馈', '反馈', '回访记录', '反馈意见', 'feedback']],
  ['complaints', SPECIFIC, ['投诉', '投诉记录', '投诉内容', 'complaints', 'complaint']],
  ['notes', SPECIFIC, ['备注', '备注说明', '附注', 'notes', 'note', 'remark', 'remarks', 'memo', 'comment', 'comments']],
  ['notes', GENERIC, ['说明']],
  ['customerNo', GENERIC, ['编号']],
  // Row numbers, and the firm's own staff, whose names are not customer data.
  [null, SPECIFIC, ['序号', '行号', 'no', '#', 'index', 'seq', 'rowno', '客户经理', '理财经理', '经办人', '销售人员', '经纪人', '录入人', '操作员']],
];

/** A header word's meaning: the field (null: a column to skip) and how much the word alone says. */
export interface Synonym {
  field: MappedField | null;
  weight: number;
}

export const SYNONYMS: ReadonlyMap<string, Synonym> = new Map(
  VOCABULARY.flatMap(([field, weight, words]) => words.map((w) => [w, { field, weight }] as const)),
);

const BRACKETED = /[([【〔<《]([^)\]】〕>》]*)[)\]】〕>》]/g;

/** The bracketed notes of a header, e.g. '元', '万元', '身份证' in '认购金额(万元)'. Half-width, lower-case. */
export function headerNotes(header: string): string[] {
  return Array.from(toHalfWidth(header).toLowerCase().matchAll(BRACKETED), (m) => m[1]!.trim());
}

/**
 * A header's comparison key: half-width, lower-case, bracketed notes, required-field marks,
 * spaces and punctuation removed, and a trailing unit word (万元/元) dropped:
 * ' 投资金额（万元）' → '投资金额', 'Customer_Name' → 'customername', 'ID No.' → 'idno'.
 */
export function headerKey(header: string): string {
  const key = trimAll(toHalfWidth(header))
    .toLowerCase()
    .replace(BRACKETED, '')
    .replace(/[\s_\-.:：/\\·*※?？!！'"“”‘’,，;；]+/g, '');
  const unitless = key.replace(/(?:万元|元|万)$/, '');
  return unitless === '' || key === '#' ? key : unitless;
}

// How much a word found inside a longer header says, against the same word as the whole header.
const CONTAINED = 0.7;

/**
 * What a header says by itself: an exact vocabulary word, else the longest vocabulary word it
 * contains (ties go to a word at the end, the head of a Chinese compound: '客户手机' → phone).
 * Generic words count inside a header only at its end; English words need 4+ letters there.
 * Returns null when nothing matches.
 */
export function matchHeader(header: string): Synonym | null {
  const key = headerKey(header);
  const exact = SYNONYMS.get(key);
  if (exact !== undefined) return exact;
  const base = key.replace(/\d+$/, '');
  let best: { word: string; syn: Synonym; atEnd: boolean } | null = null;
  for (const [word, syn] of SYNONYMS) {
    if (!base.includes(word) || (/^[a-z#]+$/.test(word) && word.length < 4)) continue;
    const atEnd = base.endsWith(word);
    if (syn.weight < SPECIFIC && !atEnd) continue;
    const better = best === null || word.length > best.word.length || (word.length === best.word.length && atEnd && !best.atEnd);
    if (better) best = { word, syn, atEnd };
  }
  return best === null ? null : { field: best.syn.field, weight: best.syn.weight * CONTAINED };
}
