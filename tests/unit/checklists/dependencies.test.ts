import { describe, expect, it } from 'vitest';
import {
  ITEMS,
  blockedBy,
  generateChecklist,
  itemById,
  type ChecklistStates,
  type FirmProfile,
  type ItemStatus,
} from '../../../src/core/domain/checklists/index.ts';
import { errorCode } from '../../../src/core/errors.ts';

const PF: FirmProfile = {
  scenarios: ['PF'],
  firmName: '示例私募基金管理有限公司',
  euCustomers: false,
  paperRecords: true,
  processors: false,
  transferRoute: 'none',
  crossBorder: false,
  peopleCount: 5_000,
};

function withStatus(states: ChecklistStates, changes: Record<string, ItemStatus>): ChecklistStates {
  const next = { ...states };
  for (const [id, status] of Object.entries(changes)) {
    const s = next[id];
    if (!s) throw new Error(`test setup: ${id} is not in the states`);
    next[id] = { ...s, status };
  }
  return next;
}

describe('dependency graph', () => {
  it('names only existing items and never the item itself', () => {
    for (const item of ITEMS) {
      for (const dep of item.dependsOn) {
        expect(itemById(dep), `${item.id} depends on ${dep}`).toBeDefined();
        expect(dep).not.toBe(item.id);
      }
    }
  });

  it('has no cycle (Kahn topological sort reaches every item)', () => {
    const indegree = new Map(ITEMS.map((i) => [i.id, i.dependsOn.length]));
    const dependents = new Map<string, string[]>();
    for (const i of ITEMS) for (const d of i.dependsOn) dependents.set(d, [...(dependents.get(d) ?? []), i.id]);
    const ready = ITEMS.filter((i) => i.dependsOn.length === 0).map((i) => i.id);
    const sorted: string[] = [];
    while (ready.length > 0) {
      const id = ready.pop() as string;
      sorted.push(id);
      for (const n of dependents.get(id) ?? []) {
        const left = (indegree.get(n) ?? 0) - 1;
        indegree.set(n, left);
        if (left === 0) ready.push(n);
      }
    }
    expect(sorted).toHaveLength(ITEMS.length);
  });

  it('keeps the orderings the law and practice demand', () => {
    const deps = (id: string) => itemById(id)?.dependsOn ?? [];
    expect(deps('P6-01')).toEqual(expect.arrayContaining(['P3-07', 'P1-06', 'P2-05']));
    expect(deps('P6-02')).toContain('P6-01');
    expect(deps('P3-07')).toContain('P3-01');
    expect(deps('P4-02')).toContain('P1-07');
    expect(deps('P5-07')).toContain('P7-01');
  });
});

describe('blockedBy', () => {
  const fresh = generateChecklist(PF).states;

  it('lists unfinished applicable prerequisites, looking through items that do not apply', () => {
    expect(blockedBy('P1-01', fresh)).toEqual([]);
    expect(blockedBy('P1-02', fresh)).toEqual(['P1-01']);
    expect(blockedBy('P6-02', fresh)).toEqual(['P6-01']);
    // P2-06, P4-03, P4-06 and P4-07 do not apply to PF without transfer: their own
    // prerequisites (P1-06; P2-01, P2-03 via P1-07; P5-02; P3-02) take their place.
    expect(blockedBy('P6-01', fresh)).toEqual(['P1-06', 'P2-01', 'P2-03', 'P2-05', 'P3-02', 'P3-07', 'P3-08', 'P4-04', 'P5-02']);
  });

  it('destruction scope is blocked until archives are restore-tested, then unblocked', () => {
    let s = withStatus(fresh, {
      'P1-06': 'done',
      'P2-01': 'done',
      'P2-03': 'done',
      'P2-05': 'done',
      'P3-02': 'done',
      'P3-08': 'done',
      'P4-04': 'done',
      'P5-02': 'done',
    });
    expect(blockedBy('P6-01', s)).toEqual(['P3-07']);
    s = withStatus(s, { 'P3-07': 'in-progress' });
    expect(blockedBy('P6-01', s)).toEqual(['P3-07']);
    s = withStatus(s, { 'P3-07': 'done' });
    expect(blockedBy('P6-01', s)).toEqual([]);
    s = withStatus(s, { 'P3-07': 'todo' });
    expect(blockedBy('P6-01', s)).toEqual(['P3-07']);
  });

  it("a prerequisite marked 'na' no longer blocks", () => {
    const s = withStatus(fresh, { 'P6-01': 'na' });
    expect(blockedBy('P6-02', s)).toEqual([]);
  });

  it('a retired prerequisite is looked through, not counted', () => {
    const s: ChecklistStates = { ...fresh, 'P1-07': { status: 'todo', evidence: [], retired: true } };
    const ready = withStatus(s, { 'P2-01': 'done', 'P2-03': 'done' });
    expect(blockedBy('P7-08', s)).toEqual(['P2-01', 'P2-03']);
    expect(blockedBy('P7-08', ready)).toEqual([]);
  });

  it('the checklist entries carry the same blockers', () => {
    const entry = generateChecklist(PF).entries.find((e) => e.item.id === 'P3-07');
    expect(entry?.blockedBy).toEqual(['P3-01', 'P3-02', 'P3-03']);
  });

  it('refuses an unknown item with NOT_FOUND', () => {
    let thrown: unknown;
    try {
      blockedBy('P9-99', fresh);
    } catch (e) {
      thrown = e;
    }
    expect(errorCode(thrown)).toBe('NOT_FOUND');
  });
});
