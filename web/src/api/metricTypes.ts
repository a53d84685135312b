// Metrics as data (docs/openapi.json: Metric, MetricInput, MetricValues).
import type { PeriodKind } from '@/lib/periodText';

export type MetricKind = 'count' | 'sum' | 'distinct_clients';
export type MetricSubject = 'company' | 'department' | 'staff' | 'client' | 'product';
export const metricKinds: MetricKind[] = ['count', 'sum', 'distinct_clients'];
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
}

export interface Metric {
  id: number;
  code: string;
  name: string;
  kind: MetricKind;
  source: 'transactions' | 'visits';
  sum_of: 'amount' | 'net_flow' | null;
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
