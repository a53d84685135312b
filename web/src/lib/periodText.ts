// Periods as Laurel names them (core/period.hpp): 2026-12-01, 2026-W49 (ISO week), 2026-12,
// 2026-Q4, 2026, all — the one containing a company-local day, and the ones before it.

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** ISO 8601 week-numbering year and week of a day (the week with the year's first Thursday is 1). */
export function isoWeek(day: string): { year: number; week: number } {
  const d = utcDay(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return { year, week: Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1 };
}

/** The period of `kind` that contains the day (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, day: string): string {
  const [y, m] = day.split('-').map(Number);
  switch (kind) {
    case 'day':
      return day;
    case 'week': {
      const { year, week } = isoWeek(day);
      return `${year}-W${pad(week)}`;
    }
    case 'month':
      return `${y}-${pad(m)}`;
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return String(y);
    case 'all':
      return 'all';
  }
}

/** The period `steps` before the one containing the day (steps ≥ 0): last week, last month… */
export function periodBefore(kind: PeriodKind, day: string, steps: number): string {
  const d = utcDay(day);
  switch (kind) {
    case 'day':
      d.setUTCDate(d.getUTCDate() - steps);
      break;
    case 'week':
      d.setUTCDate(d.getUTCDate() - 7 * steps);
      break;
    case 'month':
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - steps);
      break;
    case 'quarter':
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - 3 * steps);
      break;
    case 'year':
      d.setUTCDate(1);
      d.setUTCFullYear(d.getUTCFullYear() - steps);
      break;
    case 'all':
      return 'all';
  }
  return periodOf(kind, d.toISOString().slice(0, 10));
}
