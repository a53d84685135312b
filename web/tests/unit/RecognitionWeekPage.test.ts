import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import RecognitionWeekPage from '@/pages/RecognitionWeekPage.vue';
import { i18n, setLocale } from '@/i18n';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const flag = (fn: string, name: string) => ({ function: fn, name, colour: '#D32F2F', earned: true, earned_at: '2026-12-01T02:00:00Z', source: null });

function stubApi() {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    asked.push(path);
    if (path.startsWith('/api/v1/flags/parade')) {
      return json({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29', people: [
        { staff_id: 7, name: '李娜', flags: [flag('visit', '拜访'), flag('target', '目标')], celebrate_publicly: true },
        { staff_id: 8, name: '王强', flags: [flag('visit', '拜访')], celebrate_publicly: false },
      ] });
    }
    return json({
      week: '2026-W48', from: '2026-11-23', to: '2026-11-29',
      company: { people: 3, flags: 3, badges: 1, level_ups: 1, challenges: 2 },
      people: [
        { staff_id: 7, name: '李娜', flags: [], badges: [{ rule_id: 1, name: '百次拜访', visit_id: 3, first_earned_at: '2026-11-24T02:00:00Z' }],
          level_up: { from: '能手', to: '高手', status: 5200 }, celebrate_publicly: true,
          challenges: [{ challenge_id: 4, name: '周拜访王', outcome: 'won', at: '2026-11-29T16:00:00Z' }] },
        { staff_id: 8, name: '王强', flags: [], badges: [], level_up: null, celebrate_publicly: false, challenges: [] },
      ],
      team_challenges: [{ challenge_id: 5, name: '全员冲刺', outcome: 'completed', at: '2026-11-28T08:00:00Z', subject: 'company', subject_id: 0, subject_name: null }],
    });
  }));
  return asked;
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('the week\'s recognition', () => {
  it('reads the week asked for, marks who opted out, and leaves people with only flags to the parade', async () => {
    const asked = stubApi();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/recognition', component: RecognitionWeekPage }] });
    await router.push('/recognition?week=2026-W48');
    const wrapper = mount(RecognitionWeekPage, { global: { plugins: [i18n, router] } });
    await flushPromises();
    expect(asked).toEqual(['/api/v1/flags/parade?week=2026-W48', '/api/v1/recognition/digest?week=2026-W48']);
    expect(wrapper.find('[data-test=total-challenges]').text()).toBe('2');
    expect(wrapper.find('[data-test=parade-7]').text()).toContain('拜访目标');
    expect(wrapper.find('[data-test=parade-8] [data-test=parade-private]').exists()).toBe(true);
    expect(wrapper.find('[data-test=parade-7] [data-test=parade-private]').exists()).toBe(false);
    const li = wrapper.find('[data-test=week-person-7]').text();
    expect(li).toContain('从"能手"升为"高手"');
    expect(li).toContain('百次拜访');
    expect(li).toContain('赢得"周拜访王"');
    expect(wrapper.find('[data-test=week-person-8]').exists()).toBe(false); // nothing but flags
    expect(wrapper.find('[data-test=week-teams]').text()).toContain('全公司 · 完成"全员冲刺"');
  });

  it('goes to the week before, and back to this week without a query', async () => {
    const asked = stubApi();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/recognition', component: RecognitionWeekPage }] });
    await router.push('/recognition?week=2026-W48');
    const wrapper = mount(RecognitionWeekPage, { global: { plugins: [i18n, router] } });
    await flushPromises();
    await wrapper.find('[data-test=period-previous]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.week).toBe('2026-W47');
    expect(asked).toContain('/api/v1/recognition/digest?week=2026-W47');
    await wrapper.find('[data-test=period-current]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
  });
});
