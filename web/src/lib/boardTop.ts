// "Someone reaches the top of a leaderboard" (a board_top good-news rule): which boards' tops
// Laurel can judge record by record, as the server does (field board_id otherwise). A board of
// rows entered by hand has no timeline; a ratio moves with its target too; lower-first and
// pro-rated figures are not what "the top" means; balances move with the calendar.
import type { Board } from '@/api/boardTypes';
import { isBalance, type Metric } from '@/api/metricTypes';

export type JudgedBoard = Pick<Board, 'kind' | 'metric_id' | 'denominator_metric_id' | 'order' | 'pro_rate'>;

/** Whether a board_top rule may name the board. A board whose metric is not in the map (not
 *  read, or gone) is left out: nothing says it is not a balance. */
export function judgeableForTop(board: JudgedBoard, metricsById: ReadonlyMap<number, Pick<Metric, 'kind'>>): boolean {
  if (board.kind !== 'computed' || board.metric_id === null) return false;
  if (board.denominator_metric_id !== null || board.order !== 'higher_first' || board.pro_rate) return false;
  const metric = metricsById.get(board.metric_id);
  return !!metric && !isBalance(metric.kind);
}
