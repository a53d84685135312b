// Metrics as data (docs/openapi.json: Metric, MetricInput, MetricValues).
import type { PeriodKind } from '@/lib/periodText';

export type MetricKind = 'count' | 'sum' | 'distinct_clients' | 'end_of_period_balance' | 'average_daily_balance' | 'imported';
export type MetricSource = 'transactions' | 'visits' | 'holdings' | 'imported';
export type MetricSubject = 'company' | 'department' | 'staff' | 'client' | 'product';
// What records are measured by, and what holdings are (the daily closes, not records).
export const recordKinds: MetricKind[] = ['count', 'sum', 'distinct_clients'];
export const holdingsKinds: MetricKind[] = ['end_of_period_balance', 'average_daily_balance'];
export const isBalance = (kind: MetricKind): boolean => holdingsKinds.includes(kind);
// Whether a metric's figures (and a threshold rule's thresholds on it) are amounts, not counts.
export const measuresAmounts = (m: Pick<Metric, 'kind' | 'unit'>): boolean =>
  m.kind === 'sum' || isBalance(m.kind) || (m.kind === 'imported' && m.unit !== 'count');
export const metricSubjects: MetricSubject[] = ['company', 'department', 'staff', 'client', 'product'];
export const metricPeriods: PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year', 'all'];
export const tradeKinds = ['subscribe', 'purchase', 'redeem', 'switch_in', 'switch_out', 'dividend_reinvest'] as const;

export interface MetricFilter {
  transaction_kinds: string[];
  product_ids: number[];
  product_types: string[];
  exclude_money_market: boolean;
  client_id: number | null;
  department_id: number | null;
  key_person_visits_only: boolean;
  campaign_id: number | null;
}

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
