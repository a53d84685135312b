import { describe, expect, it } from 'vitest';
import { blankDraft, draftOf, fieldsFor, ruleInput, type PointRule } from '@/api/pointRuleTypes';

const rule = (extra: Partial<PointRule> = {}): PointRule => ({
  id: 3, version: 2, name: '认申购积分', event: 'subscription', points: null,
  curve: [{ amount: '1000000.00', points: 50 }, { amount: '100000000.00', points: 200 }], max_points: 300,
  visit_kinds: [], daily_cap: 600, weekly_cap: null, once_per_client_per_day: false, enabled: true,
  effective_from: '2026-01-01T00:00:00+08:00', valid_until: '2027-01-01T00:00:00+08:00', grace_days: 3,
  budget: { period: 'quarter', points: 500000 }, created_by: 1, created_at: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('a points rule as the form sends it', () => {
  it('sends a visit rule with its kinds and cooldown, and no budget or times it was not given', () => {
    const draft = { ...blankDraft(), name: ' 拜访 ', visit_kinds: ['visit', 'call'], daily_cap: 40 };
    expect(ruleInput(draft, 'Asia/Shanghai')).toEqual({
      name: '拜访', event: 'visit_logged', enabled: true, daily_cap: 40, weekly_cap: null, points: 10,
      visit_kinds: ['visit', 'call'], once_per_client_per_day: true, budget: null,
    });
  });
  it('sends a subscription rule\'s curve instead of points, and never the visit fields', () => {
    const draft = { ...draftOf(rule(), 'Asia/Shanghai'), visit_kinds: ['visit'], once_per_client_per_day: true };
    const body = ruleInput(draft, 'Asia/Shanghai');
    expect(body.curve).toEqual(rule().curve);
    expect(body).not.toHaveProperty('points');
    expect(body).not.toHaveProperty('visit_kinds');
    expect(body).not.toHaveProperty('once_per_client_per_day');
    expect(body.max_points).toBe(300);
    expect(body.budget).toEqual({ period: 'quarter', points: 500000 });
    expect(body.grace_days).toBe(3);
  });
  it('gives days as the start of the company day, and a next version starts when saved', () => {
    const draft = draftOf(rule(), 'Asia/Shanghai');
    expect(draft.effective_day).toBeNull(); // from when the change is saved
    expect(draft.valid_until_day).toBe('2027-01-01');
    const body = ruleInput({ ...draft, effective_day: '2026-12-07' }, 'Asia/Shanghai');
    expect(body.effective_from).toBe('2026-12-07T00:00:00+08:00');
    expect(body.valid_until).toBe('2027-01-01T00:00:00+08:00');
    expect(ruleInput({ ...draft, effective_day: '2026-07-01' }, 'Europe/London').effective_from).toBe('2026-07-01T00:00:00+01:00');
  });
  it('sends a subscription without a curve as points per subscription, and a first use with neither kinds nor cooldown', () => {
    expect(ruleInput({ ...blankDraft(), event: 'subscription', points: 20 }, 'Asia/Shanghai')).toMatchObject({ points: 20, max_points: null });
    const firstUse = ruleInput({ ...blankDraft(), event: 'first_use' }, 'Asia/Shanghai');
    expect(firstUse).not.toHaveProperty('visit_kinds');
    expect(firstUse).not.toHaveProperty('once_per_client_per_day');
    expect(fieldsFor('follow_up_done')).toEqual({ curve: false, visitKinds: true, cooldown: false });
  });
  it('leaves a budget out until it has both a period and points', () => {
    expect(ruleInput({ ...blankDraft(), budget_period: 'month' }, 'Asia/Shanghai').budget).toBeNull();
    expect(ruleInput({ ...blankDraft(), budget_period: 'month', budget_points: 900 }, 'Asia/Shanghai').budget).toEqual({ period: 'month', points: 900 });
  });
});
