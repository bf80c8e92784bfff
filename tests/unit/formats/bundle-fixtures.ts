/** Synthetic bundle inputs (no real person's data) shared by the bundle tests and the golden vectors. */
import type { BundleInput, BundleRecord } from '../../../src/core/formats/bundle.ts';
import { utf8 } from '../../../src/core/bytes.ts';

export const CREATED = '2026-11-22T08:00:00.000Z';

export function sampleRecords(n = 3): BundleRecord[] {
  const base: BundleRecord[] = [
    {
      id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      kind: 'person',
      customerNo: 'KH000001',
      fields: { name: '张三', idType: '居民身份证', idNumber: '110101198402248759', phone: '13800138000', address: '北京市东城区示例路1号', product: '示例一号私募基金', amount: '1000000.00', notes: 'a "quoted", comma\nand newline' },
      createdAt: '2026-10-01T02:00:00.000Z',
      updatedAt: '2026-10-02T03:00:00.000Z',
      fate: { kind: 'keep', basis: 'AML records, 10 years', until: '2036-12-31' },
    },
    {
      id: '1f1e2d3c4b5a69788796a5b4c3d2e1f1',
      kind: 'organisation',
      customerNo: 'KH000002',
      fields: { name: '示例科技有限公司', uscc: '91110000600037341L', email: 'finance@example.cn', bankName: '示例银行', bankAccount: '6222027724210867550' },
      createdAt: '2026-10-01T02:00:00.000Z',
      updatedAt: '2026-10-01T02:00:00.000Z',
    },
    {
      id: '2f1e2d3c4b5a69788796a5b4c3d2e1f2',
      kind: 'person',
      customerNo: 'KH000003',
      fields: { name: '李四', phone: '+8613900139000', complaints: '=HYPERLINK("http://example.invalid")' },
      sample: true,
      createdAt: '2026-10-01T02:00:00.000Z',
      updatedAt: '2026-10-01T02:00:00.000Z',
    },
  ];
  const out = base.slice(0, Math.min(n, 3));
  for (let i = 3; i < n; i++) {
    out.push({
      id: i.toString(16).padStart(32, '0'),
      kind: 'person',
      customerNo: `KH${String(i + 1).padStart(6, '0')}`,
      fields: { name: `客户${i + 1}`, phone: `1380013${String(i).padStart(4, '0')}`, product: '示例产品' },
      createdAt: '2026-10-01T02:00:00.000Z',
      updatedAt: '2026-10-01T02:00:00.000Z',
    });
  }
  return out;
}

export const sampleChecklist = { phase: 'archive', items: [{ id: 'p3-archive-encrypted', done: true }] };
export const sampleAuditLog = [
  '{"v":1,"seq":1,"time":"2026-10-01T02:00:00.000Z","slot":"aaaa","actor":"Li Wei","action":"vault.created","subjects":[],"prev":"' + '0'.repeat(64) + '"}',
];
export const sampleAttachments = () => [
  { path: 'KH000001/身份证正面.jpg', bytes: Uint8Array.from({ length: 3000 }, (_, i) => (i * 13) & 255) },
  { path: 'KH000002/license.pdf', bytes: [utf8('%PDF-1.4\n'), utf8('synthetic\n')] },
];

export function sampleInput(o: Partial<BundleInput> = {}): BundleInput {
  return {
    number: 'ARC-2026-0001',
    createdAt: CREATED,
    appVersion: '0.1.0',
    records: sampleRecords(),
    attachments: sampleAttachments(),
    checklist: sampleChecklist,
    auditLog: sampleAuditLog,
    signingSeed: new Uint8Array(32).fill(0x5a),
    ...o,
  };
}
