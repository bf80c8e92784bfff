import { describe, expect, it } from 'vitest';
import {
  ACTION_TICKS,
  applyActionEvidence,
  generateChecklist,
  itemById,
  type ActionName,
  type ChecklistStates,
  type FirmProfile,
} from '../../../src/core/domain/checklists/index.ts';
import { errorCode } from '../../../src/core/errors.ts';

const AV: FirmProfile = {
  scenarios: ['AV', 'PF'],
  firmName: '示例投资管理有限公司',
  euCustomers: false,
  paperRecords: false,
  processors: false,
  transferRoute: 'none',
  crossBorder: false,
  peopleCount: 1_200,
};

const AT = '2026-12-03T10:00:00Z';

describe('ACTION_TICKS', () => {
  it('maps the five actions to existing items', () => {
    expect(Object.keys(ACTION_TICKS).sort()).toEqual([
      'archive.exported',
      'destruction.executed',
      'destruction.recorded',
      'import.committed',
      'transfer.exported',
    ]);
    for (const ids of Object.values(ACTION_TICKS)) for (const id of ids) expect(itemById(id), id).toBeDefined();
    expect(ACTION_TICKS['archive.exported']).toEqual(['P3-01', 'P3-03']);
  });
});

describe('applyActionEvidence', () => {
  const fresh = generateChecklist(AV).states;

  it('records the action and leaves blocked items in progress', () => {
    const s = applyActionEvidence(fresh, 'archive.exported', 'ARC-2026-0001', '归档包 ARC-2026-0001', AT);
    expect(s['P3-01']).toEqual({
      status: 'in-progress',
      evidence: [{ kind: 'action', ref: 'ARC-2026-0001', label: '归档包 ARC-2026-0001', at: AT }],
    });
    expect(s['P3-03']?.status).toBe('in-progress');
    expect(fresh['P3-01']).toEqual({ status: 'todo', evidence: [] });
  });

  it('ticks items done once prerequisites are settled, in list order', () => {
    const ready: ChecklistStates = { ...fresh, 'P2-05': { status: 'done', evidence: [] } };
    const s = applyActionEvidence(ready, 'archive.exported', 'ARC-2026-0002', 'ARC-2026-0002', AT);
    expect(s['P3-01']?.status).toBe('done');
    expect(s['P3-03']?.status).toBe('done');
  });

  it('adds the same ref once and leaves done and na alone', () => {
    const start: ChecklistStates = {
      ...fresh,
      'P2-02': { status: 'na', naReason: '不适用', evidence: [] },
      'P2-03': { status: 'done', evidence: [] },
    };
    const once = applyActionEvidence(start, 'import.committed', 'imp-1', '导入客户名册', AT);
    const twice = applyActionEvidence(once, 'import.committed', 'imp-1', '导入客户名册', AT);
    expect(twice['P2-02']?.status).toBe('na');
    expect(twice['P2-03']?.status).toBe('done');
    expect(twice['P2-03']?.evidence).toHaveLength(1);
  });

  it('skips items that do not apply or are retired', () => {
    const retired: ChecklistStates = { ...fresh, 'P6-08': { status: 'todo', evidence: [], retired: true } };
    const s = applyActionEvidence(retired, 'destruction.recorded', 'log-1', '销毁日志', AT);
    expect(s['P6-08']).toEqual({ status: 'todo', evidence: [], retired: true });
    const t = applyActionEvidence(fresh, 'transfer.exported', 'TRF-2026-0001', '转移包', AT);
    expect(t['P4-06']).toBeUndefined();
    expect(t).toEqual(fresh);
  });

  it('refuses an unknown action', () => {
    let e: unknown;
    try {
      applyActionEvidence(fresh, 'vault.deleted' as ActionName, 'x', 'x', AT);
    } catch (err) {
      e = err;
    }
    expect(errorCode(e)).toBe('INVALID_INPUT');
    expect((e as { details?: { field?: string } }).details?.field).toBe('action');
  });
});
