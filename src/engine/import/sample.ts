/**
 * The synthetic register behind "try with sample data": 200 customers made the way
 * ../shared/tools/gen-customers.mjs makes them — structurally valid identifiers (GB 11643 ID
 * check characters, Luhn bank cards, real region and bank prefixes) with random digits, so no
 * real person is described. A fixed seed makes it the same register on every device.
 */
import { suggestMapping } from '../../core/domain/import/mapping.ts';
import { prcIdCheckChar } from '../../core/domain/pii/validators.ts';
import type { Register } from './read-file.ts';
import { SAMPLE_ROWS } from './read-file.ts';
import { toTable } from './table.ts';

export const SAMPLE_FILE_NAME = 'closeout-sample-register.csv';
export const SAMPLE_SIZE = 200;
const SEED = 20240105;

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
const GIVEN = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红娥玲芬建国志海燕雪梅晓东子轩雨涵浩然欣怡思远嘉俊梓');
const REGIONS: [string, string][] = [
  ['110101', '北京市东城区'], ['110105', '北京市朝阳区'], ['310101', '上海市黄浦区'], ['310115', '上海市浦东新区'],
  ['440305', '深圳市南山区'], ['440106', '广州市天河区'], ['330106', '杭州市西湖区'], ['320102', '南京市玄武区'],
  ['510107', '成都市武侯区'], ['420106', '武汉市武昌区'], ['370202', '青岛市市南区'], ['350203', '厦门市思明区'],
];
const STREETS = ['建国路', '南京西路', '深南大道', '天河路', '文三路', '中山东路', '人民南路', '解放大道', '香港中路', '湖滨北路'];
const BANKS: [string, string][] = [['621700', '中国建设银行'], ['622202', '中国工商银行'], ['622848', '中国农业银行'], ['621661', '中国银行'], ['622588', '招商银行'], ['622262', '交通银行']];
const PRODUCTS = ['稳健增长1号私募证券投资基金', '量化对冲2号私募证券投资基金', '价值精选3号私募股权投资基金', '红利优选私募证券投资基金', '固收增强1号资产管理计划'];
const CHANNELS = ['直销', '银行代销', '券商代销', '第三方销售机构'];
const NOTES = ['', '', '', '客户要求寄送纸质对账单', '客户咨询赎回进度', '客户要求更新联系电话', '客户询问清算分配方案'];
const HEADERS = ['客户编号', '姓名', '证件类型', '证件号码', '性别', '出生日期', '手机号码', '电子邮箱', '联系地址', '开户银行', '银行账号', '产品名称', '认购金额', '签约日期', '投资期限', '风险等级', '销售渠道', '合格投资者', '备注'];

/** xorshift32, as in gen-customers.mjs: the same numbers on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** Appends the digit that makes the number pass the Luhn check. */
function luhnComplete(partial: string): string {
  let sum = 0;
  Array.from(partial).reverse().forEach((ch, i) => {
    let v = Number(ch) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  });
  return partial + ((10 - (sum % 10)) % 10);
}

/** The sample register's rows (header first), deterministic for a seed. */
export function sampleRows(rows = SAMPLE_SIZE, seed = SEED): string[][] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const out: string[][] = [HEADERS.slice()];
  for (let i = 0; i < rows; i++) {
    const [code, area] = pick(REGIONS);
    const y = int(1950, 2002);
    const m = int(1, 12);
    const d = int(1, 28);
    const body = `${code}${y}${pad(m, 2)}${pad(d, 2)}${pad(int(1, 999), 3)}`;
    const [bin, bank] = pick(BANKS);
    let card = bin;
    const len = pick([16, 19, 19]);
    while (card.length < len - 1) card += int(0, 9);
    const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
    const phone = `1${pick(['3', '5', '7', '8', '9'])}${int(0, 9)}${pad(int(0, 99999999), 8)}`;
    const email = rand() < 0.7 ? `u${pad(int(0, 999999), 6)}@example.cn` : '';
    out.push([
      `SAMPLE${pad(i + 1, 4)}`, name, '居民身份证', body + prcIdCheckChar(body), Number(body[16]) % 2 === 0 ? '女' : '男',
      `${y}-${pad(m, 2)}-${pad(d, 2)}`, phone, email, `${area}${pick(STREETS)}${int(1, 999)}号${int(1, 30)}栋${int(101, 2808)}室`,
      bank, luhnComplete(card), pick(PRODUCTS), String(int(100, 3000) * 10000), `${int(2016, 2025)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
      pick(['12个月', '24个月', '36个月', '开放式']), pick(['C3', 'C4', 'C4', 'C5']), pick(CHANNELS), rand() < 0.95 ? '是' : '否', pick(NOTES),
    ]);
  }
  return out;
}

/** The sample register as a read register: its table and mapping suggestion. */
export function sampleRegister(): Register {
  const table = toTable(sampleRows());
  return { format: 'csv', sheets: [{ name: '', rows: table.rows.length + 1, recognised: table.headers.length }], table, suggested: suggestMapping(table.headers, table.rows.slice(0, SAMPLE_ROWS)) };
}
