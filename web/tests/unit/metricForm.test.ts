import { describe, expect, it } from 'vitest';
import { measuresAmounts, type MetricFilter } from '@/api/metricTypes';
import {
  fitsTargets,
  netOfRedemptionsBlock,
  netOfRedemptionsFilter,
  takesClientsWithTarget,
  takesNetOfRedemptions,
  targetsFilter,
} from '@/lib/metricForm';

describe('a metric of targets', () => {
  it('is of people or departments, by month, quarter, year or all time', () => {
    expect(fitsTargets('staff', 'quarter')).toBe(true);
    expect(fitsTargets('department', 'all')).toBe(true);
    expect(fitsTargets('staff', 'week')).toBe(false);
    expect(fitsTargets('staff', 'day')).toBe(false);
    expect(fitsTargets('client', 'month')).toBe(false);
    expect(fitsTargets('company', 'year')).toBe(false);
  });
  it('sends which targets it sums, a campaign only for campaign targets', () => {
    expect(targetsFilter({ target_scope: 'client', target_metric: 'subscription', campaign_id: 4 })).toEqual({
      target_scope: 'client',
      target_metric: 'subscription',
      campaign_id: null,
    });
    expect(targetsFilter({ target_scope: 'campaign', target_metric: 'visits', campaign_id: 4 })).toEqual({
      target_scope: 'campaign',
      target_metric: 'visits',
      campaign_id: 4,
    });
  });
  it('is of amounts when its targets are, of counts when they count visits', () => {
    const filter = (target_metric: MetricFilter['target_metric']) => ({ target_metric }) as MetricFilter;
    expect(measuresAmounts({ kind: 'sum', unit: null, source: 'targets', filter: filter('subscription') })).toBe(true);
    expect(measuresAmounts({ kind: 'sum', unit: null, source: 'targets', filter: filter('net_flow') })).toBe(true);
    expect(measuresAmounts({ kind: 'sum', unit: null, source: 'targets', filter: filter('key_person_visits') })).toBe(false);
    expect(measuresAmounts({ kind: 'sum', unit: null, source: 'transactions', filter: filter(null) })).toBe(true);
  });
});

describe('"only clients with a client target"', () => {
  it('is for trades of people or departments by month, quarter or year', () => {
    expect(takesClientsWithTarget('transactions', 'staff', 'month')).toBe(true);
    expect(takesClientsWithTarget('transactions', 'department', 'year')).toBe(true);
    expect(takesClientsWithTarget('transactions', 'staff', 'all')).toBe(false);
    expect(takesClientsWithTarget('transactions', 'staff', 'week')).toBe(false);
    expect(takesClientsWithTarget('transactions', 'client', 'month')).toBe(false);
    expect(takesClientsWithTarget('visits', 'staff', 'month')).toBe(false);
    expect(takesClientsWithTarget('targets', 'staff', 'month')).toBe(false);
  });
});

describe('"net of redemptions within N days"', () => {
  it('is for a sum of the amounts of trades only', () => {
    expect(takesNetOfRedemptions('transactions', 'sum', 'amount')).toBe(true);
    expect(takesNetOfRedemptions('transactions', 'sum', 'net_flow')).toBe(false);
    expect(takesNetOfRedemptions('transactions', 'count', 'amount')).toBe(false);
    expect(takesNetOfRedemptions('transactions', 'distinct_clients', null)).toBe(false);
    expect(takesNetOfRedemptions('targets', 'sum', 'amount')).toBe(false);
    expect(takesNetOfRedemptions('holdings', 'end_of_period_balance', null)).toBe(false);
  });
  it('nets inflows only: not with no kind (every kind) or a redemption among them', () => {
    expect(netOfRedemptionsBlock(['subscribe', 'purchase', 'switch_in', 'dividend_reinvest'])).toBeNull();
    expect(netOfRedemptionsBlock(['purchase'])).toBeNull();
    expect(netOfRedemptionsBlock([])).toBe('noKinds');
    expect(netOfRedemptionsBlock(['subscribe', 'redeem'])).toBe('redemptions');
    expect(netOfRedemptionsBlock(['switch_out'])).toBe('redemptions');
  });
  it('is sent only when filled in, and where it applies', () => {
    const form = { source: 'transactions', kind: 'sum', sum_of: 'amount', transaction_kinds: ['subscribe'], net_of_redemptions_within_days: 30 } as const;
    expect(netOfRedemptionsFilter(form)).toEqual({ net_of_redemptions_within_days: 30 });
    expect(netOfRedemptionsFilter({ ...form, net_of_redemptions_within_days: null })).toEqual({});
    expect(netOfRedemptionsFilter({ ...form, sum_of: 'net_flow' })).toEqual({});
    expect(netOfRedemptionsFilter({ ...form, kind: 'count' })).toEqual({});
    expect(netOfRedemptionsFilter({ ...form, source: 'visits' })).toEqual({});
    expect(netOfRedemptionsFilter({ ...form, transaction_kinds: [] })).toEqual({});
    expect(netOfRedemptionsFilter({ ...form, transaction_kinds: ['subscribe', 'redeem'] })).toEqual({});
  });
});
