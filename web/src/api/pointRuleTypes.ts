// Points rules as the API gives them (docs/openapi.json: PointRule, PointsPreview, PointBudgets)
// and the form's draft of one: what the managers' page sends as a rule or its next version.
import { zonedInputToRfc3339 } from '@/lib/zonedTime';

export type PointEvent = 'visit_logged' | 'key_person_met' | 'decision_maker_reached' | 'subscription' | 'follow_up_done' | 'first_use';
export const pointEvents: PointEvent[] = ['visit_logged', 'key_person_met', 'decision_maker_reached', 'follow_up_done', 'subscription', 'first_use'];
export const visitKinds = ['visit', 'call', 'meeting', 'roadshow', 'online'] as const;
export type BudgetPeriod = 'month' | 'quarter' | 'year';

export interface CurvePoint {
  amount: string; // yuan
  points: number;
}

export interface PointRule {
  id: number;
  version: number;
  name: string;
  event: PointEvent;
  points: number | null;
  curve: CurvePoint[];
  max_points: number | null;
  visit_kinds: string[];
  daily_cap: number | null;
  weekly_cap: number | null;
  once_per_client_per_day: boolean;
  enabled: boolean;
  effective_from: string;
  valid_until: string | null;
  grace_days: number;
  budget: { period: BudgetPeriod; points: number } | null;
  created_by: number | null;
  created_at: string;
}

export interface PointsPreview {
  from: string;
  to: string;
  awards: number;
  points: number;
  current: number;
  recipients: number;
  people: { staff_id: number; name: string; awards: number; points: number; current: number; change: number }[];
}

export interface BudgetUse {
  rule_id: number;
  name: string;
  period: string;
  budget: number;
  used: number;
  percent: number;
  alert: boolean;
  over: boolean;
}

/** The form's fields: nulls for "none", days (company days) for the times. */
export interface RuleDraft {
  name: string;
  event: PointEvent;
  points: number | null;
  curve: { amount: string | null; points: number | null }[];
  max_points: number | null;
  visit_kinds: string[];
  daily_cap: number | null;
  weekly_cap: number | null;
  once_per_client_per_day: boolean;
  enabled: boolean;
  effective_day: string | null; // null: from when it is saved
  valid_until_day: string | null; // the first day that no longer earns
  grace_days: number | null; // null: recognition.grace_days
  budget_period: BudgetPeriod | null;
  budget_points: number | null;
}

export function blankDraft(): RuleDraft {
  return {
    name: '', event: 'visit_logged', points: 10, curve: [], max_points: null, visit_kinds: [], daily_cap: null, weekly_cap: null,
    once_per_client_per_day: true, enabled: true, effective_day: null, valid_until_day: null, grace_days: null,
    budget_period: null, budget_points: null,
  };
}

/** The draft of a rule's next version: what it is now, from when the change is saved. */
export function draftOf(rule: PointRule, timeZone: string): RuleDraft {
  const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso)) : null);
  return {
    name: rule.name, event: rule.event, points: rule.points, curve: rule.curve.map((p) => ({ ...p })), max_points: rule.max_points,
    visit_kinds: [...rule.visit_kinds], daily_cap: rule.daily_cap, weekly_cap: rule.weekly_cap,
    once_per_client_per_day: rule.once_per_client_per_day, enabled: rule.enabled, effective_day: null,
    valid_until_day: day(rule.valid_until), grace_days: rule.grace_days,
    budget_period: rule.budget?.period ?? null, budget_points: rule.budget?.points ?? null,
  };
}

const usesVisits = (event: PointEvent) => event !== 'subscription' && event !== 'first_use';

/**
 * The rule as the API takes it (PointRuleInput). Fields the event does not use are left out,
 * so switching the event in the form never sends a stale curve or visit kinds; what is out of
 * range is sent as it is, for Laurel to refuse naming the field.
 */
export function ruleInput(draft: RuleDraft, timeZone: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: draft.name.trim(),
    event: draft.event,
    enabled: draft.enabled,
    daily_cap: draft.daily_cap,
    weekly_cap: draft.weekly_cap,
  };
  if (draft.event === 'subscription') {
    const curve = draft.curve.filter((p) => p.amount !== null || p.points !== null);
    if (curve.length) body.curve = curve.map((p) => ({ amount: p.amount ?? '', points: p.points ?? 0 }));
    else body.points = draft.points;
    body.max_points = draft.max_points;
  } else {
    body.points = draft.points;
  }
  if (usesVisits(draft.event)) {
    body.visit_kinds = draft.visit_kinds;
    if (draft.event !== 'follow_up_done') body.once_per_client_per_day = draft.once_per_client_per_day;
  }
  if (draft.effective_day) body.effective_from = zonedInputToRfc3339(`${draft.effective_day}T00:00`, timeZone);
  if (draft.valid_until_day) body.valid_until = zonedInputToRfc3339(`${draft.valid_until_day}T00:00`, timeZone);
  if (draft.grace_days !== null) body.grace_days = draft.grace_days;
  body.budget = draft.budget_period && draft.budget_points ? { period: draft.budget_period, points: draft.budget_points } : null;
  return body;
}

/** Which of the form's fields an event uses. */
export function fieldsFor(event: PointEvent): { curve: boolean; visitKinds: boolean; cooldown: boolean } {
  return { curve: event === 'subscription', visitKinds: usesVisits(event), cooldown: usesVisits(event) && event !== 'follow_up_done' };
}
