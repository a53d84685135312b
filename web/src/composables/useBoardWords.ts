// A leaderboard in words, the same on every page that names one: what it ranks ("个人 · 金额 ·
// 月榜 · 全公司"), how ties go ("并列排名 1,2,2,4"), a period's name ("2026 年第 49 周"), and
// its snapshots ("每周定时 · 2026年12月 · 12月7日 08:00", "对比 11月30日 08:00 的快照").
import { useI18n } from 'vue-i18n';
import type { Board, SnapshotSummary } from '@/api/boardTypes';
import { parsePeriod } from '@/lib/periodText';
import { comparisonOf, formatMoment } from '@/lib/snapshotText';
import { formatDay } from '@/lib/zonedTime';
import { session } from '@/session';

type Described = Pick<Board, 'subject' | 'amounts' | 'denominator_metric_id' | 'period' | 'scope' | 'order'>;

export function useBoardWords() {
  const { t, locale } = useI18n();

  function describe(b: Described): string {
    const words = [
      t(`boards.subject.${b.subject}`),
      b.denominator_metric_id !== null ? t('boards.ratio') : t(`boards.figure.${b.amounts ? 'amount' : 'count'}`),
      t(`boards.period.${b.period}`),
      t(`boards.scope.${b.scope}`),
    ];
    if (b.order === 'lower_first') words.push(t('boards.lowerFirst'));
    return words.join(' · ');
  }

  function tieWords(b: Pick<Board, 'tie_policy' | 'tie_breaker_metric_id'>): string {
    const policy = t(`boards.tie.${b.tie_policy}`);
    return b.tie_breaker_metric_id !== null ? `${policy}${t('boards.tieBreaker')}` : policy;
  }

  function periodName(text: string): string {
    const p = parsePeriod(text);
    if (!p) return text;
    switch (p.kind) {
      case 'day':
        return formatDay(p.day!, locale.value);
      case 'month':
        return new Intl.DateTimeFormat(locale.value, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
          new Date(Date.UTC(p.year, p.n - 1, 15)),
        );
      default:
        return t(`boards.periodName.${p.kind}`, { year: p.year, n: p.n });
    }
  }

  /** A snapshot's moment, company-local ("11月30日 08:00"). */
  const moment = (iso: string) => formatMoment(iso, session.timeZone, locale.value);

  /** A snapshot in the picker: its kind in words, its period (boards by periods), when taken. */
  function snapshotLabel(s: SnapshotSummary, boardPeriod: Board['period']): string {
    const words = [t(`boards.snapshotKind.${s.kind}`)];
    if (boardPeriod !== 'all') words.push(periodName(s.period));
    words.push(moment(s.taken_at));
    return words.join(' · ');
  }

  /** "对比 11月30日 08:00 的快照": what movement on the period shown is measured against. */
  function comparedWords(compared: SnapshotSummary | null, shown: string): string | null {
    const c = comparisonOf(compared, shown);
    if (!c) return null;
    return 'at' in c ? t(`boards.compared.${c.kind}`, { time: moment(c.at) }) : t(`boards.compared.${c.kind}`, { period: periodName(c.period) });
  }

  return { describe, tieWords, periodName, moment, snapshotLabel, comparedWords };
}
