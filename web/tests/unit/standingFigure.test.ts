import { describe, expect, it } from 'vitest';
import { touches } from '@/api/boardTypes';
import { formatFigure, standingFigure } from '@/lib/standingFigure';

const row = (
  value: string | number,
  extra: Partial<{ target: string | number | null; percent: number | null; no_target: boolean; pro_rated: { actual_value: string | number; days_present: number; days_in_period: number } | null }> = {},
) => ({
  value,
  target: null,
  percent: null,
  no_target: false,
  ...extra,
});

describe('a standing\'s figure', () => {
  it('shows yuan as amounts and integers as counts', () => {
    expect(formatFigure('1500000.00', 'zh-CN')).toBe('150.00万');
    expect(formatFigure('1500000.00', 'en')).toBe('1.50M');
    expect(formatFigure(1234, 'en')).toBe('1,234');
    expect(formatFigure(7, 'zh-CN')).toBe('7');
    expect(formatFigure(0, 'zh-CN')).toBe('0');
    expect(formatFigure('0.00', 'zh-CN')).toBe('0.00');
    expect(formatFigure(null, 'en')).toBe('—');
  });
  it('is the figure alone on a plain board', () => {
    expect(standingFigure(row('250000000.00'), false, 'zh-CN')).toEqual({ main: '2.50亿', detail: null });
    expect(standingFigure(row(12), false, 'en')).toEqual({ main: '12', detail: null });
  });
  it('is the percent with value and target on a ratio board', () => {
    expect(standingFigure(row('1000.00', { target: '4000.00', percent: 25 }), true, 'zh-CN')).toEqual({ main: '25.0%', detail: '1,000.00 / 4,000.00' });
    expect(standingFigure(row(3, { target: 4, percent: 75 }), true, 'en')).toEqual({ main: '75.0%', detail: '3 / 4' });
    expect(standingFigure(row('30000000.00', { target: '20000000.00', percent: 150 }), true, 'zh-CN').main).toBe('150.0%');
  });
  it('has no headline without a target (the page says "no target"), and keeps the value', () => {
    expect(standingFigure(row('500.00', { no_target: true }), true, 'en')).toEqual({ main: null, detail: '500.00' });
  });
  it('is the pro-rated figure with the actual one and the days beside it for someone who joined mid-period', () => {
    const joined = row('1240.00', { pro_rated: { actual_value: '600.00', days_present: 15, days_in_period: 31 } });
    expect(standingFigure(joined, false, 'zh-CN')).toEqual({ main: '1,240.00', detail: '实际 600.00（在岗 15/31 天）' });
    expect(standingFigure(joined, false, 'en')).toEqual({ main: '1.24K', detail: 'actual 600.00 (15 of 31 days)' });
  });
});

describe('a board_changed event', () => {
  it('is about a page showing that board and one of its periods, or any period when none is named', () => {
    expect(touches({ board_id: 3, periods: ['2026-12'] }, 3, '2026-12')).toBe(true);
    expect(touches({ board_id: 3, periods: ['2026-11'] }, 3, '2026-12')).toBe(false);
    expect(touches({ board_id: 4, periods: ['2026-12'] }, 3, '2026-12')).toBe(false);
    expect(touches({ board_id: 3, periods: [] }, 3, '2026-W49')).toBe(true);
  });
});
