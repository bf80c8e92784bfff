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
      decodePack('{"v":2,"fields":[],"records":[]}');
      expect.unreachable();
    } catch (e) {
      expect(errorCode(e)).toBe('UNSUPPORTED_VERSION');
    }
  });
});
