import { describe, expect, it } from 'vitest';
import { headerKey, headerSignature, suggestMapping, type MappedField } from '../../../src/core/domain/import/mapping.ts';
import { matchHeader } from '../../../src/core/domain/import/mapping-synonyms.ts';

const fieldsOf = (headers: string[], rows: string[][] = []): (MappedField | null)[] => suggestMapping(headers, rows).map((s) => s.field);

// Header line and first rows of /work/shared/fixtures/customers-200.csv (and its GB18030 twin).
const CLEAN_HEADERS = '客户编号,姓名,证件类型,证件号码,性别,出生日期,手机号码,电子邮箱,联系地址,开户银行,银行账号,产品名称,认购金额,签约日期,投资期限,风险等级,销售渠道,合格投资者,备注'.split(',');
const CLEAN_ROWS = [
  'KH000001,田怡东,居民身份证,110101198402248759,男,1984-02-24,17408448891,u339838@example.cn,北京市东城区湖滨北路352号20栋1859室,中国工商银行,6222027724210867550,红利优选私募证券投资基金,22910000,2021-07-08,12个月,C5,银行代销,是,客户询问清算分配方案',
  'KH000002,龚勇丽,居民身份证,440106197903040714,男,1979-03-04,19203068330,u075348@example.cn,广州市天河区文三路214号9栋845室,交通银行,6222623876141781405,量化对冲2号私募证券投资基金,25310000,2025-06-21,开放式,C4,银行代销,是,客户咨询赎回进度',
  'KH000003,胡秀,居民身份证,440106198306129862,女,1983-06-12,13569335890,u848447@example.cn,广州市天河区建国路388号28栋1178室,交通银行,6222627012875839153,固收增强1号资产管理计划,15630000,2020-06-19,开放式,C5,券商代销,是,客户要求寄送纸质对账单',
].map((r) => r.split(','));

// Header line and rows of /work/shared/fixtures/customers-messy-300-gb18030.csv (decoded).
const MESSY_HEADERS = '序号,客户名称,证件号,联系电话,通讯地址,开户行,银行卡号,认购产品,认购金额(元),签约时间,风险承受能力,客户来源,备注说明'.split(',');
const MESSY_ROWS = [
  ['1', '任秀平', '１１０１０１１９５５１１２１６６５６', '18050992496', '北京市东城区香港中路832号4栋2690室', '中国建设银行', '6217001453878431596', '固收增强1号资产管理计划', '11,080,000', '2022/04/14', 'C4', '银行代销', '客户投诉客户经理联系频繁'],
  ['2', '赵伟芬', ' 320102196908139302 ', '19590928228', '南京市玄武区建国路104号9栋1290室', '中国银行', '6216614715106775304', '红利优选私募证券投资基金', '23,060,000', '2021/10/07', 'C5', '券商代销', ''],
  ['3', '杜兰', '330106195910046263', '18069470681', '杭州市西湖区中山东路538号28栋1400室', '交通银行', '6222 6278 4963 6785 278', '价值精选3号私募股权投资基金', '22,130,000', '2023/10/12', 'C4', '券商代销', '客户询问清算分配方案'],
  ['9', '彭怡', '420106198606105340', '+86 18737406217', '武汉市武昌区中山东路586号11栋2152室', '中国建设银行', '6217005159521806896', '价值精选3号私募股权投资基金', '24,700,000', '2020/09/22', 'C4', '直销', '客户投诉客户经理联系频繁'],
];

describe('suggestMapping on the fixture registers', () => {
  it('maps every column of the clean register, confirmed by content where content can tell', () => {
    const s = suggestMapping(CLEAN_HEADERS, CLEAN_ROWS);
    expect(s.map((x) => x.field)).toEqual([
      'customerNo', 'name', 'idType', 'idNumber', 'gender', 'birthDate', 'phone', 'email', 'address', 'bankName', 'bankAccount',
      'product', 'amount', 'subscriptionDate', 'term', 'riskLevel', 'channel', 'qualifiedInvestor', 'notes',
    ]);
    expect(s.map((x) => x.column)).toEqual(CLEAN_HEADERS.map((_, i) => i));
    for (const i of [1, 3, 5, 6, 7, 8, 10, 12, 13]) expect(s[i]!.reason).toBe('both');
    expect(s[0]!.reason).toBe('header');
    expect(s[12]!.unit).toBe('yuan');
    expect(s.every((x) => x.confidence > 0.9)).toBe(true);
  });
  it('maps the messy register, skipping the row number', () => {
    const s = suggestMapping(MESSY_HEADERS, MESSY_ROWS);
    expect(s.map((x) => x.field)).toEqual([
      null, 'name', 'idNumber', 'phone', 'address', 'bankName', 'bankAccount', 'product', 'amount', 'subscriptionDate', 'riskLevel', 'channel', 'notes',
    ]);
    expect(s[2]!.reason).toBe('both');
    expect(s[8]!.unit).toBe('yuan');
  });
  it('maps by header alone when there are no sample rows', () => {
    expect(fieldsOf(CLEAN_HEADERS)).toEqual(suggestMapping(CLEAN_HEADERS, CLEAN_ROWS).map((x) => x.field));
    expect(suggestMapping(CLEAN_HEADERS, []).every((x) => x.reason === 'header')).toBe(true);
  });
});

describe('header vocabularies', () => {
  const SETS: [MappedField, string[]][] = [
    ['name', ['姓名', '客户名称', '投资者姓名', '客户姓名', '名称', 'name', 'customer name', 'Investor Name', 'CUSTOMER_NAME']],
    ['idNumber', ['证件号码', '证件号', '身份证号', '身份证号码', '证件号码(身份证)', '证件号码（身份证）', 'ID number', 'id no', 'ID No.']],
    ['phone', ['手机号码', '联系电话', '移动电话', '手机', '电话', 'mobile', 'phone', 'Mobile Phone']],
    ['bankAccount', ['银行账号', '银行卡号', '账号', 'bank account', 'card number', 'Card No.']],
    ['amount', ['认购金额', '认购金额(元)', '投资金额(万元)', '金额', 'amount', '认购金额（万元）']],
    ['customerNo', ['客户编号', '客户号', 'customer no', 'Customer No.']],
    ['birthDate', ['出生日期', '生日', 'date of birth']],
    ['gender', ['性别', 'gender']],
    ['email', ['电子邮箱', '邮箱', 'email', 'E-mail']],
    ['address', ['联系地址', '地址', '通讯地址']],
    ['bankName', ['开户银行', '开户行', '银行']],
    ['product', ['产品名称', '产品', '基金名称']],
    ['subscriptionDate', ['签约日期', '认购日期', '合同签署日期']],
    ['term', ['投资期限', '期限']],
    ['riskLevel', ['风险等级', '风险承受能力']],
    ['channel', ['销售渠道', '渠道']],
    ['qualifiedInvestor', ['合格投资者', '是否合格投资者']],
    ['notes', ['备注', '说明']],
    ['uscc', ['统一社会信用代码']],
    ['idType', ['证件类型']],
  ];
  it.each(SETS)('%s from %j', (field, headers) => {
    for (const h of headers) {
      const [s] = suggestMapping([h], []);
      expect({ h, field: s!.field, reason: s!.reason }).toEqual({ h, field, reason: 'header' });
    }
  });
  it('normalises full width, spaces, brackets, case and required marks', () => {
    expect(headerKey(' 投资金额（万元）')).toBe('投资金额');
    expect(headerKey('Customer_Name')).toBe('customername');
    expect(headerKey('ＩＤ　Ｎｏ．')).toBe('idno');
    expect(headerKey('*姓名：')).toBe('姓名');
    expect(headerKey('【手机】号码')).toBe('号码');
  });
  it('finds a vocabulary word inside a longer header, preferring the longest and the head', () => {
    expect(matchHeader('客户手机')?.field).toBe('phone');
    expect(matchHeader('开户行名称')?.field).toBe('bankName');
    expect(matchHeader('投资者证件号码')?.field).toBe('idNumber');
    expect(matchHeader('手机号码2')?.field).toBe('phone');
    expect(matchHeader('客户经理姓名')?.field).toBeNull();
    expect(matchHeader('客户经理')).toEqual({ field: null, weight: 0.95 });
    expect(matchHeader('甲乙丙')).toBeNull();
    expect(matchHeader('客户手机')!.weight).toBeLessThan(matchHeader('手机')!.weight);
  });
  it('gives generic words less confidence than specific ones', () => {
    const [specific, generic] = suggestMapping(['联系电话', '电话'], []);
    expect(generic!.field).toBeNull(); // one phone column wins; the other is left to the person
    expect(specific!.confidence).toBeGreaterThan(0.9);
    expect(suggestMapping(['电话'], [])[0]!.confidence).toBe(0.75);
  });
  it('reports the 万元 unit on amount columns', () => {
    const [a] = suggestMapping(['投资金额(万元)'], [['1,108']]);
    expect(a).toMatchObject({ field: 'amount', unit: 'wan', reason: 'both' });
    expect(suggestMapping(['姓名'], [])[0]).not.toHaveProperty('unit');
  });
});

describe('content against header', () => {
  const IDS = [['110101198402248759'], ['44030519650509686X'], ['320102196908139302'], ['11010519491231002X']];
  it('calls a column of valid IDs an ID column whatever the header says', () => {
    for (const h of ['银行账号', '客户编号', '备注', '', 'Column7']) {
      expect(suggestMapping([h], IDS)[0]).toMatchObject({ field: 'idNumber', reason: 'content' });
    }
    expect(suggestMapping(['身份证号'], IDS)[0]).toMatchObject({ field: 'idNumber', reason: 'both' });
  });
  it('maps unnamed columns by strong content only', () => {
    const rows = [
      ['13812345678', '6222027724210867550', 'u1@example.cn', '22910000', '2021-07-08', '田怡东', 'x'],
      ['19203068330', '6217001453878431596', 'u2@example.cn', '15630000', '2020-06-19', '龚勇丽', 'y'],
    ];
    const s = suggestMapping(['A', 'B', 'C', 'D', 'E', 'F', 'G'], rows);
    expect(s.map((x) => x.field)).toEqual(['phone', 'bankAccount', 'email', null, null, 'name', null]);
    expect(s[0]!.reason).toBe('content');
    expect(s[3]!.confidence).toBe(0);
  });
  it('overrides a checked header when content is clearly something else', () => {
    const rows = [['13812345678'], ['19203068330'], ['17408448891']];
    expect(suggestMapping(['银行账号'], rows)[0]).toMatchObject({ field: 'phone', reason: 'content' });
  });
  it('lowers confidence when content contradicts a header but names nothing better', () => {
    const rows = [['n/a'], ['unknown'], ['待补']];
    const [s] = suggestMapping(['手机号码'], rows);
    expect(s).toMatchObject({ field: 'phone', reason: 'header' });
    expect(s!.confidence).toBeLessThan(0.6);
  });
  it('keeps an organisation name column as name', () => {
    expect(suggestMapping(['客户名称'], [['福州某某投资有限公司'], ['某某资产管理合伙企业']])[0]).toMatchObject({ field: 'name', reason: 'header' });
  });
  it('counts damaged ID numbers as IDs for the header', () => {
    expect(suggestMapping(['证件号码'], [['1.10101E+17'], ['4.40306E+17']])[0]).toMatchObject({ field: 'idNumber', reason: 'both' });
  });
  it('tolerates ragged rows', () => {
    expect(fieldsOf(['姓名', '手机'], [['张三'], []])).toEqual(['name', 'phone']);
  });
});

describe('headerSignature', () => {
  it('is stable across width, case, whitespace and trailing empty headers', () => {
    const a = headerSignature(['客户编号', '姓名', 'Mobile']);
    expect(headerSignature([' 客户编号 ', '姓　名', 'MOBILE', '', ''])).toBe(a);
    expect(a).toBe('h1:["客户编号","姓名","mobile"]');
  });
  it('changes with order, units and extra columns', () => {
    const a = headerSignature(['姓名', '认购金额(元)']);
    expect(headerSignature(['认购金额(元)', '姓名'])).not.toBe(a);
    expect(headerSignature(['姓名', '认购金额(万元)'])).not.toBe(a);
    expect(headerSignature(['姓名', '认购金额(元)', '备注'])).not.toBe(a);
  });
});
