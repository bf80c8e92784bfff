import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePack, encodePack } from '../../../src/core/formats/pack.ts';
import { FIELD_KEYS } from '../../../src/core/domain/fields.ts';
import type { CustomerRecord } from '../../../src/core/domain/record.ts';
import { errorCode } from '../../../src/core/errors.ts';

const record = fc.record({
  id: fc.stringMatching(/^[0-9a-f]{32}$/),
  kind: fc.constantFrom('person' as const, 'organisation' as const),
  customerNo: fc.string({ minLength: 1 }),
  fields: fc.dictionary(fc.constantFrom(...FIELD_KEYS), fc.string({ minLength: 1 })),
  createdAt: fc.constant('2026-11-22T08:00:00.000Z'),
  updatedAt: fc.constant('2026-11-22T09:00:00.000Z'),
  sample: fc.option(fc.constant(true as const), { nil: undefined }),
}).map((r) => {
  const out = { ...r } as CustomerRecord;
  if (!r.sample) delete out.sample;
  return out;
});

describe('record pack body v1', () => {
  it('decodes what it encodes, and re-encodes to the same bytes', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (rs) => {
        const json = encodePack(rs);
        const back = decodePack(json);
        expect(back).toEqual(rs);
        expect(encodePack(back)).toBe(json);
      }),
    );
  });

  it('has a fixed layout', () => {
    const r: CustomerRecord = { id: 'r1', kind: 'person', customerNo: 'KH1', fields: { name: '张三', phone: '13800138000' }, createdAt: 'c', updatedAt: 'u' };
    const s: CustomerRecord = { ...r, id: 'r2', fields: { phone: '13900139000', email: 'a@b.cn' }, sample: true };
    expect(encodePack([r, s])).toBe(
      '{"v":1,"fields":["name","phone","email"],"records":[["r1","person","KH1","c","u",0,["张三","13800138000",null]],["r2","person","KH1","c","u",1,[null,"13900139000","a@b.cn"]]]}',
    );
  });

  it('refuses a newer body', () => {
    try {
      // v2 (decisions) is read since issue 6; the next version up is refused.
      decodePack('{"v":3,"fields":[],"records":[]}');
      expect.unreachable();
    } catch (e) {
      expect(errorCode(e)).toBe('UNSUPPORTED_VERSION');
    }
  });

  it('stays v1, byte for byte, while no record has a fate or hold', () => {
    const r: CustomerRecord = { id: 'r1', kind: 'person', customerNo: 'KH1', fields: { name: '张三' }, createdAt: 'c', updatedAt: 'u' };
    expect(encodePack([r])).toBe('{"v":1,"fields":["name"],"records":[["r1","person","KH1","c","u",0,["张三"]]]}');
  });

  it('writes v2 with an eighth element per row once a record has a fate or hold', () => {
    const r: CustomerRecord = { id: 'r1', kind: 'person', customerNo: 'KH1', fields: { name: '张三' }, createdAt: 'c', updatedAt: 'u' };
    const fate = { kind: 'keep' as const, basis: ['AML24-34'], until: '2036-06-30', at: 't', by: 'Li' };
    const hold = { reason: 'court order', at: 't', by: 'Li' };
    const s: CustomerRecord = { ...r, id: 'r2', fate, hold };
    const json = encodePack([r, s]);
    expect(json).toBe(
      '{"v":2,"fields":["name"],"records":[["r1","person","KH1","c","u",0,["张三"],null],["r2","person","KH1","c","u",0,["张三"],{"fate":{"kind":"keep","basis":["AML24-34"],"until":"2036-06-30","at":"t","by":"Li"},"hold":{"reason":"court order","at":"t","by":"Li"}}]]}',
    );
    expect(decodePack(json)).toEqual([r, s]);
    expect(encodePack(decodePack(json))).toBe(json);
  });

  it('reads v2 packs written with destroy and transfer fates', () => {
    const body = '{"v":2,"fields":["name"],"records":[["r1","person","KH1","c","u",1,["张三"],{"fate":{"kind":"destroy","at":"t","by":"Li"}}],["r2","organisation","KH2","c","u",0,[null],{"fate":{"kind":"transfer","recipient":"乙公司","at":"t","by":"Li"}}]]}';
    const [a, b] = decodePack(body);
    expect(a).toEqual({ id: 'r1', kind: 'person', customerNo: 'KH1', fields: { name: '张三' }, createdAt: 'c', updatedAt: 'u', sample: true, fate: { kind: 'destroy', at: 't', by: 'Li' } });
    expect(b!.fate).toEqual({ kind: 'transfer', recipient: '乙公司', at: 't', by: 'Li' });
    expect(encodePack([a!, b!])).toBe(body);
  });
});
