// Metrics as data (docs/openapi.json: Metric, MetricInput, MetricValues).
import type { PeriodKind } from '@/lib/periodText';

export type MetricKind = 'count' | 'sum' | 'distinct_clients' | 'end_of_period_balance' | 'average_daily_balance' | 'imported';
/** targets: the targets set for each person or department and period, summed (an achievement
 *  board's denominator). */
export type MetricSource = 'transactions' | 'visits' | 'holdings' | 'imported' | 'targets';
export type MetricSubject = 'company' | 'department' | 'staff' | 'client' | 'product';
// What records are measured by, and what holdings are (the daily closes, not records).
export const recordKinds: MetricKind[] = ['count', 'sum', 'distinct_clients'];
export const holdingsKinds: MetricKind[] = ['end_of_period_balance', 'average_daily_balance'];
export const isBalance = (kind: MetricKind): boolean => holdingsKinds.includes(kind);
/** What a target measures (docs/openapi.json: TargetMetric); the first two are amounts. */
export type TargetMetric = 'subscription' | 'net_flow' | 'visits' | 'key_person_visits';
export const targetMetrics: TargetMetric[] = ['subscription', 'net_flow', 'visits', 'key_person_visits'];
export const isCountTarget = (m: TargetMetric): boolean => m === 'visits' || m === 'key_person_visits';
/** Which targets a metric of targets sums: overall ones, client targets, or a campaign's. */
export type TargetScope = 'overall' | 'client' | 'campaign';
export const targetScopes: TargetScope[] = ['overall', 'client', 'campaign'];
// Whether a metric's figures (and a threshold rule's thresholds on it) are amounts, not counts.
// A sum of targets is one of counts when the targets count visits.
export const measuresAmounts = (m: Pick<Metric, 'kind' | 'unit' | 'source' | 'filter'>): boolean => {
  if (m.source === 'targets') return !isCountTarget(m.filter.target_metric ?? 'subscription');
  return m.kind === 'sum' || isBalance(m.kind) || (m.kind === 'imported' && m.unit !== 'count');
};
export const metricSubjects: MetricSubject[] = ['company', 'department', 'staff', 'client', 'product'];
export const metricPeriods: PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year', 'all'];
export const tradeKinds = ['subscribe', 'purchase', 'redeem', 'switch_in', 'switch_out', 'dividend_reinvest'] as const;
export type TradeKind = (typeof tradeKinds)[number];
/** The inflows a sum net of redemptions may add (redeem and switch_out are what it nets). */
export const inflowKinds: readonly TradeKind[] = ['subscribe', 'purchase', 'switch_in', 'dividend_reinvest'];
/** The longest window, in days, a sum net of redemptions looks ahead. */
export const MAX_NET_OF_REDEMPTIONS_DAYS = 366;

export interface MetricFilter {
  transaction_kinds: string[];
  product_ids: number[];
  product_types: string[];
  exclude_money_market: boolean;
  client_id: number | null;
  department_id: number | null;
  key_person_visits_only: boolean;
  /** Transactions: a campaign's trades. Targets (target_scope campaign): the campaign's targets. */
  campaign_id: number | null;
  /** Metrics of targets only (null otherwise). */
  target_scope: TargetScope | null;
  /** Metrics of targets only (null otherwise). */
  target_metric: TargetMetric | null;
  /** Transactions of people or departments by month, quarter or year: only trades with clients
   *  the subject has a client target on this metric for, in the period; null: every client. */
  clients_with_target: TargetMetric | null;
  /** Transactions, kind sum, sum_of amount of inflows only: what the same client redeems or
   *  switches out of the same fund within this many days (1..366) after is taken back; null: not
   *  netted. Always in an answer. */
  net_of_redemptions_within_days: number | null;
}

/** A new metric's filter (docs/openapi.json: MetricInput.filter): every member optional. */
export type MetricFilterInput = Partial<MetricFilter>;

export interface Metric {
  id: number;
  code: string;
  name: string;
  kind: MetricKind;
  source: MetricSource;
  sum_of: 'amount' | 'net_flow' | null;
  unit: 'amount' | 'count' | null;
  subject: MetricSubject;
  period: PeriodKind;
  filter: MetricFilter;
  created_at: string;
}

export interface MetricValues {
  metric_id: number;
  period: string;
  subject: MetricSubject;
  folded_up_to: number;
  items: { subject_id: number; amount: string | null; count: number | null }[];
}
