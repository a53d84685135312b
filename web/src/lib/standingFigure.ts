// A leaderboard row's figure as people read it: amounts as 万/亿 (or K/M), counts as counts, and
// on a ratio board the achievement in percent with "value / target" beside it. The API says
// which a figure is by its type: yuan arrive as decimal strings, counts as integers.
import type { Figure, Standing } from '@/api/boardTypes';
import { formatAmount, type Locale } from '@/lib/money';

/** One figure: "150.00万" for yuan, "1,234" for a count. */
export function formatFigure(value: Figure | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return formatAmount(value, locale);
  return value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
}

export interface StandingFigure {
  /** The headline: the figure, or a ratio board's percent; null: a ratio board's "no target". */
  main: string | null;
  /** A ratio board's "value / target" (or the value alone without a target). */
  detail: string | null;
}

export function standingFigure(
  s: Pick<Standing, 'value' | 'target' | 'percent' | 'no_target' | 'pro_rated'>,
  ratio: boolean,
  locale: Locale,
): StandingFigure {
  const value = formatFigure(s.value, locale);
  // Pro-rated (joined mid-period): the scaled figure ranks; the actual one and the days beside it.
  const p = s.pro_rated;
  if (!ratio && p) {
    const actual = formatFigure(p.actual_value, locale);
    const detail =
      locale === 'zh-CN'
        ? `实际 ${actual}（在岗 ${p.days_present}/${p.days_in_period} 天）`
        : `actual ${actual} (${p.days_present} of ${p.days_in_period} days)`;
    return { main: value, detail };
  }
  if (!ratio) return { main: value, detail: null };
  if (s.no_target || s.target === null) return { main: null, detail: value };
  const percent = s.percent === null ? '—' : `${s.percent.toFixed(1)}%`;
  return { main: percent, detail: `${value} / ${formatFigure(s.target, locale)}` };
}
