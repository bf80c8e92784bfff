import { describe, expect, it } from 'vitest';
import { sampleRows } from '../../../src/engine/import/sample.ts';
import { csv, utf8 } from '../import-engine/support.ts';
import { SD_PAPER, eventLines, failure, unlockedVault } from './support.ts';

const register = (n: number) => utf8(csv(sampleRows(n, 11)));

async function importRegister(engine: Awaited<ReturnType<typeof unlockedVault>>['engine'], n = 30) {
  const p = await engine.importPrepare(register(n), 'register.csv');
  return engine.importCommit(p.importId, { duplicates: 'skip' });
}

describe('ticks from actions', () => {
  it('a committed import ticks the inventory items in its own transaction', async () => {
    const { engine } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    await engine.checklistUpdateItem('P1-01', { status: 'done' });
    await engine.checklistUpdateItem('P2-01', { status: 'done' });
    const r = await importRegister(engine);
    const snap = await engine.checklistGet();
    for (const id of ['P2-02', 'P2-03']) {
      expect(snap.states[id]).toMatchObject({ status: 'done', evidence: [{ kind: 'action', ref: r.importId, label: r.evidence.label, at: r.evidence.at }] });
      expect(snap.done[id]).toMatchObject({ by: 'Li Wei' });
    }
    const events = await eventLines(engine);
    const i = events.findIndex((e) => e.action === 'records.imported');
    expect(events.slice(i).map((e) => [e.action, e.subjects])).toEqual([
      ['records.imported', [r.importId]],
      ['checklist.ticked', ['P2-02', 'P2-03']],
      ['checklist.item-done', ['P2-02']],
      ['checklist.item-done', ['P2-03']],
    ]);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it('with prerequisites open, the evidence is kept and the item is in progress', async () => {
    const { engine } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    await importRegister(engine);
    const snap = await engine.checklistGet();
    expect(snap.states['P2-02']).toMatchObject({ status: 'in-progress', evidence: [{ kind: 'action' }] });
    expect(snap.done['P2-02']).toBeUndefined();
  });

  it('a failed import write stores neither the records nor the ticks', async () => {
    const { engine, db } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    const before = await engine.checklistGet();
    const p = await engine.importPrepare(register(20), 'r.csv');
    const original = db.events.bulkAdd;
    (db.events as { bulkAdd: unknown }).bulkAdd = () => Promise.reject(new Error('disk went away'));
    await expect(engine.importCommit(p.importId, { duplicates: 'skip' })).rejects.toThrow();
    db.events.bulkAdd = original;
    expect(await engine.checklistGet()).toEqual(before);
    expect((await engine.counts()).total).toBe(0);
  });

  it('an import made before the profile ticks the items once the profile is saved', async () => {
    const { engine } = await unlockedVault();
    const r = await importRegister(engine);
    const snap = await engine.checklistSetProfile(SD_PAPER);
    expect(snap.states['P2-02']).toMatchObject({ status: 'in-progress', evidence: [{ kind: 'action', ref: r.importId }] });
    expect(snap.states['P2-01']!.evidence).toEqual([]);
  });

  it('applyEvidence is the one mechanism for later actions: ticks once per ref, refuses unknown actions', async () => {
    const { engine, db } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    expect(await engine.applyEvidence('archive.exported', 'ARC-2026-0001', 'ARC-2026-0001 (3 copies)')).toEqual(['P3-01', 'P3-03']);
    expect(await engine.applyEvidence('archive.exported', 'ARC-2026-0001', 'ARC-2026-0001 (3 copies)')).toEqual([]);
    expect((await engine.checklistGet()).states['P3-01']!.evidence).toHaveLength(1);
    const events = (await engine.auditEvents(0, 1)).total;
    const meta = await db.meta.toArray();
    expect((await failure(engine.applyEvidence('vault.created' as 'archive.exported', 'x', 'y'))).details?.field).toBe('action');
    expect((await failure(engine.applyEvidence('archive.exported', ' ', 'y'))).details?.field).toBe('ref');
    expect((await engine.auditEvents(0, 1)).total).toBe(events);
    expect(await db.meta.toArray()).toEqual(meta);
  });

  it('a damaged checklist never blocks an import', async () => {
    const { engine, db, vaultId } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    const row = (await db.meta.get([vaultId, 'checklist-state']))!;
    row.blob[40] ^= 1;
    await db.meta.put(row);
    const r = await importRegister(engine, 10);
    expect(r.stored).toBe(10);
    expect((await failure(engine.checklistGet())).code).toBe('AUTH_FAILED');
  });
});
