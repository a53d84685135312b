import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ImportsPage from '@/pages/manage/ImportsPage.vue';
import { i18n, setLocale } from '@/i18n';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function upload(wrapper: ReturnType<typeof mount>, file: File) {
  const input = wrapper.find('input[type=file]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

beforeEach(() => setLocale('en'));
afterEach(() => vi.unstubAllGlobals());

describe('ImportsPage', () => {
  it('sends the file itself as CSV, good rows kept, and lists each bad row with its line and column', async () => {
    const fetch = vi.fn().mockResolvedValue(
      answer(200, {
        created: 1,
        updated: 0,
        unchanged: 0,
        failed: 1,
        results: [
          { line: 2, outcome: 'created', id: 9 },
          { line: 3, outcome: 'failed', error: { status: 400, field: 'rows[3].type', detail: 'line 3: must be one of bank, …' } },
        ],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const wrapper = mount(ImportsPage, { global: { plugins: [i18n] } });
    const file = new File(['name,registration_code,type\n'], 'clients.csv');
    await upload(wrapper, file);

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/v1/clients/import?partial=true');
    expect(init.headers['Content-Type']).toBe('text/csv');
    expect(init.body).toBe(file);
    const report = wrapper.find('[data-test=import-report]').text();
    expect(report).toContain('1 created, 0 updated, 0 unchanged, 1 with problems');
    expect(report).toContain('type');
    expect(report).toContain('line 3: must be one of bank');
  });
  it('refuses a file Laurel cannot read before sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const wrapper = mount(ImportsPage, { global: { plugins: [i18n] } });
    await upload(wrapper, new File(['x'], 'clients.xls'));
    expect(fetch).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Choose a .csv or .xlsx file');
  });
  it('all or nothing: a bad row means nothing was imported, and says which line', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(
          JSON.stringify({ type: 'x', title: 'Invalid input', status: 400, field: 'rows[4].registration_code', detail: 'line 4: not a valid code' }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const wrapper = mount(ImportsPage, { global: { plugins: [i18n] } });
    await wrapper.find('[data-test=import-all-or-nothing] input').setValue(true);
    await upload(wrapper, new File(['x'], 'people.csv'));
    expect(wrapper.find('[data-test=import-refused]').text()).toBe('Nothing was imported. line 4: not a valid code');
  });
});
