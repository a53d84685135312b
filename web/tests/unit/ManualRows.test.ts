import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board, RowVersion } from '@/api/boardTypes';
import ManualRows from '@/components/manage/ManualRows.vue';
import { i18n, setLocale } from '@/i18n';
import { restoreSession } from '@/session';

const ME = 3; // the signed-in manager's user id
const board = {
  id: 7, name: '季度特别活动榜', kind: 'manual', approval_required: true, metric_id: null, subject: 'staff', period: 'month', amounts: true,
  scope: 'company', department_id: null,
} as unknown as Board;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const version = (v: Partial<RowVersion>): RowVersion => ({
  id: 10, board_id: 7, period: '2026-03', version: 1, status: 'pending', rows: [{ subject_id: 5, name: '甲', value: '1200.00', note: null }],
  submitted_by: ME, submitted_at: '2026-03-05T02:00:00Z', decided_by: null, decided_at: null, reason: null, ...v,
});

/** The API: staff and departments, the versions listed, and `onPost` for every POST. */
function stubApi(versions: RowVersion[], onPost: (path: string, init: RequestInit) => Response) {
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    if (init?.method === 'POST') return onPost(path, init);
    if (path.startsWith('/api/v1/auth/session')) return json(200, { user: { id: ME, username: 'm', display_name: 'M', role: 'manager' }, via: 'session', csrf_token: 'c', time_zone: 'Asia/Shanghai' });
    if (path.startsWith('/api/v1/staff')) return json(200, { items: [{ id: 5, name: '甲', active: true, department_id: null, user_id: 4 }], next_cursor: null });
    if (path.startsWith('/api/v1/boards/7/rows')) return json(200, { items: versions });
    return json(200, { items: [], next_cursor: null });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const mountRows = async () => {
  const wrapper = mount(ManualRows, { props: { board, period: '2026-03' }, global: { plugins: [i18n] } });
  await flushPromises();
  return wrapper;
};

beforeAll(async () => {
  stubApi([], () => json(500, {}));
  await restoreSession();
});
beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('entering manual rows', () => {
  it('lists every row the API refused by its line and keeps what was typed; nothing is taken as sent', async () => {
    let sent: unknown = null;
    const fetch = stubApi([], (path, init) => {
      sent = JSON.parse(String(init.body));
      expect(path).toBe('/api/v1/boards/7/rows?period=2026-03');
      return json(422, { type: 'x', title: 'Invalid rows', status: 422, errors: [{ line: 2, field: 'value', message: 'not an amount' }] });
    });
    const wrapper = await mountRows();
    const vm = wrapper.vm as unknown as { lines: { key: number; subjectId: number | null; value: string; note: string }[] };
    Object.assign(vm.lines[0], { subjectId: 5, value: '1200.5' });
    await wrapper.find('[data-test=manual-add]').trigger('click');
    await wrapper.find('[data-test=manual-add]').trigger('click');
    Object.assign(vm.lines[2], { subjectId: 6, value: 'abc', note: '补录' }); // line 2 left blank
    await flushPromises();
    await wrapper.find('[data-test=manual-entry]').trigger('submit');
    await flushPromises();

    expect(sent).toEqual({ rows: [{ subject_id: 5, value: '1200.50' }, { subject_id: 6, value: 'abc', note: '补录' }] });
    // The API's second row is the form's third line.
    expect(wrapper.findAll('[data-test=manual-error]').map((e) => e.text())).toEqual(['第 3 行 · 成绩：not an amount']);
    expect(wrapper.find('[data-test=manual-line-3]').classes()).toContain('bad');
    expect(wrapper.find('[data-test=manual-line-1]').classes()).not.toContain('bad');
    // Only the figure is outlined, not the person chosen.
    expect(wrapper.find('[data-test=manual-line-3] .value').classes()).toContain('wrong');
    expect(wrapper.find('[data-test=manual-line-3] .who').classes()).not.toContain('wrong');
    expect((wrapper.find('[data-test=manual-line-3] input[data-test=manual-value]').element as HTMLInputElement).value).toBe('abc');
    expect(wrapper.emitted('published')).toBeUndefined();
    expect(fetch.mock.calls.filter(([p]) => String(p).includes('/rows')).length).toBe(2); // the list, the refused POST
  });

  it('lists a file\'s refused lines as the API numbers them', async () => {
    stubApi([], (_path, init) => {
      expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
      return json(422, { type: 'x', title: 'Invalid rows', status: 422, errors: [{ line: 4, field: 'name', message: 'no staff called 无此人' }, { line: 2, field: 'value', message: 'too large' }] });
    });
    const wrapper = await mountRows();
    const input = wrapper.find('[data-test=manual-file]');
    Object.defineProperty(input.element, 'files', { value: [new File(['姓名,成绩\n'], 'rows.csv')], configurable: true });
    await input.trigger('change');
    await wrapper.find('[data-test=manual-upload]').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('[data-test=manual-file-errors] li').map((e) => e.text())).toEqual([
      '第 2 行 · 成绩：too large',
      '第 4 行 · 姓名：no staff called 无此人',
    ]);
  });
});

describe('deciding on pending versions', () => {
  it('the one who submitted a version cannot approve it; another\'s is approved and the board told', async () => {
    const posted: string[] = [];
    stubApi([version({ id: 12, version: 2, submitted_by: 4 }), version({ id: 11, version: 1 })], (path) => {
      posted.push(path);
      return json(200, version({ id: 12, version: 2, status: 'published', submitted_by: 4, decided_by: ME, decided_at: '2026-03-05T03:00:00Z' }));
    });
    const wrapper = await mountRows();
    const own = wrapper.find('[data-test=manual-version-1]');
    expect(own.find('[data-test=manual-status]').text()).toBe('待审批');
    expect(own.find('[data-test=manual-approve]').attributes('disabled')).toBeDefined();
    expect(own.find('[data-test=manual-own]').text()).toContain('这一版由你提交');
    expect(own.text()).toContain('你 提交于');
    const theirs = wrapper.find('[data-test=manual-version-2]');
    expect(theirs.text()).toContain('甲 提交于'); // user 4 is 甲's login
    expect(theirs.find('[data-test=manual-approve]').attributes('disabled')).toBeUndefined();
    await theirs.find('[data-test=manual-approve]').trigger('click');
    await flushPromises();
    expect(posted).toEqual(['/api/v1/boards/7/rows/12/approve']);
    expect(wrapper.emitted('published')).toHaveLength(1);
  });

  it('rejects with the reason typed', async () => {
    let body: unknown = null;
    stubApi([version({ submitted_by: 4 })], (path, init) => {
      expect(path).toBe('/api/v1/boards/7/rows/10/reject');
      body = JSON.parse(String(init.body));
      return json(200, version({ status: 'rejected', reason: '数据未核对' }));
    });
    const wrapper = await mountRows();
    await wrapper.find('[data-test=manual-reject]').trigger('click');
    await wrapper.find('input[data-test=manual-reason]').setValue('数据未核对');
    await wrapper.find('.reject').trigger('submit');
    await flushPromises();
    expect(body).toEqual({ reason: '数据未核对' });
    expect(wrapper.emitted('published')).toBeUndefined();
  });
});
