/**
 * Content detectors: what kind of personal data a column holds, judged from sample values
 * rather than its header. Each value is given at most one kind, the most specific that fits,
 * so an 18-character value passing the GB 11643 check is an ID number and never a bank card.
 */
import { isValidBankCard, isValidEmail, isValidMobile, isValidPrcId, isValidUscc } from '../pii/validators.ts';
import { normaliseAmount } from './normalise-amount.ts';
import { normaliseDate } from './normalise-date.ts';
import { normaliseBankCard, normaliseEmail, normaliseIdNumber, normalisePhone, normaliseUscc } from './normalise.ts';
import { normaliseName, toHalfWidth, trimAll } from './normalise-text.ts';

export type ContentKind =
  | 'prcId' // valid 18-character resident ID
  | 'prcIdDamaged' // an ID a spreadsheet damaged, or a first-generation 15-digit ID
  | 'uscc'
  | 'bankCard' // 16–19 digits passing Luhn
  | 'mobile'
  | 'email'
  | 'date' // written dates only; bare Excel serials are too ambiguous to count
  | 'amount'
  | 'chineseName'
  | 'address';

export const CONTENT_KINDS: readonly ContentKind[] = ['prcId', 'prcIdDamaged', 'uscc', 'bankCard', 'mobile', 'email', 'date', 'amount', 'chineseName', 'address'];

// The commonest single surnames (covering the great majority of the population) and the compound ones still in use.
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
      '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
  ),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '司徒', '长孙', '宇文', '轩辕', '端木', '西门', '南宫', '独孤', '呼延', '赫连', '万俟', '澹台', '申屠'];
// Words of institutions and categories that a 2–4 character value may contain but a name does not.
const NOT_A_NAME = /银行|证券|基金|公司|代销|直销|机构|销售|中心|集团|有限|投资|资产|管理|计划|产品|理财|信托|保险|居民|身份|护照|个月|开放|客户|男性|女性/;

/** True for a Chinese personal name: 2–4 Han characters starting with a common surname. */
export function isChineseName(raw: string): boolean {
  const r = normaliseName(raw);
  const name = r.ok ? r.value : '';
  if (!/^\p{Script=Han}{2,4}$/u.test(name) || NOT_A_NAME.test(name)) return false;
  return SURNAMES.has(Array.from(name)[0]!) || COMPOUND_SURNAMES.some((s) => name.startsWith(s) && name.length > 2);
}

const ADDRESS_PARTS = [/省|市|自治区|特别行政区/, /区|县|旗|镇|乡|街道/, /路|街|道|巷|弄|胡同|村|大厦|小区|花园/, /\d+\s*(号|栋|幢|楼|室|单元)|号|栋|幢|室|单元/];

/** True for a mainland postal address: Han text of 6+ characters naming at least two of region, district, street, number. */
export function isAddress(raw: string): boolean {
  const s = trimAll(toHalfWidth(raw));
  if (Array.from(s).length < 6 || !/\p{Script=Han}/u.test(s)) return false;
  return ADDRESS_PARTS.filter((re) => re.test(s)).length >= 2;
}

const okValue = (r: ReturnType<typeof normaliseIdNumber>): string | null => (r.ok ? r.value : null);

/** True when an ID normaliser problem applies to a value shaped like an ID number (15–18 digits, or ~1E+17). */
function isBrokenId(s: string): boolean {
  const shaped = /^\d{15,18}$/.test(s) || /^\d(?:\.\d+)?e\+?1[4-7]$/i.test(s);
  return shaped && !normaliseIdNumber(s).ok;
}

/** The most specific kind a single cell's value has, or null (empty cells, unrecognised text). */
export function classifyValue(raw: string): ContentKind | null {
  const s = trimAll(toHalfWidth(raw));
  if (s === '') return null;
  if (isValidPrcId(okValue(normaliseIdNumber(s)) ?? '')) return 'prcId';
  if (isValidUscc(okValue(normaliseUscc(s)) ?? '')) return 'uscc';
  const card = okValue(normaliseBankCard(s));
  if (card !== null && card.length >= 16 && isValidBankCard(card)) return 'bankCard';
  if (isValidMobile(okValue(normalisePhone(s)) ?? '')) return 'mobile';
  if (isBrokenId(s.replace(/[\s']/g, ''))) return 'prcIdDamaged';
  if (isValidEmail(okValue(normaliseEmail(s)) ?? '')) return 'email';
  if (!/^\d{1,7}(?:\.\d+)?$/.test(s) && normaliseDate(s).ok) return 'date';
  if (/\d/.test(s) && normaliseAmount(s).ok) return 'amount';
  if (isChineseName(s)) return 'chineseName';
  if (isAddress(s)) return 'address';
  return null;
}

/** What a column's samples hold: `sampled` non-empty values, and the fraction of them of each kind (0–1). */
export interface ColumnProfile {
  sampled: number;
  fractions: Record<ContentKind, number>;
}

/** Profiles a column from its sample values; empty cells are ignored, and an all-empty column has every fraction 0. */
export function profileColumn(values: readonly string[]): ColumnProfile {
  const counts = Object.fromEntries(CONTENT_KINDS.map((k) => [k, 0])) as Record<ContentKind, number>;
  let sampled = 0;
  for (const v of values) {
    if (trimAll(v) === '') continue;
    sampled++;
    const kind = classifyValue(v);
    if (kind !== null) counts[kind]++;
  }
  const fractions = Object.fromEntries(CONTENT_KINDS.map((k) => [k, sampled === 0 ? 0 : counts[k] / sampled])) as Record<ContentKind, number>;
  return { sampled, fractions };
}
