// Frozen leaderboards in words: what a page's movement is measured against, and a snapshot's
// moment in company-local time ("11月30日 08:00", the year only when it is not this year's).
import type { SnapshotSummary } from '@/api/boardTypes';
import { stepPeriod } from '@/lib/periodText';
import { zonedDate } from '@/lib/zonedTime';

/** What movement compares with: a snapshot of the period shown (its close, or one taken during
 *  it), the close of the period before, or the close of an earlier one. */
export type Comparison =
  | { kind: 'snapshot' | 'ownClose'; at: string }
  | { kind: 'previousClose' | 'close'; period: string };

export function comparisonOf(compared: SnapshotSummary | null, shown: string): Comparison | null {
  if (!compared) return null;
  if (compared.period === shown) return { kind: compared.kind === 'period_close' ? 'ownClose' : 'snapshot', at: compared.taken_at };
  // The API compares only with an earlier period's close; anything else is named by its moment.
  if (compared.kind !== 'period_close') return { kind: 'snapshot', at: compared.taken_at };
  return { kind: stepPeriod(shown, -1) === compared.period ? 'previousClose' : 'close', period: compared.period };
}

/** An instant in the company zone, to the minute, without the year when it is this year. */
export function formatMoment(iso: string, timeZone: string, locale: string, now: Date = new Date()): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const sameYear = zonedDate(instant, timeZone).slice(0, 4) === zonedDate(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    ...(sameYear ? {} : { year: 'numeric' as const }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
