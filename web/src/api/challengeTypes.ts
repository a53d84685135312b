// Challenges as the API gives them (docs/openapi.json: Challenge), and how a page reads them.
import { periodOf, type PeriodKind } from '@/lib/periodText';

export type ChallengeKind = 'goal' | 'head_to_head';
export type ChallengeState = 'open' | 'closing' | 'settled' | 'cancelled';
export type ChallengeOutcome = 'in_progress' | 'completed' | 'failed' | 'won' | 'lost' | 'drawn' | 'cancelled';
/** An amount (a string of yuan) for a metric of amounts, a count otherwise. */
export type Figure = string | number;

/** An ad-hoc group of people taking part as one: its figure is the sum of its members'. */
export interface ChallengeGroup {
  name: string;
  members: number[];
}

export interface ChallengeStanding {
  subject_id: number; // 0: the company
  name: string | null;
  figure: Figure;
  percent: number | null;
  outcome: ChallengeOutcome;
  leading: boolean;
  reached_at: string | null;
  reached_by_record_id: number | null;
}

export interface Challenge {
  id: number;
  name: string;
  description: string;
  kind: ChallengeKind;
  metric_id: number;
  metric_name: string;
  period: string;
  goal: Figure | null;
  subject: 'company' | 'department' | 'staff' | 'group';
  participants: number[];
  groups: ChallengeGroup[];
  grace_days: number;
  reward_points: number;
  starts_at: string;
  ends_at: string;
  settles_at: string;
  state: ChallengeState;
  created_by: number | null;
  created_at: string;
  cancelled_at: string | null;
  cancelled_by: number | null;
  standings: ChallengeStanding[];
}

export interface ChallengeInput {
  name: string;
  description?: string;
  kind: ChallengeKind;
  metric_id: number | null;
  period: string;
  goal?: Figure | null;
  participants: number[];
  groups?: ChallengeGroup[];
  grace_days?: number;
  reward_points?: number;
}

/** The window a new challenge on a metric of `kind` is offered first: the one under way today. */
export function defaultWindow(kind: PeriodKind, today: string): string {
  return periodOf(kind === 'all' ? 'month' : kind, today);
}

/**
 * The standings a person's card shows: a head-to-head's two sides and a company's one bar
 * whole; of a goal for many people, only the person's own (nothing when they are not in it).
 */
export function shownStandings(c: Challenge, staffId: number): ChallengeStanding[] {
  if (c.subject === 'group' && c.kind !== 'head_to_head') {
    // My group's bar: standings are numbered 1, 2, … in the groups' order.
    const mine = c.groups.findIndex((g) => g.members.includes(staffId));
    return c.standings.filter((s) => s.subject_id === mine + 1);
  }
  if (c.kind === 'head_to_head' || c.subject !== 'staff') return c.standings;
  return c.standings.filter((s) => s.subject_id === staffId);
}

/** How many of a goal's participants have reached it. */
export function completedCount(c: Challenge): number {
  return c.standings.filter((s) => s.outcome === 'completed').length;
}

/** Whether the outcome is a good one, a bad one, or not decided yet (for its colour). */
export function outcomeTone(outcome: ChallengeOutcome): 'success' | 'danger' | 'info' {
  if (outcome === 'completed' || outcome === 'won') return 'success';
  if (outcome === 'failed' || outcome === 'lost') return 'danger';
  return 'info';
}
