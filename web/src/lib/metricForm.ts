// What a metric of targets, and a metric of "only the clients with a client target", may be
// (the API's rules, so the form offers only what it takes), and the filter each sends.
import type { MetricSource, MetricSubject, TargetMetric, TargetScope } from '@/api/metricTypes';
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
