import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PointBalances } from '@/api/recognitionTypes';
import { accountChange, mostToOrder, orderBlock, type CatalogueItem, type PointJournal } from '@/api/rewardTypes';
import RewardShop from '@/components/points/RewardShop.vue';
import { i18n, setLocale } from '@/i18n';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const balances = (extra: Partial<PointBalances> = {}): PointBalances => ({
  staff_id: 7, status: 3000, spendable: 1000, held: 0, owed: 0, next_expiry: null,
  level: { name: '能手', from: 1000, next: null },
  ...extra,
});
const item = (extra: Partial<CatalogueItem> = {}): CatalogueItem => ({
  id: 1, name: '咖啡券', description: '', price: 300, stock: null, per_person_limit: null, visible_from_level: null,
  approval_required: true, active: true, created_by: 1, created_at: '2026-12-01T00:00:00Z', updated_at: '2026-12-01T00:00:00Z',
  ordered_by_me: 0,
  ...extra,
});

describe('what the shop lets me order', () => {
  it('says why an item cannot be ordered, the debt from a clawback first', () => {
    expect(orderBlock(item(), balances())).toBeNull();
    expect(orderBlock(item({ active: false }), balances())).toBe('inactive');
    expect(orderBlock(item({ stock: 0 }), balances({ owed: 5 }))).toBe('owed');
    expect(orderBlock(item({ stock: 0 }), balances())).toBe('soldOut');
    expect(orderBlock(item({ per_person_limit: 2, ordered_by_me: 2 }), balances())).toBe('limit');
    expect(orderBlock(item({ price: 1001 }), balances())).toBe('short');
  });
  it('takes as many as the points pay for, within the stock, what the limit leaves and 100', () => {
    expect(mostToOrder(item(), balances())).toBe(3);
    expect(mostToOrder(item({ stock: 2 }), balances())).toBe(2);
    expect(mostToOrder(item({ per_person_limit: 3, ordered_by_me: 2 }), balances())).toBe(1);
    expect(mostToOrder(item({ price: 1 }), balances())).toBe(100);
  });
});

describe('a journal on my accounts', () => {
  it('sums what it moved on one of my accounts only', () => {
    const clawback: PointJournal = {
      id: 9, kind: 'reverse', staff_id: 7, rule_id: 1, rule_version: 1, source: { kind: 'visit', id: 3 }, event_seq: 4,
      occurred_at: null, posted_at: '2026-12-01T00:00:00Z', points: -30, detail: {},
      entries: [
        { account: 'system/0/status_issuance', amount: 30 }, { account: 'staff/7/status', amount: -30 },
        { account: 'system/0/issuance', amount: 30 }, { account: 'staff/7/spendable', amount: -10 },
        { account: 'staff/7/owed', amount: -20 }, { account: 'staff/70/spendable', amount: 99 },
      ],
    };
    expect(accountChange(clawback, 'spendable')).toBe(-10);
    expect(accountChange(clawback, 'owed')).toBe(-20);
    expect(accountChange(clawback, 'status')).toBe(-30);
    expect(accountChange(clawback, 'held')).toBe(0);
  });
});

describe('ordering in the shop', () => {
  beforeEach(() => setLocale('zh-CN'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  function stubApi(answers: Response[]) {
    const orders: Record<string, unknown>[] = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        orders.push(JSON.parse(String(init.body)));
        const next = answers.shift();
        if (!next) throw new TypeError('Failed to fetch');
        return next;
      }
      return json(200, { items: [item({ stock: 4, per_person_limit: 2 }), item({ id: 2, name: '耳机', price: 5000 }), item({ id: 3, name: '下架', active: false })], next_cursor: null });
    }));
    return orders;
  }

  it('shows only what is on the shelf, and why what I cannot order is out of reach', async () => {
    stubApi([]);
    const wrapper = mount(RewardShop, { props: { points: balances() }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-test=reward-3]').exists()).toBe(false);
    expect(wrapper.find('[data-test=reward-order-1]').exists()).toBe(true);
    expect(wrapper.find('[data-test=reward-blocked-2]').text()).toBe('还差 4,000 积分');
  });

  it('sends a resend after a lost connection with the same idempotency key, and counts the order against the limit', async () => {
    const placed = { id: 5, reward: { id: 1, name: '咖啡券' }, staff_id: 7, quantity: 2, points: 600, status: 'pending', idempotency_key: 'k',
      placed_by: 1, placed_at: '2026-12-01T00:00:00Z', decided_by: null, decided_at: null, note: '' };
    const orders = stubApi([]);
    const wrapper = mount(RewardShop, { props: { points: balances() }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=reward-order-1]').trigger('click');
    await flushPromises();
    const quantity = document.body.querySelector('input[name=order_quantity]') as HTMLInputElement;
    quantity.value = '2';
    quantity.dispatchEvent(new Event('input'));
    quantity.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(document.body.querySelector('[data-test=order-total]')?.textContent).toContain('共 600 积分，兑换后剩余 400');
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click(); // the network fails
    await flushPromises();
    expect(document.body.querySelector('.form-error')?.textContent).toContain('网络不可用');
    (vi.mocked(fetch) as any).mockImplementationOnce(async (_p: string, init?: RequestInit) => {
      orders.push(JSON.parse(String(init!.body)));
      return json(201, placed);
    });
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
    await flushPromises();
    expect(orders).toHaveLength(2);
    expect(orders[0]).toEqual({ reward_id: 1, quantity: 2, idempotency_key: expect.stringMatching(/^order-/) });
    expect(orders[1].idempotency_key).toBe(orders[0].idempotency_key);
    expect(wrapper.emitted('ordered')?.[0]).toEqual([placed]);
    expect(wrapper.find('[data-test=order-placed]').text()).toContain('600 积分已冻结');
    // Two of two ordered: the limit is reached.
    expect(wrapper.find('[data-test=reward-blocked-1]').text()).toBe('已达每人上限');
  });

  it('makes a new key for the next order', async () => {
    const orders = stubApi([
      json(201, { id: 5, reward: { id: 1, name: '咖啡券' }, staff_id: 7, quantity: 1, points: 300, status: 'approved', idempotency_key: 'a', placed_by: 1, placed_at: '2026-12-01T00:00:00Z', decided_by: null, decided_at: null, note: '' }),
      json(409, { type: 'urn:laurel:problem:conflict', title: 'Conflict', status: 409, detail: 'more than the spendable points', field: 'quantity' }),
    ]);
    const wrapper = mount(RewardShop, { props: { points: balances() }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    for (let i = 0; i < 2; i++) {
      await wrapper.find('[data-test=reward-order-1]').trigger('click');
      await flushPromises();
      (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
      await flushPromises();
    }
    expect(orders[1].idempotency_key).not.toBe(orders[0].idempotency_key);
    await new Promise((r) => setTimeout(r, 150)); // Element Plus shows a field's error 100 ms later
    expect(document.body.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('more than the spendable points');
  });
});
