// A client target achievement board's row, client by client: the row's figure is the
// subscriptions credited to the person (or department) from the clients it has a client target
// on subscription for in the period, over the sum of those targets — so each of those targets,
// with its own progress, is one client's share of the row, and its ratio is shown beside it.
import type { Board, Standing } from '@/api/boardTypes';
import type { Target } from '@/api/types';

/** One client's target and progress, as the breakdown lists it. */
export interface ClientTargetLine {
  id: number;
  clientId: number;
  target: string;
  achieved: string;
  percent: number;
}

/** Fen, exactly: yuan strings are summed and compared without floating point. */
export function fenOf(yuan: string | null): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan ?? '');
  if (!m) return 0;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** The client targets on subscription the board counts, largest target first (then by client). */
export function clientTargetLines(targets: Target[]): ClientTargetLine[] {
  return targets
    .filter((t) => t.scope === 'client' && t.metric === 'subscription' && t.client_id !== null)
    .map((t) => ({ id: t.id, clientId: t.client_id!, target: t.target_amount ?? '0.00', achieved: t.achieved_amount ?? '0.00', percent: t.achievement_percent }))
    .sort((a, b) => fenOf(b.target) - fenOf(a.target) || a.clientId - b.clientId);
}

/** Who reads the board, as far as whose client targets they may see goes. */
export interface Viewer {
  /** Managers and admins: anyone's (the API answers within what they manage). */
  manages: boolean;
  /** A salesperson's department today (a department board's row of theirs); null: unknown. */
  departmentId: number | null;
}

/**
 * Whether a row offers its client targets: on a client target achievement board, my own row,
 * my department's on a board of departments, and any row for managers — never a row whose
 * subject is hidden from the reader (no id to ask for).
 */
export function offersClientTargets(board: Pick<Board, 'built_in' | 'subject'>, row: Pick<Standing, 'subject_id' | 'me'>, viewer: Viewer): boolean {
  if (board.built_in !== 'client_target_achievement' || row.subject_id === null) return false;
  if (viewer.manages || row.me) return true;
  return board.subject === 'department' && row.subject_id === viewer.departmentId;
}

/** A user's department today, from the staff records (the one linked to the login). */
export function departmentOfUser(staff: Iterable<{ user_id: number | null; department_id: number | null; active: boolean }>, userId: number | null): number | null {
  if (userId === null) return null;
  for (const s of staff) if (s.user_id === userId && s.active) return s.department_id;
  return null;
}
