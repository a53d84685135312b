import { describe, expect, it } from 'vitest';
import { isoWeekday, monthGrid, type CalendarException } from '@/lib/calendarGrid';

const exceptions = (list: CalendarException[]) => new Map(list.map((e) => [e.date, e]));

describe('monthGrid', () => {
  it('starts weeks on Monday and pads with the neighbouring months', () => {
    // 1 October 2026 is a Thursday.
    expect(isoWeekday(2026, 10, 1)).toBe(4);
    const weeks = monthGrid(2026, 10, new Map());
    expect(weeks[0].slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0][3]?.date).toBe('2026-10-01');
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
  it('lets a holiday close a weekday and a swapped working day open a weekend', () => {
    const weeks = monthGrid(
      2026,
      10,
      exceptions([
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-04', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-10', kind: 'working_day', name: '国庆节调休' },
      ]),
    );
    const byDate = new Map(weeks.flat().flatMap((d) => (d ? [[d.date, d]] : [])));
    expect(byDate.get('2026-10-01')?.working).toBe(false); // a Thursday holiday
    expect(byDate.get('2026-10-04')?.working).toBe(false); // a Sunday holiday stays a rest day
    expect(byDate.get('2026-10-10')?.working).toBe(true); // Saturday, swapped
    expect(byDate.get('2026-10-12')?.working).toBe(true); // an ordinary Monday
    expect(byDate.get('2026-10-11')?.working).toBe(false); // an ordinary Sunday
  });
  it('knows leap years', () => {
    expect(monthGrid(2028, 2, new Map()).flat().filter(Boolean)).toHaveLength(29);
    expect(monthGrid(2026, 2, new Map()).flat().filter(Boolean)).toHaveLength(28);
  });
});
