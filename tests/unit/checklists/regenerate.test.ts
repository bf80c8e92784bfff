import { describe, expect, it } from 'vitest';
import {
  applicableIds,
  generateChecklist,
  regenerate,
  type ChecklistStates,
  type FirmProfile,
} from '../../../src/core/domain/checklists/index.ts';

const BT_TRANSFER: FirmProfile = {
  scenarios: ['BT'],
  firmName: '示例证券经纪有限公司',
  euCustomers: true,
  paperRecords: false,
  processors: false,
  transferRoute: 'pipl22',
  recipient: '承接证券股份有限公司',
  crossBorder: false,
  peopleCount: 80_000,
};

const evidence = { kind: 'attachment' as const, ref: 'att-7', label: '转移协议（签署版）', at: '2026-12-01T09:30:00Z' };

function worked(): ChecklistStates {
  const s = { ...generateChecklist(BT_TRANSFER).states };
  s['P4-02'] = { status: 'done', owner: '法务部 王律师', evidence: [evidence] };
  s['P5-08'] = { status: 'in-progress', due: '2027-01-15', notes: '3 requests open', evidence: [] };
  s['P1-01'] = { status: 'done', owner: '张总', evidence: [] };
  s['P5-03'] = { status: 'na', naReason: '查询已由承接方提供', evidence: [] };
  return s;
}

describe('regenerate', () => {
  it('gives every applicable item a fresh todo state the first time', () => {
    const s = regenerate({}, BT_TRANSFER);
    expect(Object.keys(s).sort()).toEqual(applicableIds(BT_TRANSFER));
    for (const v of Object.values(s)) expect(v).toEqual({ status: 'todo', evidence: [] });
  });

  it('keeps the state of every item that still applies', () => {
    const before = worked();
    const after = regenerate(before, { ...BT_TRANSFER, paperRecords: true });
    for (const id of ['P4-02', 'P5-08', 'P1-01', 'P5-03']) expect(after[id]).toEqual(before[id]);
    expect(after['P6-02']).toEqual({ status: 'todo', evidence: [] });
  });

  it('marks items that no longer apply as retired and keeps their state', () => {
    const before = worked();
    const after = regenerate(before, { ...BT_TRANSFER, transferRoute: 'none', recipient: undefined, euCustomers: false });
    expect(after['P4-02']).toEqual({ status: 'done', owner: '法务部 王律师', evidence: [evidence], retired: true });
    expect(after['P5-08']).toEqual({ status: 'in-progress', due: '2027-01-15', notes: '3 requests open', evidence: [], retired: true });
    for (const id of ['P1-07', 'P4-01', 'P4-03', 'P4-05', 'P4-06', 'P7-06', 'P7-08']) {
      expect(after[id]?.retired, id).toBe(true);
    }
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length);
    expect(after['P1-01']).toEqual(before['P1-01']);
  });

  it('an item that applies again loses the retired mark and keeps its state', () => {
    const off = regenerate(worked(), { ...BT_TRANSFER, transferRoute: 'none', recipient: undefined });
    const on = regenerate(off, BT_TRANSFER);
    expect(on['P4-02']).toEqual({ status: 'done', owner: '法务部 王律师', evidence: [evidence] });
    expect(Object.values(on).some((s) => s.retired)).toBe(false);
  });

  it('keeps states of ids the rules no longer know', () => {
    const old: ChecklistStates = { 'P0-99': { status: 'done', evidence: [] } };
    expect(regenerate(old, BT_TRANSFER)['P0-99']).toEqual({ status: 'done', evidence: [], retired: true });
  });

  it('does not change its input', () => {
    const before = worked();
    const copy = structuredClone(before);
    regenerate(before, { ...BT_TRANSFER, scenarios: ['AV'] });
    expect(before).toEqual(copy);
  });

  it('the checklist shows retired items as retired with their state', () => {
    const list = generateChecklist({ ...BT_TRANSFER, euCustomers: false }, worked());
    const p508 = list.entries.find((e) => e.item.id === 'P5-08');
    expect(p508?.applicability).toBe('retired');
    expect(p508?.state?.status).toBe('in-progress');
    expect(p508?.blockedBy).toEqual([]);
    const p602 = list.entries.find((e) => e.item.id === 'P6-02');
    expect(p602?.applicability).toBe('excluded');
    expect(p602?.state).toBeUndefined();
  });
});
