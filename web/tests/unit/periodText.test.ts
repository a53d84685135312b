import { describe, expect, it } from 'vitest';
import { isoWeek, parsePeriod, periodBefore, periodOf, stepPeriod } from '@/lib/periodText';

describe('periods as Laurel names them', () => {
  it('numbers ISO weeks from the week with the first Thursday, as the server does', () => {
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(periodOf('week', '2026-12-01')).toBe('2026-W49');
    expect(periodOf('week', '2026-01-05')).toBe('2026-W02');
  });
  it('names the day, month, quarter, year and all time containing a day', () => {
    expect(periodOf('day', '2026-12-01')).toBe('2026-12-01');
    expect(periodOf('month', '2026-02-28')).toBe('2026-02');
    expect(periodOf('quarter', '2026-11-15')).toBe('2026-Q4');
    expect(periodOf('quarter', '2026-01-01')).toBe('2026-Q1');
    expect(periodOf('year', '2026-11-15')).toBe('2026');
    expect(periodOf('all', '2026-11-15')).toBe('all');
  });
  it('steps back over month and year ends', () => {
    expect(periodBefore('month', '2026-03-31', 1)).toBe('2026-02');
    expect(periodBefore('month', '2026-01-15', 1)).toBe('2025-12');
    expect(periodBefore('quarter', '2026-01-15', 1)).toBe('2025-Q4');
    expect(periodBefore('week', '2026-01-01', 1)).toBe('2025-W52');
    expect(periodBefore('day', '2026-03-01', 1)).toBe('2026-02-28');
    expect(periodBefore('year', '2026-06-01', 2)).toBe('2024');
  });
});

describe('stepping a period to the previous or next one of its kind', () => {
  it('steps ISO weeks across year ends, to week 53 and back', () => {
    expect(stepPeriod('2026-W53', 1)).toBe('2027-W01');
    expect(stepPeriod('2027-W01', -1)).toBe('2026-W53');
    expect(stepPeriod('2026-W01', -1)).toBe('2025-W52'); // 2025 has 52 weeks
    expect(stepPeriod('2025-W52', 1)).toBe('2026-W01');
    expect(stepPeriod('2026-W49', 1)).toBe('2026-W50');
    expect(stepPeriod('2026-W09', 1)).toBe('2026-W10');
    expect(stepPeriod('2026-W10', -10)).toBe('2025-W52');
  });
  it('steps quarters, months and years over year ends', () => {
    expect(stepPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(stepPeriod('2027-Q1', -1)).toBe('2026-Q4');
    expect(stepPeriod('2026-Q2', -5)).toBe('2025-Q1');
    expect(stepPeriod('2026-12', 1)).toBe('2027-01');
    expect(stepPeriod('2026-01', -1)).toBe('2025-12');
    expect(stepPeriod('2026-03', -14)).toBe('2025-01');
    expect(stepPeriod('2026', -1)).toBe('2025');
    expect(stepPeriod('2026', 1)).toBe('2027');
  });
  it('steps days over month, leap-day and year ends', () => {
    expect(stepPeriod('2026-12-31', 1)).toBe('2027-01-01');
    expect(stepPeriod('2026-03-01', -1)).toBe('2026-02-28');
    expect(stepPeriod('2028-03-01', -1)).toBe('2028-02-29');
  });
  it('keeps all time as it is and refuses what is not a period', () => {
    expect(stepPeriod('all', 1)).toBe('all');
    expect(stepPeriod('2026-13', 1)).toBeNull();
    expect(stepPeriod('2026-W54', 1)).toBeNull();
    expect(stepPeriod('2025-W53', 1)).toBeNull(); // 2025 has no week 53
    expect(stepPeriod('2026-Q5', 1)).toBeNull();
    expect(stepPeriod('2026-02-30', 1)).toBeNull();
    expect(stepPeriod('last week', 1)).toBeNull();
  });
  it('agrees with the period of a day stepped back', () => {
    for (const kind of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      for (const day of ['2026-01-01', '2026-12-31', '2027-01-03', '2024-02-29']) {
        expect(stepPeriod(periodOf(kind, day), -3)).toBe(periodBefore(kind, day, 3));
      }
    }
  });
  it('reads a period back', () => {
    expect(parsePeriod('2026-W49')).toEqual({ kind: 'week', year: 2026, n: 49 });
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, n: 4 });
    expect(parsePeriod('2026-12')).toEqual({ kind: 'month', year: 2026, n: 12 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, n: 0 });
    expect(parsePeriod('2026-12-01')).toEqual({ kind: 'day', year: 2026, n: 1, day: '2026-12-01' });
    expect(parsePeriod('all')?.kind).toBe('all');
  });
});
