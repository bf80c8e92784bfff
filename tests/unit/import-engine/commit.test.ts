import { describe, expect, it } from 'vitest';
import { sampleRows } from '../../../src/engine/import/sample.ts';
import type { ImportProgress } from '../../../src/engine/import/types.ts';
import { PASS } from '../helpers.ts';
import { csv, failure, snapshot, unlockedVault, utf8 } from './support.ts';

/** A register of `n` synthetic customers (not marked sample: it comes in as an ordinary file). */
const register = (n: number, seed = 7): Uint8Array => utf8(csv(sampleRows(n, seed)));

describe('committing an import', () => {
  it('stores nothing before the commit, then everything with one event', async () => {
    const { engine, db } = await unlockedVault();
    const before = await snapshot(engine, db);
    const p = await engine.importPrepare(register(450), 'r.csv');
    expect(await snapshot(engine, db)).toEqual(before);
    const r = await engine.importCommit(p.importId, { duplicates: 'skip' });
    expect(r.stored + r.skipped).toBe(450);
    const after = await snapshot(engine, db);
    expect(after.records).toBe(r.stored);
    expect(after.events).toBe(before.events + 1);
    expect(after.packs).toBe(Math.ceil(r.stored / 100));
    expect(r.evidence).toEqual({ action: 'import.committed', ref: p.importId, label: expect.stringMatching(/^[0-9a-f]{8}: \d+ stored, 0 merged, \d+ skipped, 0 invalid$/), at: expect.any(String) });
    expect((await engine.verifyAudit()).ok).toBe(true);
    expect((await failure(engine.importReport(p.importId))).code).toBe('NOT_FOUND');
  });

  it.each(['packs', 'events'] as const)('is one transaction: a failing %s write leaves nothing, and a retry succeeds', async (table) => {
    const { engine, db } = await unlockedVault();
    const before = await snapshot(engine, db);
    const p = await engine.importPrepare(register(350), 'r.csv');
    const t = table === 'packs' ? db.packs : db.events;
    const original = t.bulkPut;
    const originalAdd = t.bulkAdd;
    const fail = () => Promise.reject(new Error('disk went away'));
    if (table === 'packs') (t as { bulkPut: unknown }).bulkPut = fail;
    else (t as { bulkAdd: unknown }).bulkAdd = fail;
    await expect(engine.importCommit(p.importId, { duplicates: 'skip' })).rejects.toThrow();
    t.bulkPut = original;
    t.bulkAdd = originalAdd;
    expect(await snapshot(engine, db)).toEqual(before);
    expect((await engine.verifyAudit()).ok).toBe(true);
    const r = await engine.importCommit(p.importId, { duplicates: 'skip' });
    expect((await engine.counts()).total).toBe(r.stored);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it.each(['building', 'sealing', 'storing'] as const)('cancelled while %s, it leaves nothing behind', async (phase) => {
    const { engine, db } = await unlockedVault();
    const before = await snapshot(engine, db);
    const p = await engine.importPrepare(register(5000), 'r.csv');
    const seen: ImportProgress[] = [];
    const f = await failure(
      engine.importCommit(p.importId, { duplicates: 'keep' }, (pr) => {
        seen.push(pr);
        if (pr.phase === phase && (phase !== 'building' || pr.done >= 2000)) void engine.importCancel(p.importId);
      }),
    );
    expect(f.code).toBe('AbortError');
    expect(await snapshot(engine, db)).toEqual(before);
    expect((await failure(engine.importReport(p.importId))).code).toBe('NOT_FOUND');
    expect(seen.every((s) => s.importId === p.importId)).toBe(true);
  });

  it('locking mid-commit aborts it and drops the import', async () => {
    const { engine, db, vaultId } = await unlockedVault();
    const before = await snapshot(engine, db);
    const p = await engine.importPrepare(register(5000), 'r.csv');
    let locking: Promise<void> | null = null;
    const f = await failure(
      engine.importCommit(p.importId, { duplicates: 'keep' }, (pr) => {
        if (pr.phase === 'building' && pr.done >= 2000 && !locking) locking = engine.lock();
      }),
    );
    expect(f.code).toBe('AbortError');
    await locking;
    expect(await engine.current()).toBeNull();
    await engine.unlockWithPassphrase(vaultId, PASS);
    const after = await snapshot(engine, db);
    expect({ ...after, events: 0, eventRows: 0 }).toEqual({ ...before, events: 0, eventRows: 0 });
    const actions = (await engine.auditEvents(0, 10)).items.map((e) => ('action' in e ? e.action : ''));
    expect(actions).not.toContain('records.imported');
    expect((await failure(engine.importReport(p.importId))).code).toBe('NOT_FOUND');
  });

  it('can be cancelled while the rows are checked, before importPrepare returns', async () => {
    const { engine, db } = await unlockedVault();
    const before = await snapshot(engine, db);
    let id = '';
    const f = await failure(
      engine.importPrepare(register(5000), 'r.csv', {}, (pr) => {
        id = pr.importId;
        if (pr.phase === 'checking' && pr.done >= 2000) void engine.importCancel(pr.importId);
      }),
    );
    expect(f.code).toBe('AbortError');
    expect((await failure(engine.importReport(id))).code).toBe('NOT_FOUND');
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('reports progress with rate and time left, every 2,000 rows', async () => {
    const { engine } = await unlockedVault();
    const seen: ImportProgress[] = [];
    const p = await engine.importPrepare(register(4500), 'r.csv', {}, (pr) => seen.push(pr));
    await engine.importCommit(p.importId, { duplicates: 'keep' }, (pr) => seen.push(pr));
    const checking = seen.filter((s) => s.phase === 'checking').map((s) => s.done);
    expect(checking).toEqual([0, 2000, 4000, 4500]);
    expect([...new Set(seen.map((s) => s.phase))]).toEqual(['checking', 'building', 'sealing', 'storing']);
    const mid = seen.find((s) => s.phase === 'checking' && s.done === 2000)!;
    expect(mid.total).toBe(4500);
    expect(mid.rowsPerSecond).toBeGreaterThan(0);
    expect(mid.secondsLeft).toBeGreaterThanOrEqual(0);
  });

  it('locking drops open imports', async () => {
    const { engine, vaultId } = await unlockedVault();
    const p = await engine.importPrepare(register(10), 'r.csv');
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect((await failure(engine.importCommit(p.importId, { duplicates: 'skip' }))).code).toBe('NOT_FOUND');
  });

  it('refuses an unknown duplicate choice', async () => {
    const { engine } = await unlockedVault();
    const p = await engine.importPrepare(register(10), 'r.csv');
    const f = await failure(engine.importCommit(p.importId, { duplicates: 'replace' as 'skip' }));
    expect(f).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'duplicates' } });
  });
});
