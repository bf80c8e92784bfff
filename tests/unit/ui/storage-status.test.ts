import { describe, expect, it } from 'vitest';
import { exportNudge, storageWarnings, USAGE_WARN } from '../../../src/ui/storage-status.ts';

const DAY = 86_400_000;

describe('storage durability warnings', () => {
  it('warns when storage is not persistent, and not when the browser does not say', () => {
    expect(storageWarnings({ persisted: false, usage: 1, quota: 100 })).toEqual(['not-persistent']);
    expect(storageWarnings({ persisted: null, usage: null, quota: null })).toEqual([]);
    expect(storageWarnings({ persisted: true, usage: 1, quota: 100 })).toEqual([]);
  });

  it('warns from 80 % of the quota', () => {
    expect(USAGE_WARN).toBe(0.8);
    expect(storageWarnings({ persisted: true, usage: 79, quota: 100 })).toEqual([]);
    expect(storageWarnings({ persisted: true, usage: 80, quota: 100 })).toEqual(['nearly-full']);
    expect(storageWarnings({ persisted: false, usage: 95, quota: 100 })).toEqual(['not-persistent', 'nearly-full']);
  });

  it('nudges to export when records exist and the last export is missing or over 7 days old', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(exportNudge(undefined, 0, now)).toBe(false);
    expect(exportNudge(undefined, 5, now)).toBe(true);
    expect(exportNudge(new Date(now - 6 * DAY).toISOString(), 5, now)).toBe(false);
    expect(exportNudge(new Date(now - 8 * DAY).toISOString(), 5, now)).toBe(true);
  });
});
