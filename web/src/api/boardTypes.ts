// Leaderboards (docs/openapi.json, tag boards: Board, BoardInput, Standings, Standing, MyStanding,
// and frozen ones: Snapshot, SnapshotSummary, SnapshotRow).
import type { PeriodKind } from '@/lib/periodText';

export type RankOrder = 'higher_first' | 'lower_first';
export type TiePolicy = 'competition' | 'dense' | 'first_to_reach';
export type BoardScope = 'company' | 'department' | 'campaign';
export type BoardVisibility = 'everyone' | 'managers';

export const rankOrders: RankOrder[] = ['higher_first', 'lower_first'];
export const tiePolicies: TiePolicy[] = ['competition', 'dense', 'first_to_reach'];
export const boardScopes: BoardScope[] = ['company', 'department', 'campaign'];
export const boardVisibilities: BoardVisibility[] = ['everyone', 'managers'];
/** Where a board's figures come from: a metric, rows managers enter, or both (manual rows replace
 *  the computed figure of the people they name). */
export type BoardKind = 'computed' | 'manual' | 'hybrid';
export const boardKinds: BoardKind[] = ['computed', 'manual', 'hybrid'];

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
/** Monday first, as the week is read at work. */
export const weekdays: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Freeze the standings every week at this company-local weekday and time ("HH:MM"). */
export interface SnapshotSchedule {
  weekday: Weekday;
  time: string;
}

/** What a manager defines. */
export interface BoardInput {
  name: string;
  kind: BoardKind;
  /** null on manual boards (they name subject, period and amounts themselves). */
  metric_id: number | null;
  denominator_metric_id: number | null;
  tie_breaker_metric_id: number | null;
  tie_breaker_order: RankOrder;
  scope: BoardScope;
  department_id: number | null;
  campaign_id: number | null;
  order: RankOrder;
  tie_policy: TiePolicy;
  visibility: BoardVisibility;
  /** null: frozen only by hand. */
  snapshot_schedule: SnapshotSchedule | null;
  /** A period's final standings are frozen this many days after it ends (0–31). */
  close_grace_days: number;
  /** Non-managers see only this many top rows plus their own neighbours (1–1000); null: all. */
  public_top: number | null;
  /** Maker-checker: a version of manual rows waits until another manager or admin approves it. */
  approval_required: boolean;
  /** People who joined during a period are ranked by their figure scaled to the whole period. */
  pro_rate: boolean;
}

/** Laurel's own boards, made by Laurel (their metrics, kind, scope and pro-rating are not
 *  changed; name, who sees them, ties, snapshots and top N are). */
export type BuiltInBoard = 'client_target_achievement' | 'campaign_achievement';

export interface Board extends BoardInput {
  id: number;
  /** One of Laurel's own boards; null: a board people made. */
  built_in: BuiltInBoard | null;
  /** Whom it ranks (its metric's subject; a manual board's own). */
  subject: 'staff' | 'department';
  period: PeriodKind;
  /** The ranked figure is an amount (yuan strings), not a count. */
  amounts: boolean;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A figure: yuan as a decimal string for amounts, an integer for counts. */
export type Figure = string | number;

/** A row as it stood in a snapshot. */
export interface SnapshotRow {
  rank: number;
  /** 0-based place in the order (what offset counts). */
  position: number;
  /** null (with name): a person hidden from public boards, seen by someone else. */
  subject_id: number | null;
  name: string | null;
  /** The person hides from public boards (the viewer's own row and managers still name them). */
  hidden: boolean;
  value: Figure;
  /** A ratio board's denominator; null for plain boards and for no target. */
  target: Figure | null;
  /** A ratio board's achievement in percent, one decimal; null without a target. */
  percent: number | null;
  no_target: boolean;
  reached_at: string | null;
  /** Manual and hybrid boards: the row was entered by a manager, not computed. */
  source?: 'computed' | 'manual';
  /** A pro-rating board, someone who joined during the period: value is scaled, this is as is. */
  pro_rated?: { actual_value: Figure; days_present: number; days_in_period: number } | null;
}

export interface Standing extends SnapshotRow {
  me: boolean;
  /** /standings only: the rank in the snapshot compared with; null when none or not in it. */
  previous_rank?: number | null;
  /** /standings only: previous_rank − rank (positive: moved up). */
  movement?: number | null;
}

export type SnapshotKind = 'manual' | 'scheduled' | 'period_close';

/** A frozen leaderboard, without its rows. */
export interface SnapshotSummary {
  id: number;
  board_id: number;
  period: string;
  kind: SnapshotKind;
  /** Scheduled ones: the moment the schedule named (taken_at may be later). */
  scheduled_for: string | null;
  taken_at: string;
  taken_by: number | null;
  folded_up_to: number;
  tie_policy: TiePolicy;
  total: number;
}

export interface Snapshot extends SnapshotSummary {
  /** The rows as they stood (the top 10,000 at most). */
  items: SnapshotRow[];
  /** Later records (or changes to the board) made the live standings of its period differ. */
  changed_since: boolean;
  /** The board's public_top clips it for this reader: the top rows, then theirs. */
  restricted: boolean;
}

export interface Standings {
  board: Board;
  period: string;
  tie_policy: TiePolicy;
  total: number;
  offset: number;
  folded_up_to: number;
  /** restricted: the top public_top rows, then the reader's own and their neighbours'. */
  items: Standing[];
  me: Standing | null;
  /** The board's public_top clips it for this reader (not a manager, or ?audience=public). */
  restricted: boolean;
  /** What movement is measured against: this period's newest snapshot, else an earlier close. */
  compared_with: SnapshotSummary | null;
}

export interface MyStanding {
  board_id: number;
  period: string;
  total: number;
  me: Standing | null;
  around: Standing[];
  /** The nearest one ranked above me and how much more it takes (null: no target of mine). */
  to_pass: { subject: Standing; more_needed: Figure | null } | null;
}

/** The live stream's board_changed: these periods moved (none listed: any period). */
export interface BoardChange {
  board_id: number;
  periods: string[];
}

/** Whether a change is about the period a page shows. */
export const touches = (change: BoardChange, boardId: number, period: string): boolean =>
  change.board_id === boardId && (change.periods.length === 0 || change.periods.includes(period));

/** The few boards "my ranks" asks about: those managers made first (they chose them for their
 *  people), then Laurel's own (two for every campaign, which would crowd them out), each in the
 *  list's order. */
export const boardsForMyRanks = <B extends Pick<Board, 'built_in'>>(boards: B[], most: number): B[] =>
  [...boards.filter((b) => b.built_in === null), ...boards.filter((b) => b.built_in !== null)].slice(0, most);

// Manual rows (manual and hybrid boards), versioned per board and period.
export type RowVersionStatus = 'pending' | 'published' | 'rejected';

export interface ManualRow {
  subject_id: number;
  name: string;
  value: Figure;
  note: string | null;
}

export interface RowVersion {
  id: number;
  board_id: number;
  period: string;
  /** 1, 2, … per board and period. */
  version: number;
  status: RowVersionStatus;
  rows: ManualRow[];
  /** User ids (null: the user is gone). */
  submitted_by: number | null;
  submitted_at: string;
  decided_by: number | null;
  decided_at: string | null;
  /** Why it was rejected. */
  reason: string | null;
}

/** A row the API refused (422): the line (a file's line, or the row's number in the form). */
export interface RowError {
  line: number;
  field: string;
  message: string;
}
