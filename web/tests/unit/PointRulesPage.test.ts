import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PointRulesPage from '@/pages/manage/PointRulesPage.vue';
import { i18n, setLocale } from '@/i18n';
import { fill } from './dialogForm';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const visits = {
  id: 3, version: 2, name: '拜访客户', event: 'visit_logged', points: 10, curve: [], max_points: null, visit_kinds: ['visit'],
  daily_cap: 40, weekly_cap: null, once_per_client_per_day: true, enabled: true, effective_from: '2026-01-01T00:00:00+08:00',
  valid_until: null, grace_days: 7, budget: { period: 'month', points: 1000 }, created_by: 1, created_at: '2026-01-01T00:00:00Z',
};
const preview = {
  from: '2025-12-04', to: '2026-12-03', awards: 12, points: 240, current: 120, recipients: 2,
  people: [{ staff_id: 7, name: '李娜', awards: 8, points: 160, current: 80, change: 80 }, { staff_id: 8, name: '王强', awards: 4, points: 80, current: 40, change: 40 }],
};

function stubApi(previewAnswer: () => Response) {
  const sent: { method: string; path: string; body: any }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    const url = new URL(path, 'http://laurel.test');
    const method = init?.method ?? 'GET';
    if (method !== 'GET') sent.push({ method, path: url.pathname, body: JSON.parse(String(init!.body)) });
    if (url.pathname === '/api/v1/point-rules/preview') return previewAnswer();
    if (url.pathname === '/api/v1/point-rules/3' && method === 'PUT') return json(200, { ...visits, ...sent.at(-1)!.body, version: 3 });
    if (url.pathname === '/api/v1/point-rules') return json(200, { items: [visits], next_cursor: null });
    if (url.pathname === '/api/v1/points/budgets') return json(200, { items: [{ rule_id: 3, name: '拜访客户', period: '2026-12', budget: 1000, used: 850, percent: 85, alert: true, over: false }] });
    if (url.pathname === '/api/v1/point-levels') return json(200, { levels: [{ name: '新秀', from: 0 }] });
    return json(200, { items: [], next_cursor: null });
  }));
  return sent;
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function openChange() {
  const wrapper = mount(PointRulesPage, { global: { plugins: [i18n] }, attachTo: document.body });
  await flushPromises();
  await wrapper.find('[data-test=rule-edit-3]').trigger('click');
  await flushPromises();
  return wrapper;
}

describe('points rules for managers', () => {
  it('shows each rule with its limits and a budget at 80% as an alert', async () => {
    stubApi(() => json(200, preview));
    const wrapper = mount(PointRulesPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-test=rule-3]').text()).toContain('每次 10 积分');
    expect(wrapper.find('[data-test=rule-3]').text()).toContain('日上限 40');
    expect(wrapper.find('[data-test=budget-3]').attributes('data-alert')).toBe('true');
    expect(wrapper.find('[data-test=budget-3]').text()).toContain('850 / 1,000（85%）');
  });

  it('previews the draft being changed against the rule as it is, without saving', async () => {
    const sent = stubApi(() => json(200, preview));
    await openChange();
    await fill('input[name=rule_points]', '20');
    (document.body.querySelector('[data-test=preview-run]') as HTMLElement).click();
    await flushPromises();
    expect(sent).toHaveLength(1);
    expect(sent[0].path).toBe('/api/v1/point-rules/preview');
    expect(sent[0].body).toMatchObject({ rule_id: 3, rule: { name: '拜访客户', points: 20, visit_kinds: ['visit'], daily_cap: 40 } });
    expect(sent[0].body.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const summary = document.body.querySelector('[data-test=preview-summary]')!.textContent!;
    expect(summary).toContain('12 次活动得分，共 240 积分，2 人获得');
    expect(summary).toContain('现行规则同期 120，变化 +120');
    expect(document.body.querySelector('[data-test=preview-people]')!.textContent).toContain('李娜');
  });

  it('says which field of the draft a preview refused', async () => {
    stubApi(() => json(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'must not be below daily_cap', field: 'rule.weekly_cap' }));
    await openChange();
    (document.body.querySelector('[data-test=preview-run]') as HTMLElement).click();
    await flushPromises();
    expect(document.body.querySelector('[data-test=preview-error]')!.textContent).toBe('规则的"weekly_cap"：must not be below daily_cap');
  });

  it('saves a change as the rule\'s next version', async () => {
    const sent = stubApi(() => json(200, preview));
    const wrapper = await openChange();
    await fill('input[name=rule_points]', '15');
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
    await flushPromises();
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['PUT /api/v1/point-rules/3']);
    expect(sent[0].body).not.toHaveProperty('effective_from'); // from when it is saved
    expect(wrapper.find('[data-test=rule-3]').text()).toContain('v3');
    expect(wrapper.find('[data-test=rule-3]').text()).toContain('每次 15 积分');
  });
});
