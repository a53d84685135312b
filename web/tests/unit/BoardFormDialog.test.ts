import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board } from '@/api/boardTypes';
import BoardFormDialog from '@/components/manage/BoardFormDialog.vue';
import { i18n, setLocale } from '@/i18n';

const board: Board = {
  id: 4, name: '月度认申购榜', metric_id: 3, denominator_metric_id: null, tie_breaker_metric_id: null,
  tie_breaker_order: 'higher_first', scope: 'company', department_id: null, campaign_id: null, order: 'higher_first',
  tie_policy: 'competition', visibility: 'everyone', snapshot_schedule: { weekday: 'friday', time: '17:30' }, close_grace_days: 3,
  kind: 'computed', subject: 'staff', period: 'month', amounts: true, created_by: 1,
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

/** The form item labelled `label` (the dialog is teleported to <body>). */
function field(label: string): HTMLElement {
  const labels = [...document.body.querySelectorAll('.el-form-item__label')];
  const found = labels.find((l) => l.textContent?.trim() === label);
  if (!found) throw new Error(`no field ${label}: ${labels.map((l) => l.textContent).join(', ')}`);
  return found.closest('.el-form-item') as HTMLElement;
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
