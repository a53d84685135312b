import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MyChallengesCard from '@/components/challenges/MyChallengesCard.vue';
import { completedCount, defaultWindow, outcomeTone, shownStandings, type Challenge, type ChallengeStanding } from '@/api/challengeTypes';
import { i18n, setLocale } from '@/i18n';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const standing = (subject_id: number, name: string | null, figure: number | string, extra: Partial<ChallengeStanding> = {}): ChallengeStanding => ({
  subject_id, name, figure, percent: null, outcome: 'in_progress', leading: false, reached_at: null, reached_by_record_id: null, ...extra,
});

const challenge = (id: number, extra: Partial<Challenge>): Challenge => ({
  id, name: `挑战${id}`, description: '', kind: 'goal', metric_id: 1, metric_name: '每周拜访', period: '2026-W49', goal: 5,
  subject: 'staff', participants: [], groups: [], grace_days: 3, starts_at: '2026-11-29T16:00:00Z', ends_at: '2026-12-06T16:00:00Z',
  reward_points: 0, settles_at: '2099-12-09T16:00:00Z', state: 'open', created_by: 1, created_at: '2026-11-30T01:00:00Z',
  cancelled_at: null, cancelled_by: null, standings: [], ...extra,
});

const goal = challenge(1, {
  participants: [7, 8, 9], reward_points: 1200,
  standings: [standing(7, '李娜', 3, { percent: 60 }), standing(8, '王强', 5, { percent: 100, outcome: 'completed' }), standing(9, '赵敏', 6, { percent: 100, outcome: 'completed' })],
});
const duel = challenge(2, {
  kind: 'head_to_head', goal: null, participants: [7, 8], name: '对决',
  standings: [standing(7, '李娜', 4, { leading: true }), standing(8, '王强', 2)],
});
const coop = challenge(3, {
  subject: 'company', goal: '100000000.00', name: '全公司一亿', metric_name: '认购',
  standings: [standing(0, null, '25000000.00', { percent: 25 })],
});
const cancelled = challenge(4, { state: 'cancelled' });
const longSettled = challenge(5, { state: 'settled', settles_at: '2020-01-01T00:00:00Z' });

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('reading a challenge', () => {
  it('shows a person their own bar of a goal for many, both sides of a duel, the company bar', () => {
    expect(shownStandings(goal, 7).map((s) => s.subject_id)).toEqual([7]);
    expect(shownStandings(goal, 99)).toEqual([]);
    expect(shownStandings(duel, 7).map((s) => s.subject_id)).toEqual([7, 8]);
    expect(shownStandings(coop, 7).map((s) => s.subject_id)).toEqual([0]);
    expect(completedCount(goal)).toBe(2);
    const teams = challenge(6, {
      subject: 'group', groups: [{ name: '甲组', members: [8, 9] }, { name: '乙组', members: [7] }],
      standings: [standing(1, '甲组', 3), standing(2, '乙组', 1)],
    });
    expect(shownStandings(teams, 7).map((s) => s.name)).toEqual(['乙组']);
    expect(shownStandings(teams, 99)).toEqual([]);
    expect(shownStandings({ ...teams, kind: 'head_to_head' }, 7).length).toBe(2);
  });
  it('offers the window under way first, and colours outcomes', () => {
    expect(defaultWindow('week', '2026-12-04')).toBe('2026-W49');
    expect(defaultWindow('month', '2026-12-04')).toBe('2026-12');
    expect(defaultWindow('day', '2026-12-04')).toBe('2026-12-04');
    expect(outcomeTone('won')).toBe('success');
    expect(outcomeTone('failed')).toBe('danger');
    expect(outcomeTone('drawn')).toBe('info');
  });
});

describe('MyChallengesCard', () => {
  it('lists my challenges with their progress, not those called off or long settled', async () => {
    const fetch = vi.fn(async (_path: string) => json({ items: [goal, duel, coop, cancelled, longSettled], next_cursor: null }));
    vi.stubGlobal('fetch', fetch);
    const w = mount(MyChallengesCard, { props: { staffId: 7 }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(String(fetch.mock.calls[0][0])).toContain('mine=true');
    expect(w.find('[data-test=challenge-1]').exists()).toBe(true);
    expect(w.find('[data-test=challenge-4]').exists()).toBe(false);
    expect(w.find('[data-test=challenge-5]').exists()).toBe(false);
    const mine = w.find('[data-test=challenge-1]');
    expect(mine.findAll('[data-test^=standing-]').length).toBe(1);
    expect(mine.text()).toContain('我');
    expect(mine.text()).toContain('3 / 5');
    expect(mine.text()).toContain('2/3 人已完成');
    expect(mine.text()).toContain('奖励 1,200 积分');
    expect(w.find('[data-test=challenge-2]').text()).not.toContain('奖励');
    const two = w.find('[data-test=challenge-2]');
    expect(two.text()).toContain('对决');
    expect(two.find('[data-test=standing-7]').text()).toContain('领先');
    expect(w.find('[data-test=challenge-3]').text()).toContain('全公司');
  });
  it('is not shown when I take part in none', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ items: [cancelled], next_cursor: null })));
    const w = mount(MyChallengesCard, { props: { staffId: 7 }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.find('[data-test=my-challenges]').exists()).toBe(false);
  });
});
