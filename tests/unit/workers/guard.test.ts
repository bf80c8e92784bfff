import { describe, expect, it } from 'vitest';
import { guardEngine, INTERNAL, PUBLIC } from '../../../src/workers/guard.ts';
import { Engine } from '../../../src/engine/engine.ts';
import { makeEngine, PASS } from '../helpers.ts';

describe('the page-facing guard of the engine', () => {
  it('classifies every Engine method, on every layer, as public or internal', () => {
    const methods = new Set<string>();
    for (let p = Engine.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const n of Object.getOwnPropertyNames(p)) methods.add(n);
    }
    expect([...methods].sort()).toEqual([...new Set([...PUBLIC, ...INTERNAL])].sort());
  });

  it('never hands out the session, its keys or internal helpers', async () => {
    const { engine } = makeEngine();
    await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    const g = guardEngine(engine) as unknown as Record<string, unknown>;
    for (const name of ['session', 'store', 'kdf', 'imports', 'checklist', 'params', ...INTERNAL]) expect(g[name]).toBeUndefined();
    expect('session' in g).toBe(false);
    expect(() => (g.session = 1)).toThrow();
    expect(await (g.current as () => Promise<{ actor: string }>)()).toMatchObject({ actor: 'Li' });
  });

  it('turns errors into plain objects with their code', async () => {
    const { engine } = makeEngine();
    const g = guardEngine(engine);
    const e = await g.listRecords().catch((x: unknown) => x);
    expect(e).toEqual({ code: 'LOCKED', message: expect.stringContaining('Unlock'), details: undefined });
    expect(e instanceof Error).toBe(false);
  });
});
