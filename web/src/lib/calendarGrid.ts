// A month of the company calendar as a Monday-first grid of weeks, each day marked working or
// not: Monday to Friday work, Saturday and Sunday rest, and the admin's exceptions (a holiday,
// or a weekend day swapped into a working day) decide over that.

export interface CalendarException {
  date: string; // YYYY-MM-DD
  kind: 'holiday' | 'working_day';
  name: string;
}

export interface CalendarDay {
  date: string;
  dayOfMonth: number;
  weekend: boolean;
  working: boolean;
  exception: CalendarException | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO weekday of a calendar date, 1 = Monday … 7 = Sunday (no time zone involved). */
export function isoWeekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

export function isWorkingDay(weekday: number, exception: CalendarException | null): boolean {
  if (exception) return exception.kind === 'working_day';
  return weekday <= 5;
}

/** The weeks of a month (1–12); days of neighbouring months are null. */
export function monthGrid(year: number, month: number, exceptions: Map<string, CalendarException>): (CalendarDay | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (CalendarDay | null)[] = Array(isoWeekday(year, month, 1) - 1).fill(null);
  for (let d = 1; d <= days; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    const weekday = isoWeekday(year, month, d);
    const exception = exceptions.get(date) ?? null;
    cells.push({ date, dayOfMonth: d, weekend: weekday > 5, working: isWorkingDay(weekday, exception), exception });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
