import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board } from '@/api/boardTypes';
import BoardFormDialog from '@/components/manage/BoardFormDialog.vue';
import { i18n, setLocale } from '@/i18n';
import { field } from './dialogForm';

const board: Board = {
  id: 4, name: '月度认申购榜', approval_required: false,
  pro_rate: false, metric_id: 3, denominator_metric_id: null, tie_breaker_metric_id: null,
  tie_breaker_order: 'higher_first', scope: 'company', department_id: null, campaign_id: null, order: 'higher_first',
  tie_policy: 'competition', visibility: 'everyone', snapshot_schedule: { weekday: 'friday', time: '17:30' }, close_grace_days: 3, public_top: null,
  kind: 'computed', subject: 'staff', period: 'month', amounts: true, built_in: null, created_by: 1,
  created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** Lists answer empty; a change is answered by `onPatch`. */
function stubApi(onPatch: (body: Record<string, unknown>) => Response) {
  const fetch = vi.fn(async (_path: string, init?: RequestInit) =>
    init?.method === 'PATCH' ? onPatch(JSON.parse(String(init.body))) : json(200, { items: [], next_cursor: null }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function open(b: Board) {
  const wrapper = mount(BoardFormDialog, { props: { board: b }, global: { plugins: [i18n] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
const submit = async () => {
  (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150)); // Element Plus shows a field's error 100 ms later
};

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the board form\'s snapshots', () => {
  it('shows the weekly schedule and the close\'s grace days, and sends them back', async () => {
    let sent: Record<string, unknown> = {};
    stubApi((body) => ((sent = body), json(200, { ...board, ...body })));
    const wrapper = await open(board);
    expect(field('每周定格').querySelector('.el-radio.is-checked')?.textContent).toContain('每周');
    expect(field('星期').textContent).toContain('周五');
    expect(field('时间').textContent).toContain('17:30');
    expect((field('期末定格（期末后天数）').querySelector('input') as HTMLInputElement).value).toBe('3');
    await submit();
    expect(sent.snapshot_schedule).toEqual({ weekday: 'friday', time: '17:30' });
    expect(sent.close_grace_days).toBe(3);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('sends no schedule when it is off', async () => {
    let sent: Record<string, unknown> = {};
    stubApi((body) => ((sent = body), json(200, { ...board, ...body })));
    await open(board);
    (field('每周定格').querySelectorAll('.el-radio')[0] as HTMLElement).click();
    await flushPromises();
    expect(document.body.textContent).not.toContain('星期');
    await submit();
    expect(sent.snapshot_schedule).toBeNull();
  });

  it('shows the API\'s error at the field it names', async () => {
    stubApi(() =>
      json(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'must be a company-local time HH:MM', field: 'snapshot_schedule.time' }),
    );
    const wrapper = await open(board);
    await submit();
    expect(field('时间').querySelector('.el-form-item__error')?.textContent?.trim()).toBe('must be a company-local time HH:MM');
    expect(field('星期').querySelector('.el-form-item__error')).toBeNull();
    expect(wrapper.emitted('saved')).toBeUndefined();
  });

  it('shows a grace days error at its field', async () => {
    stubApi(() =>
      json(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'must be a whole number of days, 0 to 31', field: 'close_grace_days' }),
    );
    await open({ ...board, snapshot_schedule: null });
    await submit();
    expect(field('期末定格（期末后天数）').querySelector('.el-form-item__error')?.textContent?.trim()).toBe('must be a whole number of days, 0 to 31');
  });
});

describe('the board form\'s public top N', () => {
  it('shows the whole board by default and sends null for it', async () => {
    let sent: Record<string, unknown> = {};
    stubApi((body) => ((sent = body), json(200, { ...board, ...body })));
    await open(board);
    expect(field('公开范围').querySelector('.el-radio.is-checked')?.textContent).toContain('向所有人显示整个榜单');
    expect(document.body.querySelector('input[name=public_top]')).toBeNull();
    await submit();
    expect(sent.public_top).toBeNull();
  });

  it('shows a board\'s N, sends the N typed, and null again when switched back', async () => {
    let sent: Record<string, unknown> = {};
    stubApi((body) => ((sent = body), json(200, { ...board, ...body })));
    await open({ ...board, public_top: 5 });
    expect(field('公开范围').querySelector('.el-radio.is-checked')?.textContent).toContain('只显示前 N 名');
    const input = document.body.querySelector('input[name=public_top]') as HTMLInputElement;
    expect(input.value).toBe('5');
    input.value = '20';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await flushPromises();
    await submit();
    expect(sent.public_top).toBe(20);
    (field('公开范围').querySelectorAll('.el-radio')[0] as HTMLElement).click();
    await flushPromises();
    await submit();
    expect(sent.public_top).toBeNull();
  });

  it('shows the API\'s public_top error at its field', async () => {
    stubApi(() =>
      json(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'must be a whole number from 1 to 1000, or null', field: 'public_top' }),
    );
    await open({ ...board, public_top: 5 });
    await submit();
    expect(field('公开范围').querySelector('.el-form-item__error')?.textContent?.trim()).toBe('must be a whole number from 1 to 1000, or null');
  });
});

describe('the board form\'s kinds of board', () => {
  /** A new board: its POST body. */
  function stubPost() {
    const sent: { body: Record<string, unknown> | null } = { body: null };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_path: string, init?: RequestInit) => {
        if (init?.method !== 'POST') return json(200, { items: [], next_cursor: null });
        sent.body = JSON.parse(String(init.body));
        return json(201, { ...board, ...sent.body, id: 9 });
      }),
    );
    return sent;
  }
  const radio = (label: string, text: string) =>
    [...field(label).querySelectorAll('.el-radio, .el-radio-button')].find((r) => r.textContent?.trim().startsWith(text)) as HTMLElement;
  const pick = async (label: string, text: string) => {
    radio(label, text).querySelector('input')!.click();
    await flushPromises();
  };

  it('a manual board names whom it ranks, its period and figures, with no metric, ratio or tie-breaker', async () => {
    const sent = stubPost();
    const wrapper = mount(BoardFormDialog, { props: { board: null }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(document.body.textContent).toContain('按哪个指标排名');
    await pick('数据来源', '手工录入');
    for (const gone of ['按哪个指标排名', '除以目标指标（选填）', '同分时比较（选填）']) expect(document.body.textContent).not.toContain(gone);
    expect(field('并列规则').textContent).not.toContain('同分时先达到者排前');
    await pick('排名对象', '部门');
    await pick('成绩类型', '金额');
    (field('审批').querySelector('input') as HTMLInputElement).click();
    await flushPromises();
    const name = document.body.querySelector('input[name=board_name]') as HTMLInputElement;
    name.value = '季度特别活动榜';
    name.dispatchEvent(new Event('input'));
    await submit();
    expect(sent.body).toMatchObject({ name: '季度特别活动榜', kind: 'manual', subject: 'department', period: 'month', amounts: true, approval_required: true, tie_policy: 'competition' });
    expect(sent.body).toMatchObject({ metric_id: null, denominator_metric_id: null, tie_breaker_metric_id: null });
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('a hybrid board keeps its metric, drops the ratio and tie-breaker, and may ask for approval; a computed one never does', async () => {
    const sent = stubPost();
    mount(BoardFormDialog, { props: { board: null }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(document.body.textContent).not.toContain('审批');
    await pick('数据来源', '自动计算 + 手工录入');
    expect(document.body.textContent).toContain('按哪个指标排名');
    for (const gone of ['除以目标指标（选填）', '同分时比较（选填）', '排名对象']) expect(document.body.textContent).not.toContain(gone);
    expect(field('并列规则').textContent).not.toContain('同分时先达到者排前');
    expect(field('审批').textContent).toContain('需要审批');
    await submit();
    expect(sent.body).toMatchObject({ kind: 'hybrid', metric_id: null, approval_required: false, denominator_metric_id: null, tie_breaker_metric_id: null });
    expect(sent.body).not.toHaveProperty('subject');
  });

  it('a computed board made hybrid drops its ratio (a change is merged over the board)', async () => {
    let sent: Record<string, unknown> = {};
    stubApi((body) => ((sent = body), json(200, { ...board, ...body })));
    await open({ ...board, denominator_metric_id: 8, tie_breaker_metric_id: 9 });
    await pick('数据来源', '自动计算 + 手工录入');
    await submit();
    expect(sent).toMatchObject({ kind: 'hybrid', metric_id: 3, denominator_metric_id: null, tie_breaker_metric_id: null });
  });

  it('shows a manual board as saved', async () => {
    stubApi((body) => json(200, { ...board, ...body }));
    await open({ ...board, kind: 'manual', metric_id: null, subject: 'department', period: 'quarter', amounts: false, approval_required: true });
    expect(field('数据来源').querySelector('.el-radio.is-checked')?.textContent).toContain('手工录入');
    expect(field('排名对象').querySelector('.is-active')?.textContent).toContain('部门');
    expect(field('期间').textContent).toContain('季度');
    expect(field('成绩类型').querySelector('.el-radio.is-checked')?.textContent).toContain('数量');
    expect(field('审批').querySelector('.el-checkbox.is-checked')).not.toBeNull();
  });
});

describe('the board form on one of Laurel\'s own boards', () => {
  const builtIn: Board = {
    ...board, id: 21, name: '春季活动 达成率（个人）', built_in: 'campaign_achievement', metric_id: 11, denominator_metric_id: 12,
    scope: 'campaign', campaign_id: 2, period: 'all', snapshot_schedule: null,
  };
  const metric = (id: number, code: string) => ({
    id, code, name: code, kind: 'sum', source: 'transactions', sum_of: 'amount', unit: null, subject: 'staff', period: 'all', filter: {}, created_at: '',
  });
  /** Metrics of people over all time (Laurel's two and one to break ties by); PATCH as `onPatch`. */
  function stubWithMetrics(onPatch: (body: Record<string, unknown>) => Response) {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init?: RequestInit) => {
        if (init?.method === 'PATCH') return onPatch(JSON.parse(String(init.body)));
        if (path.startsWith('/api/v1/metrics')) {
          return json(200, { items: [metric(11, 'laurel.campaign2.staff.achieved'), metric(12, 'laurel.campaign2.staff.target'), metric(13, 'visits.all')], next_cursor: null });
        }
        if (path.startsWith('/api/v1/campaigns')) return json(200, { items: [{ id: 2, name: '春季活动' }], next_cursor: null });
        return json(200, { items: [], next_cursor: null });
      }),
    );
  }

  it('says why, and shows what it ranks without letting it change', async () => {
    stubWithMetrics((body) => json(200, { ...builtIn, ...body }));
    await open(builtIn);
    expect(document.body.querySelector('[data-test=board-built-in-note]')?.textContent).toContain('Laurel 内置');
    expect(field('数据来源').querySelectorAll('.el-radio.is-disabled')).toHaveLength(3);
    expect(field('按哪个指标排名').querySelector('.is-disabled')).not.toBeNull();
    expect(field('除以目标指标（选填）').querySelector('.is-disabled')).not.toBeNull();
    expect(field('谁在榜上').querySelectorAll('.el-radio-button.is-disabled')).toHaveLength(3);
    expect(field('营销活动').querySelector('.is-disabled')).not.toBeNull();
    // What may change stays open.
    expect(field('同分时比较（选填）').querySelector('.is-disabled')).toBeNull();
    expect(field('谁能看到').querySelector('.el-radio.is-disabled')).toBeNull();
    expect((document.body.querySelector('input[name=board_name]') as HTMLInputElement).disabled).toBe(false);
  });

  it('sends its name, visibility and ties, never what it ranks', async () => {
    let sent: Record<string, unknown> = {};
    stubWithMetrics((body) => ((sent = body), json(200, { ...builtIn, ...body })));
    const wrapper = await open(builtIn);
    const name = document.body.querySelector('input[name=board_name]') as HTMLInputElement;
    name.value = '春季活动冲刺榜';
    name.dispatchEvent(new Event('input'));
    (field('谁能看到').querySelectorAll('.el-radio input')[1] as HTMLInputElement).click();
    await flushPromises();
    await submit();
    expect(sent).toMatchObject({ name: '春季活动冲刺榜', visibility: 'managers', tie_policy: 'competition', public_top: null });
    for (const member of ['kind', 'metric_id', 'denominator_metric_id', 'scope', 'department_id', 'campaign_id', 'pro_rate']) expect(sent).not.toHaveProperty(member);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('still sends what a board people made ranks', async () => {
    let sent: Record<string, unknown> = {};
    stubApi((body) => ((sent = body), json(200, { ...board, ...body })));
    await open(board);
    expect(document.body.querySelector('[data-test=board-built-in-note]')).toBeNull();
    await submit();
    expect(sent).toMatchObject({ kind: 'computed', metric_id: 3, scope: 'company', pro_rate: false });
  });
});
