import { describe, expect, it } from 'vitest';
import { isoWeek, periodBefore, periodOf } from '@/lib/periodText';

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
