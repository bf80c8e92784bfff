import { describe, expect, it, vi } from 'vitest';
import { makeEngine, PASS, person, rejectsWith } from '../helpers.ts';
import { fixedKdf } from '../../../src/engine/kdf-provider.ts';
import { parseSlot } from '../../../src/core/formats/slot.ts';

describe('vault lifecycle', () => {
  it('creates, locks and unlocks with the passphrase; records survive', async () => {
    const { engine } = makeEngine();
    const { vaultId, recoveryKey, session } = await engine.createVault({ label: 'Case A', operator: 'Li Wei', passphrase: PASS });
    expect(session.actor).toBe('Li Wei');
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/);
    const r = await engine.createRecord(person(1));
    await engine.lock();
    expect(await rejectsWith(engine.listRecords())).toBe('LOCKED');
    const s = await engine.unlockWithPassphrase(vaultId, PASS);
    expect(s.actor).toBe('Li Wei');
    expect((await engine.getRecord(r.id)).fields.name).toBe('客户1');
    expect(await engine.listVaults()).toEqual([{ id: vaultId, label: 'Case A', createdAt: expect.any(String) }]);
  });

  it('refuses a wrong passphrase, logs the attempt at the next unlock', async () => {
    const { engine } = makeEngine();
    const { vaultId } = await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    await engine.lock();
    expect(await rejectsWith(engine.unlockWithPassphrase(vaultId, 'not the passphrase'))).toBe('WRONG_PASSPHRASE');
    expect(await engine.current()).toBeNull();
    await engine.unlockWithPassphrase(vaultId, PASS);
    const actions = (await engine.auditEvents(0, 10)).items.map((e) => ('action' in e ? e.action : 'damaged'));
    expect(actions.slice(0, 2)).toEqual(['vault.unlocked', 'vault.unlock-failed']);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it('unlocks with the recovery key and names a mistyped group', async () => {
    const { engine } = makeEngine();
    const { vaultId, recoveryKey } = await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    await engine.lock();
    const groups = recoveryKey.split('-');
    groups[4] = groups[4]!.slice(0, 4) + (groups[4]![4] === 'A' ? 'B' : 'A');
    const err = await engine.unlockWithRecoveryKey(vaultId, groups.join('-')).catch((e) => e);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.details.groups).toEqual([5]);
    const s = await engine.unlockWithRecoveryKey(vaultId, recoveryKey.toLowerCase());
    expect(s.actor).toBe('recovery key');
  });

  it('lets a second operator unlock, and the audit log names them', async () => {
    const { engine } = makeEngine();
    const { vaultId } = await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    await engine.addOperator('Wang Fang', 'second operator pass');
    await engine.lock();
    const s = await engine.unlockWithPassphrase(vaultId, 'second operator pass');
    expect(s.actor).toBe('Wang Fang');
    await engine.createRecord(person(2));
    const newest = (await engine.auditEvents(0, 1)).items[0]!;
    expect(newest).toMatchObject({ action: 'record.created', actor: 'Wang Fang', slot: s.slotId });
    expect((await engine.listSlots()).map((x) => [x.label, x.kind, x.current]).sort()).toEqual([
      ['Li', 'passphrase', false],
      ['Wang Fang', 'passphrase', true],
      ['recovery key', 'recovery', false],
    ]);
  });

  it('refuses to remove the last slot', async () => {
    const { engine } = makeEngine();
    await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    const slots = await engine.listSlots();
    await engine.removeSlot(slots.find((s) => s.kind === 'recovery')!.id);
    expect(await rejectsWith(engine.removeSlot(slots.find((s) => s.kind === 'passphrase')!.id))).toBe('LAST_SLOT');
    expect(await engine.listSlots()).toHaveLength(1);
  });

  it('changes the passphrase after checking the current one', async () => {
    const { engine } = makeEngine();
    const { vaultId } = await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    expect(await rejectsWith(engine.changePassphrase('wrong current', 'a new passphrase'))).toBe('WRONG_PASSPHRASE');
    await engine.changePassphrase(PASS, 'a new passphrase');
    await engine.lock();
    expect(await rejectsWith(engine.unlockWithPassphrase(vaultId, PASS))).toBe('WRONG_PASSPHRASE');
    await engine.unlockWithPassphrase(vaultId, 'a new passphrase');
  });

  it('calibrates once, stores the parameters in the slot and reuses them at unlock', async () => {
    const params = { ops: 2, memBytes: 256 * 1024 };
    const base = fixedKdf(params);
    const kdf = { calibrate: vi.fn(base.calibrate), derive: vi.fn(base.derive) };
    const { engine, store } = makeEngine({ kdf });
    const { vaultId } = await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    await engine.addOperator('Wang', 'another passphrase');
    expect(kdf.calibrate).toHaveBeenCalledTimes(1);
    const slots = await store.slotsOf(vaultId);
    const pass = slots.map((s) => parseSlot(s.slot)).filter((s) => s.kind === 'passphrase');
    expect(pass.map((p) => p.kdf)).toEqual([params, params]);
    await engine.lock();
    kdf.derive.mockClear();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect(kdf.derive.mock.calls.every(([, , p]) => p.ops === 2 && p.memBytes === 256 * 1024)).toBe(true);
    expect(kdf.calibrate).toHaveBeenCalledTimes(1);
  });

  it('validates creation input', async () => {
    const { engine } = makeEngine();
    const e = await engine.createVault({ label: ' ', operator: 'Li', passphrase: PASS }).catch((x) => x);
    expect([e.code, e.details.field]).toEqual(['INVALID_INPUT', 'label']);
    const p = await engine.createVault({ label: 'A', operator: 'Li', passphrase: 'short' }).catch((x) => x);
    expect([p.code, p.details.field]).toEqual(['INVALID_INPUT', 'passphrase']);
    expect(await engine.listVaults()).toEqual([]);
  });

  it('keeps settings sealed and checks their range', async () => {
    const { engine } = makeEngine();
    const { vaultId } = await engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
    expect((await engine.getSettings()).autoLockMinutes).toBe(5);
    await engine.setSettings({ autoLockMinutes: 12 });
    expect(await rejectsWith(engine.setSettings({ autoLockMinutes: 0 }))).toBe('INVALID_INPUT');
    await engine.lock();
    expect((await engine.unlockWithPassphrase(vaultId, PASS)).settings.autoLockMinutes).toBe(12);
  });
});

