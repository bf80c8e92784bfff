import { describe, expect, it } from 'vitest';
import { applicableIds, type FirmProfile } from '../../../src/core/domain/checklists/index.ts';
import { PASS } from '../helpers.ts';
import { SD_PAPER, eventLines, failure, snapshot, unlockedVault } from './support.ts';

describe('firm profile', () => {
  it('starts empty, saves, and survives lock and unlock', async () => {
    const { engine, vaultId } = await unlockedVault();
    expect(await engine.checklistGet()).toEqual({ profile: null, states: {}, done: {}, attachments: [] });
    const snap = await engine.checklistSetProfile(SD_PAPER);
    expect(snap.profile).toEqual(SD_PAPER);
    expect(Object.keys(snap.states)).toEqual(applicableIds(SD_PAPER));
    expect(Object.values(snap.states).every((s) => s.status === 'todo' && !s.retired)).toBe(true);
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect(await engine.checklistGet()).toEqual(snap);
  });

  it('regenerates on change: states kept, items no longer called for retired, not deleted', async () => {
    const { engine } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    const paperOnly = applicableIds(SD_PAPER).filter((id) => !applicableIds({ ...SD_PAPER, paperRecords: false }).includes(id));
    expect(paperOnly.length).toBeGreaterThan(0);
    await engine.checklistUpdateItem('P1-01', { status: 'done', notes: 'Board minute 12' });
    await engine.checklistUpdateItem(paperOnly[0]!, { status: 'in-progress' });
    const snap = await engine.checklistSetProfile({ ...SD_PAPER, paperRecords: false, euCustomers: true });
    expect(snap.states['P1-01']).toMatchObject({ status: 'done', notes: 'Board minute 12' });
    expect(snap.states[paperOnly[0]!]).toMatchObject({ status: 'in-progress', retired: true });
    for (const id of applicableIds(snap.profile!)) expect(snap.states[id]?.retired).toBeUndefined();
    // Back again: the retired item applies again with its state, unmarked.
    const back = await engine.checklistSetProfile(SD_PAPER);
    expect(back.states[paperOnly[0]!]).toEqual({ status: 'in-progress', evidence: [] });
    expect(back.done['P1-01']).toMatchObject({ by: 'Li Wei' });
  });

  it('logs profile.changed with the names of the fields changed only, never the firm name or recipient', async () => {
    const { engine } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    await engine.checklistSetProfile({ ...SD_PAPER, transferRoute: 'pipl22', recipient: '丙丁证券股份有限公司', firmName: '甲乙证券（清算组）' });
    await engine.checklistSetProfile({ ...SD_PAPER, transferRoute: 'pipl22', recipient: '丙丁证券股份有限公司', firmName: '甲乙证券（清算组）' });
    const events = (await eventLines(engine)).filter((e) => e.action === 'profile.changed');
    expect(events).toHaveLength(2);
    expect(events[0]!.data!.fields).toBe('scenarios,firmName,euCustomers,paperRecords,processors,transferRoute,crossBorder,peopleCount');
    expect(events[1]!.data!.fields).toBe('firmName,transferRoute,recipient');
    const text = JSON.stringify(await eventLines(engine));
    for (const s of ['甲乙证券', '丙丁证券']) expect(text).not.toContain(s);
  });

  it.each<[string, Partial<FirmProfile> | Record<string, unknown>, string]>([
    ['no scenario', { scenarios: [] }, 'scenarios'],
    ['an unknown scenario', { scenarios: ['XX'] }, 'scenarios'],
    ['no firm name', { firmName: '  ' }, 'firmName'],
    ['a transfer route with no recipient', { transferRoute: 'pipl22' }, 'recipient'],
    ['a flag that is not yes or no', { paperRecords: 'yes' }, 'paperRecords'],
    ['a negative number of people', { peopleCount: -1 }, 'peopleCount'],
    ['an over-long firm name', { firmName: '甲'.repeat(201) }, 'firmName'],
  ])('refuses %s, naming the field, with nothing stored', async (_, change, field) => {
    const { engine, db } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    const before = await snapshot(engine, db);
    const f = await failure(engine.checklistSetProfile({ ...SD_PAPER, ...change } as FirmProfile));
    expect(f.code).toBe('INVALID_INPUT');
    expect(f.details?.field).toBe(field);
    const problems = f.details?.problems as { field: string; message: { zh: string; en: string } }[];
    expect(problems[0]).toMatchObject({ field, message: { zh: expect.any(String), en: expect.any(String) } });
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('keeps only the known fields, trims names, orders scenarios, drops a recipient without a transfer', async () => {
    const { engine } = await unlockedVault();
    const snap = await engine.checklistSetProfile({ ...SD_PAPER, scenarios: ['AV', 'SD'], firmName: '  甲乙  ', recipient: 'ignored', extra: 'x' } as FirmProfile);
    expect(snap.profile).toEqual({ ...SD_PAPER, scenarios: ['SD', 'AV'], firmName: '甲乙' });
  });

  it('is refused when locked', async () => {
    const { engine } = await unlockedVault();
    await engine.lock();
    expect((await failure(engine.checklistSetProfile(SD_PAPER))).code).toBe('LOCKED');
    expect((await failure(engine.checklistGet())).code).toBe('LOCKED');
  });

  it('stores profile and states sealed: no firm name in any meta row', async () => {
    const { engine, db } = await unlockedVault();
    await engine.checklistSetProfile(SD_PAPER);
    const rows = await db.meta.toArray();
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(['checklist-profile', 'checklist-state']));
    const name = new TextEncoder().encode('甲乙证券');
    for (const r of rows) expect(Buffer.from(r.blob).includes(Buffer.from(name))).toBe(false);
  });
});
