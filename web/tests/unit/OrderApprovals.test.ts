import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import OrderApprovals from '@/components/rewards/OrderApprovals.vue';
import { i18n, setLocale } from '@/i18n';
import '@/i18n/manage';
import { restoreSession } from '@/session';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const ME = 21; // the manager's user id; their own staff record is 8
const order = (id: number, staffId: number, status = 'pending') => ({
  id, reward: { id: 1, name: '年假半天' }, staff_id: staffId, quantity: 1, points: 2000, status, idempotency_key: `k${id}`,
  placed_by: 1, placed_at: '2026-12-01T00:00:00Z', decided_by: null, decided_at: null, note: '',
});
const staff = [
  { id: 7, user_id: 30, name: '李娜', title: null, active: true, department_id: null, assignments: [] },
  { id: 8, user_id: ME, name: '王经理', title: null, active: true, department_id: null, assignments: [] },
];

function stubApi() {
  const calls: { path: string; method: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    const url = new URL(path, 'http://laurel.test');
    calls.push({ path: url.pathname + url.search, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
    if (url.pathname === '/api/v1/auth/session') return json(200, { user: { id: ME, username: 'w', display_name: 'W', role: 'manager' }, via: 'session', csrf_token: 'c', time_zone: 'Asia/Shanghai' });
    if (url.pathname === '/api/v1/staff') return json(200, { items: staff, next_cursor: null });
    if (url.pathname === '/api/v1/reward-orders/5/reject') return json(200, { ...order(5, 7, 'rejected'), note: '本月额度已满', decided_at: '2026-12-02T00:00:00Z' });
    if (url.pathname === '/api/v1/reward-orders') return json(200, { items: [order(5, 7), order(6, 8)], next_cursor: null });
    return json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'no such thing' });
  }));
  return calls;
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the approvals queue', () => {
  it('asks for pending orders, names whose they are, and offers no decision on my own', async () => {
    const calls = stubApi();
    await restoreSession();
    const wrapper = mount(OrderApprovals, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(calls.some((c) => c.path.startsWith('/api/v1/reward-orders?') && c.path.includes('status=pending'))).toBe(true);
    expect(wrapper.find('[data-test=queue-order-5]').text()).toContain('李娜');
    expect(wrapper.find('[data-test=approve-5]').exists()).toBe(true);
    expect(wrapper.find('[data-test=approve-6]').exists()).toBe(false);
    expect(wrapper.find('[data-test=queue-order-6]').text()).toContain('自己的兑换由上级审批');
  });

  it('rejects with the note the person will read, and takes the order off the queue', async () => {
    const calls = stubApi();
    await restoreSession();
    const wrapper = mount(OrderApprovals, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=reject-5]').trigger('click');
    await flushPromises();
    const note = document.body.querySelector('textarea[name=decision_note]') as HTMLTextAreaElement;
    note.value = ' 本月额度已满 ';
    note.dispatchEvent(new Event('input'));
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')).toEqual({ path: '/api/v1/reward-orders/5/reject', method: 'POST', body: { note: '本月额度已满' } });
    expect(wrapper.find('[data-test=queue-order-5]').exists()).toBe(false);
  });
});
