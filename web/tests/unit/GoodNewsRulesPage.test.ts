import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import GoodNewsRulesPage from '@/pages/manage/GoodNewsRulesPage.vue';
import { i18n, setLocale } from '@/i18n';
import { field, fill } from './dialogForm';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const board = (id: number, name: string, extra: Record<string, unknown> = {}) => ({
  id, name, kind: 'computed', metric_id: 1, denominator_metric_id: null, tie_breaker_metric_id: null, tie_breaker_order: 'higher_first',
  scope: 'company', department_id: null, campaign_id: null, order: 'higher_first', tie_policy: 'competition', visibility: 'everyone',
  snapshot_schedule: null, close_grace_days: 3, public_top: null, approval_required: false, pro_rate: false, built_in: null,
  subject: 'staff', period: 'month', amounts: true, created_by: 1, created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z',
  ...extra,
});
const metrics = [
  { id: 1, code: 'subs', name: '月认申购', kind: 'sum', subject: 'staff', period: 'month' },
  { id: 3, code: 'bal', name: '月末保有', kind: 'end_of_period_balance', subject: 'staff', period: 'month' },
];
// Two pages of boards: the form reads them all.
const boardPages: Record<string, { items: unknown[]; next_cursor: string | null }> = {
  '': {
    items: [board(1, '倒序榜', { order: 'lower_first' }), board(2, '保有榜', { metric_id: 3 }), board(3, '手工榜', { kind: 'manual', metric_id: null })],
    next_cursor: 'more',
  },
  more: { items: [board(4, '北区月度认申购榜'), board(5, '达成率榜', { denominator_metric_id: 1 })], next_cursor: null },
};
const topRule = {
  id: 7, name: '登顶北区榜', kind: 'board_top', board_id: 4, at_least: null, subject_ids: [], thresholds: [],
  templates: { 'zh-CN': '{person}登顶{board}', en: '{person} leads {board}' }, effective_from: '2026-11-01T00:00:00Z', grace_days: 3,
  auto_publish: true, redact_client_names: false, redact_amounts: false, created_at: '2026-11-01T00:00:00Z',
};

/** The API's lists as above; a new rule's POST body is kept, and answered with `refusal` when given. */
function stubApi(refusal?: Record<string, unknown>) {
  const sent: { body: Record<string, unknown> | null } = { body: null };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const url = new URL(path, 'http://laurel.test');
      if (init?.method === 'POST') {
        sent.body = JSON.parse(String(init.body));
        if (refusal) return new Response(JSON.stringify(refusal), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
        return json(201, { ...topRule, ...sent.body, id: 8 });
      }
      if (url.pathname === '/api/v1/boards') return json(200, boardPages[url.searchParams.get('cursor') ?? '']);
      if (url.pathname === '/api/v1/metrics') return json(200, { items: metrics, next_cursor: null });
      if (url.pathname === '/api/v1/good-news-rules') return json(200, { items: [topRule, { ...topRule, id: 6, name: '旧榜', board_id: 99, at_least: '100000000.00' }], next_cursor: null });
      return json(200, { items: [], next_cursor: null });
    }),
  );
  return sent;
}

/** The page, its form open on a board_top rule. */
async function openTopForm() {
  const wrapper = mount(GoodNewsRulesPage, { global: { plugins: [i18n] }, attachTo: document.body });
  await flushPromises();
  await wrapper.find('[data-test=rule-new]').trigger('click');
  await flushPromises();
  const kind = [...field('何时报喜').querySelectorAll('.el-radio-button')].find((e) => e.textContent?.trim() === '登顶榜单') as HTMLElement;
  kind.querySelector('input')!.click();
  await flushPromises();
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('a board_top rule', () => {
  it('is listed by the board it names (its id when the board is not listed), with its least figure', async () => {
    stubApi();
    const wrapper = mount(GoodNewsRulesPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    const text = wrapper.find('[data-test=rule-list]').text();
    expect(text).toContain('登顶「北区月度认申购榜」');
    expect(text).toContain('登顶「#99」 （至少 1.00亿）');
  });

  it('is defined on a board whose top can be judged, with no thresholds, and its own placeholders', async () => {
    const sent = stubApi();
    await openTopForm();
    const labels = [...document.body.querySelectorAll('.el-form-item__label')].map((l) => l.textContent?.trim());
    expect(labels).toContain('榜单');
    expect(labels.filter((l) => l?.startsWith('门槛') || l === '产品' || l === '指标')).toEqual([]);
    const hint = [...document.body.querySelectorAll('p')].find((p) => p.textContent?.startsWith('可用占位符'))!.textContent!;
    expect(hint).toContain('{board}');
    expect(hint).not.toContain('{amount}');

    (field('榜单').querySelector('.el-select__wrapper') as HTMLElement).click();
    await flushPromises();
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['北区月度认申购榜']);
    (document.body.querySelector('.el-select-dropdown__item') as HTMLElement).click();
    await flushPromises();

    await fill('input[name=rule_name]', '登顶北区榜');
    await fill('textarea[name=rule_template_zh]', '{person}登顶{board}（{period}）！');
    await fill('textarea[name=rule_template_en]', '{subject} leads {board} for {period}');
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
    await flushPromises();
    expect(sent.body).toMatchObject({ name: '登顶北区榜', kind: 'board_top', board_id: 4, templates: { 'zh-CN': '{person}登顶{board}（{period}）！' } });
    expect(sent.body).not.toHaveProperty('thresholds');
    expect(sent.body).not.toHaveProperty('at_least');
    expect(sent.body).not.toHaveProperty('metric_id');
  });

  it('shows the API\'s refusal of the board at the board\'s field', async () => {
    stubApi({ type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'board 4 ranks lower first', field: 'board_id' });
    await openTopForm();
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
    await flushPromises();
    await new Promise((r) => setTimeout(r, 150)); // Element Plus shows a field's error 100 ms later
    expect(field('榜单').querySelector('.el-form-item__error')?.textContent?.trim()).toBe('board 4 ranks lower first');
  });
});
