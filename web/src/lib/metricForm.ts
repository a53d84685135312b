// What a metric of targets, a metric of "only the clients with a client target", and a sum "net
// of redemptions within N days" may be (the API's rules, so the form offers only what it takes),
// and the filter each sends.
import { inflowKinds, type MetricFilterInput, type MetricKind, type MetricSource, type MetricSubject, type TargetMetric, type TargetScope } from '@/api/metricTypes';
import type { PeriodKind } from '@/lib/periodText';

/** Targets are set for people and departments. */
export const ofPeople = (subject: MetricSubject): boolean => subject === 'staff' || subject === 'department';

/** Targets are set per month, quarter or year. */
export const byTargetPeriods = (period: PeriodKind): boolean => period === 'month' || period === 'quarter' || period === 'year';

/** A sum of targets: of people or departments, by the periods targets are set by, or all time. */
export const fitsTargets = (subject: MetricSubject, period: PeriodKind): boolean =>
  ofPeople(subject) && (byTargetPeriods(period) || period === 'all');

/** "Only clients with a client target": trades of people or departments, by target periods. */
export const takesClientsWithTarget = (source: MetricSource, subject: MetricSubject, period: PeriodKind): boolean =>
  source === 'transactions' && ofPeople(subject) && byTargetPeriods(period);

/** A metric of targets' filter: which targets it sums (a campaign only for campaign targets). */
export function targetsFilter(form: { target_scope: TargetScope; target_metric: TargetMetric; campaign_id: number | null }) {
  return {
    target_scope: form.target_scope,
    target_metric: form.target_metric,
    campaign_id: form.target_scope === 'campaign' ? form.campaign_id : null,
  };
}

/** "Net of redemptions within N days": a sum of the amounts of trades (not of net flows). */
export const takesNetOfRedemptions = (source: MetricSource, kind: MetricKind, sumOf: 'amount' | 'net_flow' | null): boolean =>
  source === 'transactions' && kind === 'sum' && sumOf === 'amount';

/** Why trades of these kinds cannot be netted of redemptions: no kind chosen (every kind,
 *  redemptions too), or a redemption or switch-out among them; null when they are all inflows. */
export function netOfRedemptionsBlock(kinds: readonly string[]): 'noKinds' | 'redemptions' | null {
  if (!kinds.length) return 'noKinds';
  return kinds.every((k) => (inflowKinds as readonly string[]).includes(k)) ? null : 'redemptions';
}

/** The member a new metric sends: only when filled in, and only where the API takes it. */
export function netOfRedemptionsFilter(form: {
  source: MetricSource;
  kind: MetricKind;
  sum_of: 'amount' | 'net_flow' | null;
  transaction_kinds: readonly string[];
  net_of_redemptions_within_days: number | null | undefined;
}): Pick<MetricFilterInput, 'net_of_redemptions_within_days'> {
  const days = form.net_of_redemptions_within_days;
  if (days === null || days === undefined || !takesNetOfRedemptions(form.source, form.kind, form.sum_of)) return {};
  if (netOfRedemptionsBlock(form.transaction_kinds)) return {};
  return { net_of_redemptions_within_days: days };
}
