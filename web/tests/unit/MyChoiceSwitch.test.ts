import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CelebrationSwitch from '@/components/recognition/CelebrationSwitch.vue';
import { i18n, setLocale } from '@/i18n';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

// The API as the switch meets it: GET gives the stored choice, PUT stores it (or fails).
function stubApi(stored: { celebrate_publicly: boolean } | null, putStatus = 200) {
  const calls: { method: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    expect(path).toBe('/api/v1/me/celebration');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    calls.push({ method, body });
    if (stored === null) return json(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no staff record is linked to your login' });
    if (method === 'PUT') {
      if (putStatus !== 200) return json(putStatus, { type: 'about:blank', title: 'Bad Request', status: putStatus, detail: '保存失败', field: 'celebrate_publicly' });
      stored = { celebrate_publicly: body.celebrate_publicly };
    }
    return json(200, { staff_id: 7, ...stored });
  }));
  return calls;
}

const checked = (w: ReturnType<typeof mount>) => w.find('[data-test=celebration-switch]').classes().includes('is-checked');

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('CelebrationSwitch', () => {
  it('shows my choice and stores the other one when switched', async () => {
    const calls = stubApi({ celebrate_publicly: true });
    const w = mount(CelebrationSwitch, { global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.text()).toContain('公开表彰我');
    expect(checked(w)).toBe(true);
    await w.find('[data-test=celebration-switch]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toEqual({ method: 'PUT', body: { celebrate_publicly: false } });
    expect(checked(w)).toBe(false);
  });

  it('keeps the switch as it was and says why when the change fails', async () => {
    stubApi({ celebrate_publicly: true }, 400);
    const w = mount(CelebrationSwitch, { global: { plugins: [i18n] } });
    await flushPromises();
    await w.find('[data-test=celebration-switch]').trigger('click');
    await flushPromises();
    expect(checked(w)).toBe(true);
    expect(w.find('[role=alert]').text()).toContain('保存失败');
  });

  it('shows nothing to a login without a staff record', async () => {
    stubApi(null);
    const w = mount(CelebrationSwitch, { global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.find('[data-test=celebration]').exists()).toBe(false);
  });
});
