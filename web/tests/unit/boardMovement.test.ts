import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '@/api/boardTypes';
import { movementOf, movementText } from '@/lib/movement';
import { comparisonOf, formatMoment } from '@/lib/snapshotText';

const cell = (row: { rank: number; previous_rank?: number | null; movement?: number | null }, compared = true) => {
  const m = movementOf(row, compared);
  return m && movementText(m, '新');
};

describe('a row\'s movement', () => {
  it('is an arrow and the places moved: up, down, or a dash when unchanged', () => {
    expect(cell({ rank: 1, previous_rank: 3, movement: 2 })).toBe('▲2');
    expect(cell({ rank: 4, previous_rank: 1, movement: -3 })).toBe('▼3');
    expect(cell({ rank: 2, previous_rank: 2, movement: 0 })).toBe('–');
    expect(movementOf({ rank: 1, previous_rank: 3, movement: 2 }, true)).toEqual({ kind: 'up', places: 2 });
    expect(movementOf({ rank: 4, previous_rank: 1, movement: -3 }, true)).toEqual({ kind: 'down', places: 3 });
  });
  it('is worked out from the previous rank when the API gives none', () => {
    expect(cell({ rank: 2, previous_rank: 5 })).toBe('▲3');
    expect(cell({ rank: 5, previous_rank: 2, movement: null })).toBe('▼3');
  });
  it('is "new" for one not in the snapshot compared with', () => {
    expect(cell({ rank: 3, previous_rank: null, movement: null })).toBe('新');
    expect(movementText({ kind: 'new', places: 0 }, 'new')).toBe('new');
  });
  it('is nothing without a snapshot to compare with', () => {
    expect(cell({ rank: 3, previous_rank: null, movement: null }, false)).toBeNull();
    expect(cell({ rank: 3 }, false)).toBeNull();
  });
});

const snapshot = (extra: Partial<SnapshotSummary>): SnapshotSummary => ({
  id: 7, board_id: 1, period: '2026-12', kind: 'manual', scheduled_for: null, taken_at: '2026-11-30T00:00:00Z',
  taken_by: 1, folded_up_to: 10, tie_policy: 'competition', total: 3, ...extra,
});

describe('what movement compares with', () => {
  it('is a snapshot of the period shown, taken by hand or on the schedule', () => {
    expect(comparisonOf(snapshot({}), '2026-12')).toEqual({ kind: 'snapshot', at: '2026-11-30T00:00:00Z' });
    expect(comparisonOf(snapshot({ kind: 'scheduled' }), '2026-12')?.kind).toBe('snapshot');
  });
  it('is the period\'s own close once it is closed', () => {
    expect(comparisonOf(snapshot({ kind: 'period_close', period: '2026-11' }), '2026-11')?.kind).toBe('ownClose');
  });
  it('is the previous period\'s close, or an earlier close when periods in between have none', () => {
    expect(comparisonOf(snapshot({ kind: 'period_close', period: '2026-11' }), '2026-12')).toEqual({ kind: 'previousClose', period: '2026-11' });
    expect(comparisonOf(snapshot({ kind: 'period_close', period: '2026-W53' }), '2027-W01')?.kind).toBe('previousClose'); // 2026 has 53 ISO weeks
    expect(comparisonOf(snapshot({ kind: 'period_close', period: '2026-09' }), '2026-12')).toEqual({ kind: 'close', period: '2026-09' });
  });
  it('is nothing when there is no snapshot', () => {
    expect(comparisonOf(null, '2026-12')).toBeNull();
  });
});

describe('a snapshot\'s moment', () => {
  const now = new Date('2026-12-02T03:00:00Z');
  it('is company-local, to the minute, without this year', () => {
    expect(formatMoment('2026-11-30T00:00:00Z', 'Asia/Shanghai', 'zh-CN', now)).toBe('11月30日 08:00');
    expect(formatMoment('2026-11-30T00:00:00Z', 'Asia/Shanghai', 'en', now)).toBe('Nov 30, 08:00');
    // 23:30 UTC on 30 Nov is already 1 December in Shanghai.
    expect(formatMoment('2026-11-30T23:30:00Z', 'Asia/Shanghai', 'zh-CN', now)).toBe('12月1日 07:30');
  });
  it('names the year of another year', () => {
    expect(formatMoment('2025-12-29T00:00:00Z', 'Asia/Shanghai', 'zh-CN', now)).toBe('2025年12月29日 08:00');
    // The last evening of 2026 in UTC is already 2027 in Shanghai.
    expect(formatMoment('2026-12-31T20:00:00Z', 'Asia/Shanghai', 'zh-CN', new Date('2027-01-01T01:00:00Z'))).toBe('1月1日 04:00');
  });
});
