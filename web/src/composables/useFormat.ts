// Amounts and dates in the UI's language, dates and times in the company time zone.
import { useI18n } from 'vue-i18n';
import type { Figure } from '@/api/boardTypes';
import { formatAmount } from '@/lib/money';
import type { Locale } from '@/lib/money';
import { formatFigure } from '@/lib/standingFigure';
import { formatDateTime, formatDay } from '@/lib/zonedTime';
import { session } from '@/session';

export function useFormat() {
  const { locale } = useI18n();
  return {
    amount: (value: string | number | null | undefined) => formatAmount(value, locale.value as Locale),
    /** A leaderboard's figure: yuan (decimal strings) as amounts, integers as counts. */
    figure: (value: Figure | null | undefined) => formatFigure(value, locale.value as Locale),
    dateTime: (iso: string) => formatDateTime(iso, session.timeZone, locale.value),
    day: (day: string | null | undefined) => (day ? formatDay(day, locale.value) : '—'),
    /** A whole number (points, counts) with the locale's grouping. */
    count: (value: number) => value.toLocaleString(locale.value),
  };
}
