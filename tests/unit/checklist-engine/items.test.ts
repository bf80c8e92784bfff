import { describe, expect, it } from 'vitest';
import type { ItemPatch } from '../../../src/engine/checklist/types.ts';
import { SD_PAPER, eventLines, failure, snapshot, unlockedVault } from './support.ts';

const AT = new Date('2026-03-02T09:30:00.000Z');

describe('item state', () => {
  it('moves through statuses; completing logs checklist.item-done with who and when, never the notes', async () => {
    const { engine } = await unlockedVault(() => AT);
    await engine.checklistSetProfile(SD_PAPER);
    let snap = await engine.checklistUpdateItem('P1-01', { status: 'in-progress', owner: 'Li Wei', due: '2026-04-30', notes: '董事会决议第十二号' });
    expect(snap.states['P1-01']).toEqual({ status: 'in-progress', owner: 'Li Wei', due: '2026-04-30', notes: '董事会决议第十二号', evidence: [] });
    snap = await engine.checklistUpdateItem('P1-01', { status: 'done' });
    expect(snap.states['P1-01']!.status).toBe('done');
    expect(snap.done['P1-01']).toEqual({ by: 'Li Wei', at: AT.toISOString() });
    const events = await eventLines(engine);
    const done = events.filter((e) => e.action === 'checklist.item-done');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ subjects: ['P1-01'], actor: 'Li Wei', data: { fields: 'status', status: 'done' } });
    expect(events.find((e) => e.action === 'checklist.item-updated')).toMatchObject({ subjects: ['P1-01'], data: { fields: 'status,owner,due,notes', status: 'in-progress' } });
    expect(JSON.stringify(events)).not.toContain('董事会');
  });

  it('re-opening a done item drops its completion; saving the same values writes nothing', async () => {
    const { engine, db } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    await engine.checklistUpdateItem('P1-01', { status: 'done' });
    const snap = await engine.checklistUpdateItem('P1-01', { status: 'todo' });
    expect(snap.done['P1-01']).toBeUndefined();
    const before = await snapshot(engine, db);
    await engine.checklistUpdateItem('P1-01', { status: 'todo', notes: '' });
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('marks an item not applicable only with a reason, and drops the reason when it applies again', async () => {
    const { engine } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    expect((await failure(engine.checklistUpdateItem('P1-02', { status: 'na' }))).details?.field).toBe('naReason');
    let snap = await engine.checklistUpdateItem('P1-02', { status: 'na', naReason: 'Handled by the parent company' });
    expect(snap.states['P1-02']).toMatchObject({ status: 'na', naReason: 'Handled by the parent company' });
    snap = await engine.checklistUpdateItem('P1-02', { status: 'todo' });
    expect(snap.states['P1-02']!.naReason).toBeUndefined();
  });

  it.each<[string, ItemPatch, string]>([
    ['an unknown status', { status: 'finished' as 'done' }, 'status'],
    ['an owner who is not an operator', { owner: 'Zhang San' }, 'owner'],
    ['a due date that is not a date', { due: '2026-02-30' }, 'due'],
    ['a due date in another format', { due: '30/04/2026' }, 'due'],
    ['notes over 4,000 characters', { notes: 'x'.repeat(4001) }, 'notes'],
  ])('refuses %s, naming the field, with nothing stored', async (_, patch, field) => {
    const { engine, db } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    const before = await snapshot(engine, db);
    const f = await failure(engine.checklistUpdateItem('P1-01', patch));
    expect(f).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('accepts a second operator as owner', async () => {
    const { engine } = await unlockedVault();
    await engine.addOperator('Wang Fang', 'second operator phrase');
    await engine.checklistSetProfile(SD_PAPER);
    expect((await engine.checklistUpdateItem('P1-01', { owner: 'Wang Fang' })).states['P1-01']!.owner).toBe('Wang Fang');
  });

  it('refuses items not on the checklist (NOT_FOUND): before a profile, and unknown ids', async () => {
    const { engine } = await unlockedVault();
    expect((await failure(engine.checklistUpdateItem('P1-01', { status: 'done' }))).code).toBe('NOT_FOUND');
    await engine.checklistSetProfile(SD_PAPER);
    expect((await failure(engine.checklistUpdateItem('P9-99', { status: 'done' }))).code).toBe('NOT_FOUND');
  });

  it('lets a retired item keep being edited, still marked retired', async () => {
    const { engine } = await unlockedVault();
    await engine.checklistSetProfile({ ...SD_PAPER, scenarios: ['PF'] });
    await engine.checklistUpdateItem('P4-04', { status: 'in-progress' });
    await engine.checklistSetProfile(SD_PAPER);
    const snap = await engine.checklistUpdateItem('P4-04', { notes: 'superseded' });
    expect(snap.states['P4-04']).toMatchObject({ status: 'in-progress', notes: 'superseded', retired: true });
  });
});
