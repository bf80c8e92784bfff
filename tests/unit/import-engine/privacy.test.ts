import { describe, expect, it } from 'vitest';
import { normaliseField } from '../../../src/core/domain/import/normalise.ts';
import { fixture, fixtureRows, unlockedVault } from './support.ts';

const NAME = 'customers-messy-300-gb18030.csv';

/** Every name, ID number, phone, card and address of the messy register, raw and normalised. */
function personalValues(): string[] {
  const [, ...rows] = fixtureRows(NAME, 'gb18030');
  const out = new Set<string>();
  const fields = [
    [1, 'name'],
    [2, 'idNumber'],
    [3, 'phone'],
    [4, 'address'],
    [6, 'bankAccount'],
  ] as const;
  for (const row of rows) {
    for (const [c, field] of fields) {
      const raw = row[c]!.trim();
      if (raw.length < 2) continue;
      out.add(raw);
      const n = normaliseField(field, raw);
      if (n.ok && n.value.length >= 2) out.add(n.value);
    }
  }
  return [...out];
}

describe('no personal data leaves an import unmasked', () => {
  it('the audit event holds a file-name digest and counts only', async () => {
    const { engine } = await unlockedVault();
    const p = await engine.importPrepare(fixture(NAME), '2024年客户名册-张三经办.csv');
    await engine.importCommit(p.importId, { duplicates: 'merge' });
    const events = (await engine.auditEvents(0, 100)).items;
    const imported = events.find((e) => 'action' in e && e.action === 'records.imported');
    expect(imported && 'data' in imported ? imported.data : null).toEqual({
      file: expect.stringMatching(/^[0-9a-f]{16}$/),
      format: 'csv',
      duplicates: 'merge',
      sample: false,
      rows: 303,
      stored: 290,
      skipped: 0,
      merged: 3,
      invalid: 10,
    });
    const json = JSON.stringify(events);
    expect(json).not.toContain('张三');
    expect(json).not.toContain('客户名册');
    const leaks = personalValues().filter((v) => json.includes(v));
    expect(leaks).toEqual([]);
  });

  it('the report and its CSV show masked values only', async () => {
    const { engine } = await unlockedVault();
    const p = await engine.importPrepare(fixture(NAME), NAME);
    const file = await engine.importReportCsv(p.importId);
    expect(file.fileName).toMatch(/^import-report-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + p.report.issueCount);
    expect(lines[1]).toMatch(/^31,证件号,idNumber,ID_CHECKSUM,3301\*{10}3535,$/);
    expect(text).toContain('DUPLICATE_IN_FILE');
    const values = personalValues();
    expect(values.filter((v) => text.includes(v))).toEqual([]);
    const json = JSON.stringify(p);
    expect(values.filter((v) => json.includes(v))).toEqual([]);
  });

  it('guards CSV cells against formula injection', async () => {
    const { engine } = await unlockedVault();
    const body = '姓名,手机号码\r\n=HYPERLINK("x"),+86 1381234\r\n';
    const p = await engine.importPrepare(new TextEncoder().encode(body), 'x.csv');
    const text = new TextDecoder().decode((await engine.importReportCsv(p.importId)).bytes);
    const cells = text.split('\r\n').slice(1).join('\n');
    expect(cells).not.toMatch(/(^|,)[=+\-@]/m);
  });
});
