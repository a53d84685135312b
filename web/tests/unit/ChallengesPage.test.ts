import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ChallengesPage from '@/pages/manage/ChallengesPage.vue';
import { i18n, setLocale } from '@/i18n';
import { field, fill, pick } from './dialogForm';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const metrics = [
  { id: 1, code: 'visits', name: '每周拜访', kind: 'count', source: 'visits', unit: null, subject: 'staff', period: 'week', filter: {} },
  { id: 2, code: 'dept', name: '部门月认购', kind: 'sum', source: 'transactions', unit: null, subject: 'department', period: 'month', filter: {} },
  { id: 3, code: 'bal', name: '月末保有', kind: 'end_of_period_balance', source: 'holdings', unit: null, subject: 'staff', period: 'month', filter: {} },
];
const staff = [
  { id: 7, user_id: 1, name: '李娜', title: null, active: true, department_id: null, assignments: [] },
  { id: 8, user_id: 2, name: '王强', title: null, active: true, department_id: null, assignments: [] },
];

function stubApi() {
  const sent: { body: Record<string, unknown> | null } = { body: null };
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    const url = new URL(path, 'http://laurel.test');
    if (init?.method === 'POST') {
      sent.body = JSON.parse(String(init.body));
      return json(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'is in another group already', field: 'groups[1].members[0]' });
    }
    if (url.pathname === '/api/v1/metrics') return json(200, { items: metrics, next_cursor: null });
    if (url.pathname === '/api/v1/staff') return json(200, { items: staff, next_cursor: null });
    return json(200, { items: [], next_cursor: null });
  }));
  return sent;
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('setting a challenge', () => {
  it('offers only metrics a challenge can count, and this window of the metric first', async () => {
    stubApi();
    const wrapper = mount(ChallengesPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=challenge-new]').trigger('click');
    await flushPromises();
    (field('指标').querySelector('.el-select__wrapper') as HTMLElement).click();
    await flushPromises();
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['每周拜访', '部门月认购']); // not a balance
  });

  it('sends ad-hoc groups of people instead of participants, and shows a refusal at the group', async () => {
    const sent = stubApi();
    const wrapper = mount(ChallengesPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=challenge-new]').trigger('click');
    await flushPromises();
    await fill('input[name=challenge_name]', '小组周赛');
    await pick(field('指标'), '每周拜访');
    const groups = [...field('参与方式').querySelectorAll('.el-radio-button')].find((e) => e.textContent?.trim() === '临时小组') as HTMLElement;
    groups.querySelector('input')!.click();
    await flushPromises();
    await fill('input[name=challenge_goal]', '5');
    await fill('input[name=challenge_group_0]', '甲组');
    await pick(field('小组 1'), '李娜');
    (document.body.querySelector('[data-test=challenge-add-group]') as HTMLElement).click();
    await flushPromises();
    await fill('input[name=challenge_group_1]', '乙组');
    await pick(field('小组 2'), '李娜');
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
    await flushPromises();
    expect(sent.body).toMatchObject({
      name: '小组周赛', kind: 'goal', metric_id: 1, goal: 5, participants: [],
      groups: [{ name: '甲组', members: [7] }, { name: '乙组', members: [7] }],
    });
    expect(String(sent.body?.period)).toMatch(/^\d{4}-W\d{2}$/);
    await new Promise((r) => setTimeout(r, 150)); // Element Plus shows a field's error 100 ms later
    expect(field('小组 2').querySelector('.el-form-item__error')?.textContent?.trim()).toBe('is in another group already');
  });
});
