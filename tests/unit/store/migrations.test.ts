import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CloseoutDb, SCHEMA } from '../../../src/store/db.ts';

/**
 * The harness every schema upgrade uses: seed a database at version n-1 with rows of that
 * version's shape, open it at version n, check the rows. Add a case per new version.
 */
async function seedAndOpen(from: number, seed: (db: CloseoutDb) => Promise<void>): Promise<CloseoutDb> {
  const indexedDB = new IDBFactory();
  const old = new CloseoutDb('closeout', { indexedDB, IDBKeyRange }, from);
  await old.open();
  await seed(old);
  old.close();
  const cur = new CloseoutDb('closeout', { indexedDB, IDBKeyRange });
  await cur.open();
  return cur;
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(SCHEMA.map((v) => v.version)).toEqual(SCHEMA.map((_, i) => i + 1));
  });

  it('opening the newest schema over every older one keeps every v1 row', async () => {
    const blob = new Uint8Array([1, 2, 3]);
    for (const v of SCHEMA) {
      const db = await seedAndOpen(v.version, async (d) => {
        await d.vaults.put({ id: 'v', label: 'Case', createdAt: '2026-01-01T00:00:00.000Z' });
        await d.slots.put({ id: 's', vaultId: 'v', slot: blob, meta: blob, lastUsedAt: 1 });
        await d.packs.put({ id: 'p', vaultId: 'v', blob, index: blob });
        await d.events.put({ vaultId: 'v', seq: 1, blob });
        await d.meta.put({ vaultId: 'v', key: 'audit-head', blob });
      });
      expect(db.verno).toBe(SCHEMA.at(-1)!.version);
      expect(await db.vaults.get('v')).toMatchObject({ label: 'Case' });
      expect((await db.slots.where('vaultId').equals('v').toArray()).map((s) => s.id)).toEqual(['s']);
      expect((await db.packs.get('p'))?.blob).toEqual(blob);
      expect(await db.events.get(['v', 1])).toBeDefined();
      expect(await db.meta.get(['v', 'audit-head'])).toBeDefined();
      db.close();
    }
  });

  it('v1 → v2 adds the attachments table, empty, and keeps every v1 row', async () => {
    const blob = new Uint8Array([4, 5, 6]);
    const db = await seedAndOpen(1, async (d) => {
      expect(d.tables.map((t) => t.name)).not.toContain('attachments');
      await d.vaults.put({ id: 'v', label: 'Case', createdAt: '2026-01-01T00:00:00.000Z' });
      await d.packs.put({ id: 'p', vaultId: 'v', blob, index: blob });
      await d.meta.put({ vaultId: 'v', key: 'checklist-state', blob });
    });
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.attachments.count()).toBe(0);
    expect((await db.packs.get('p'))?.blob).toEqual(blob);
    expect((await db.meta.get(['v', 'checklist-state']))?.blob).toEqual(blob);
    await db.attachments.bulkPut([
      { vaultId: 'v', id: 'a', chunk: 1, blob },
      { vaultId: 'v', id: 'a', chunk: -1, blob },
      { vaultId: 'v', id: 'a', chunk: 0, blob },
      { vaultId: 'w', id: 'a', chunk: 0, blob },
    ]);
    const rows = await db.attachments.where('[vaultId+id+chunk]').between(['v', 'a', -Infinity], ['v', 'a', Infinity]).toArray();
    expect(rows.map((r) => r.chunk)).toEqual([-1, 0, 1]);
    expect(await db.attachments.where('vaultId').equals('w').count()).toBe(1);
    db.close();
  });
});
