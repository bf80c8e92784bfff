import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseRecordLines } from '../../../src/core/formats/bundle-inner.ts';
import { readZipFiles } from '../../../src/core/formats/zip-safe.ts';
import { hasTool, run, runOk, tempDir, unpack } from '../formats/tools.ts';
import { person } from '../helpers.ts';
import { bytesOf, vaultWithRecords } from './support.ts';

const tools = hasTool('age') && hasTool('minisign') && hasTool('sha256sum');

describe('a bundle exported by the engine opens with the standard tools', () => {
  // CI installs age and minisign (.ci/run); without them there is nothing to check against.
  it.runIf(tools)('unzip → minisign -Vm → sha256sum → age -d -i → unzip → records.jsonl has the records', async () => {
    const { engine } = await vaultWithRecords(0);
    await engine.createRecords([person(1), person(2, { notes: '含 "引号", 逗号' }), { kind: 'organisation', customerNo: 'KH000003', fields: { name: '示例科技有限公司', uscc: '91110000600037341L' } }]);
    await engine.fateApplySuggested({});
    const key = await engine.custodyKeyCreate({ year: 2046 });
    const exported = await engine.archiveExport({ keyIds: [key.id] });
    const sheet = await engine.custodyKeySheet(key.id, { location: 'Safe', holder: 'Wang' });
    const reg = await engine.archiveRegister();

    const dir = tempDir();
    const file = path.join(dir, exported.fileName);
    fs.writeFileSync(file, await bytesOf(exported.blob));
    const out = path.join(dir, 'bundle');
    unpack(file, out, (b) => readZipFiles(b));
    expect(fs.readdirSync(out).sort()).toEqual(['README.txt', 'manifest.json', 'manifest.json.minisig', 'payload.age']);

    const pub = reg.signer.publicKeyFile.trim().split('\n')[1]!;
    const verified = run('minisign', ['-Vm', 'manifest.json', '-P', pub], { cwd: out });
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`closeout-bundle v1 ${exported.entry.number} payload.age sha256:${exported.entry.payloadSha256}`);

    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(runOk('sha256sum', ['payload.age'], { cwd: out }).slice(0, 64)).toBe(manifest.payload.sha256);
    expect(manifest.payload.recipients).toEqual([key.recipient]);

    fs.writeFileSync(path.join(dir, 'custody-key.txt'), sheet.identityFile, { mode: 0o600 });
    const dec = run('age', ['-d', '-i', path.join(dir, 'custody-key.txt'), '-o', path.join(dir, 'payload.zip'), path.join(out, 'payload.age')]);
    expect(dec.status, dec.stderr).toBe(0);
    const inner = path.join(dir, 'payload');
    unpack(path.join(dir, 'payload.zip'), inner, (b) => readZipFiles(b));
    const lines = parseRecordLines(new Uint8Array(fs.readFileSync(path.join(inner, 'records.jsonl'))));
    const ids = (await engine.listRecords()).items.map((i) => i.id);
    const stored = await Promise.all(ids.map((id) => engine.getRecord(id)));
    expect(lines.map((l) => [l.id, l.customerNo, l.fields])).toEqual(stored.map((r) => [r.id, r.customerNo, r.fields]));
    expect(lines.every((l) => (l.fate as { kind: string }).kind === 'keep')).toBe(true);
    const csv = fs.readFileSync(path.join(inner, 'records.csv'), 'utf8');
    expect(csv.startsWith('\ufeffcustomerNo,kind,name')).toBe(true);
    expect(csv).toContain('"含 ""引号"", 逗号"');

    // A wrong key is refused by age too.
    fs.writeFileSync(path.join(dir, 'other.txt'), runOk('age-keygen', []).toString());
    expect(run('age', ['-d', '-i', path.join(dir, 'other.txt'), path.join(out, 'payload.age')]).status).not.toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
