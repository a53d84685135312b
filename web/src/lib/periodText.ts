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

/** A period's text read back: its kind, year and number within the year (month 1–12, quarter
 *  1–4, ISO week 1–53; a day's is its day of the month); null when it is not one. */
export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  n: number;
  day?: string;
}

export function parsePeriod(text: string): ParsedPeriod | null {
  if (text === 'all') return { kind: 'all', year: 0, n: 0 };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const d = utcDay(text);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text
      ? null
      : { kind: 'day', year: +m[1], n: +m[3], day: text };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(text))) {
    const year = +m[1];
    const week = +m[2];
    return week >= 1 && week <= isoWeek(`${year}-12-28`).week ? { kind: 'week', year, n: week } : null;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) return +m[2] >= 1 && +m[2] <= 12 ? { kind: 'month', year: +m[1], n: +m[2] } : null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) return { kind: 'quarter', year: +m[1], n: +m[2] };
  if ((m = /^(\d{4})$/.exec(text))) return { kind: 'year', year: +m[1], n: 0 };
  return null;
}

/** The Monday of an ISO week (the week with 4 January is week 1). */
function mondayOf(year: number, week: number): Date {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return new Date(jan4 + (7 * (week - 1) - weekday) * 86_400_000);
}

/** The period `delta` periods after `text` (before it when negative), of the same kind:
 *  2026-W53 + 1 is 2027-W01, 2026-Q4 + 1 is 2027-Q1; all time stays all. Null for an unreadable text. */
export function stepPeriod(text: string, delta: number): string | null {
  const p = parsePeriod(text);
  if (!p) return null;
  switch (p.kind) {
    case 'day': {
      const d = utcDay(p.day!);
      d.setUTCDate(d.getUTCDate() + delta);
      return d.toISOString().slice(0, 10);
    }
    case 'week': {
      const monday = mondayOf(p.year, p.n);
      return periodOf('week', new Date(monday.getTime() + 7 * delta * 86_400_000).toISOString().slice(0, 10));
    }
    case 'month': {
      const i = p.year * 12 + (p.n - 1) + delta;
      return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
    }
    case 'quarter': {
      const i = p.year * 4 + (p.n - 1) + delta;
      return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
    }
    case 'year':
      return String(p.year + delta);
    case 'all':
      return 'all';
  }
}
