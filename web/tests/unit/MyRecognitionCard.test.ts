import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MyRecognitionCard from '@/components/recognition/MyRecognitionCard.vue';
import { expiresSoon, levelProgress, levelRisen, type PointBalances } from '@/api/recognitionTypes';
import { i18n, setLocale } from '@/i18n';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const balances = (extra: Partial<PointBalances> = {}): PointBalances => ({
  staff_id: 7, status: 1300, spendable: 860, held: 0, owed: 0,
  next_expiry: { points: 120, last_day: '2026-12-20' },
  level: { name: '能手', from: 1000, next: { name: '高手', from: 5000, to_go: 3700 } },
  ...extra,
});

const flag = (fn: string, name: string, colour: string, earnedAt: string | null) => ({
  function: fn, name, colour, earned: earnedAt !== null, earned_at: earnedAt,
  source: earnedAt ? { kind: 'visit', id: '3', event_seq: 9 } : null,
});

const badge = (id: number, kind: 'milestone' | 'streak', count: number, progress: number, earned: boolean) => ({
  rule: { id, name: `徽章${id}`, description: '', kind, count },
  earned, earned_at: earned ? '2026-12-01T02:00:00Z' : null, first_earned_at: null, visit_id: earned ? 5 : null,
  taken_back_at: null, progress,
});

function stubApi(points: PointBalances) {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    if (path.startsWith('/api/v1/points')) return json(points);
    if (path.startsWith('/api/v1/flags/visit/why')) {
      return json({ staff_id: 7, flag: flag('visit', '拜访', '#D32F2F', '2026-12-03T02:00:00Z'),
        event: { seq: 9, type: 'visit.created', occurred_at: '2026-12-03T01:00:00Z', recorded_at: '2026-12-03T02:00:00Z', actor: 'user:4', entity_type: 'visit', entity_id: '3' } });
    }
    if (path.startsWith('/api/v1/badges')) {
      return json({ staff_id: 7, earned: 1, badges: [badge(1, 'milestone', 100, 100, true), badge(2, 'milestone', 10, 7, false), badge(3, 'streak', 5, 2, false)] });
    }
    return json({
      staff_id: 7, earned: 1, of: 2,
      flags: [flag('visit', '拜访', '#D32F2F', '2026-12-03T02:00:00Z'), flag('follow_up', '跟进', '#FBC02D', null)],
    });
  }));
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('levelProgress and expiresSoon', () => {
  it('measures the way from this level to the next', () => {
    expect(levelProgress(balances())).toBe(7); // 300 of 4000
    expect(levelProgress(balances({ status: 5000, level: { name: '高手', from: 5000, next: null } }))).toBe(100);
  });
  it('tells a level just reached, not the first read, a clawback or someone else', () => {
    const rookie = balances({ status: 990, level: { name: '新秀', from: 0, next: { name: '能手', from: 1000, to_go: 10 } } });
    expect(levelRisen(rookie, balances())).toBe('能手');
    expect(levelRisen(null, balances())).toBeNull();
    expect(levelRisen(balances(), balances({ status: 1310 }))).toBeNull();
    expect(levelRisen(balances(), rookie)).toBeNull();
    expect(levelRisen({ ...rookie, staff_id: 8 }, balances())).toBeNull();
  });
  it('says points expire soon within 30 days, not before', () => {
    expect(expiresSoon(balances(), '2026-11-20')).toBe(true);
    expect(expiresSoon(balances(), '2026-11-19')).toBe(false);
    expect(expiresSoon(balances({ next_expiry: null }), '2026-12-19')).toBe(false);
  });
});

describe('MyRecognitionCard', () => {
  it('shows my level, points, expiry and flags, earned ones in their colour', async () => {
    stubApi(balances());
    const w = mount(MyRecognitionCard, { props: { today: '2026-12-03' }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();
    expect(w.find('[data-test=my-level]').text()).toBe('能手');
    expect(w.find('[data-test=my-status-points]').text()).toBe('1,300');
    expect(w.find('[data-test=my-spendable-points]').text()).toBe('860');
    expect(w.text()).toContain('再得 3,700 成长积分升为"高手"');
    expect(w.find('[data-test=my-expiry]').text()).toContain('120 可用积分');
    expect(w.text()).toContain('系统旗帜 1/2');
    const visit = w.find('[data-test=flag-visit]');
    expect(visit.attributes('data-earned')).toBe('true');
    expect(visit.attributes('style')).toContain('background');
    expect(w.find('[data-test=flag-follow_up]').attributes('data-earned')).toBe('false');
    expect(w.find('[data-test=flag-follow_up]').attributes('title')).toBe('还没用过这项功能');
    expect(w.text()).toContain('徽章 1');
    expect(w.find('[data-test=badge-1]').exists()).toBe(true);
    expect(w.find('[data-test=badge-2]').exists()).toBe(false);
    // The closest badge not earned yet: 7 of 10 beats 2 of 5.
    expect(w.find('[data-test=next-badge]').text()).toBe('再按时记录 3 次拜访，得"徽章2"');
  });
  it('says what is owed, and nothing of an expiry months away', async () => {
    stubApi(balances({ owed: 50, next_expiry: { points: 10, last_day: '2027-06-01' } }));
    const w = mount(MyRecognitionCard, { props: { today: '2026-12-03' }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();
    expect(w.text()).toContain('冲销欠下 50 积分');
    expect(w.find('[data-test=my-expiry]').exists()).toBe(false);
  });
  it('opens why I have a flag when I tap it, and not for one not earned yet', async () => {
    stubApi(balances());
    const w = mount(MyRecognitionCard, { props: { today: '2026-12-03' }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } }, attachTo: document.body });
    await flushPromises();
    await w.find('[data-test=flag-follow_up]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-test=why-flag]')).toBeNull();
    await w.find('[data-test=flag-visit]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-test=why-flag]')?.textContent).toContain('拜访');
    expect(document.body.querySelector('[data-test=why-event-9]')?.textContent).toContain('visit.created');
    expect(w.findComponent(RouterLinkStub).props('to')).toBe('/points');
    w.unmount();
    document.body.innerHTML = '';
  });
});
