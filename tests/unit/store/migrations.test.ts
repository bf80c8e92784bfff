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
});
