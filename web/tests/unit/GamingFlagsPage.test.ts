import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import GamingFlagsPage from '@/pages/manage/GamingFlagsPage.vue';
import { i18n, setLocale } from '@/i18n';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('activity worth a look', () => {
  it('asks for the last four weeks, counts each pattern and shows one pattern at a time', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      asked.push(path);
      if (path.startsWith('/api/v1/clients/')) return json({ id: 4, name: '北方银行股份有限公司', short_name: '北方银行' });
      return json({
        from: '2026-11-07', to: '2026-12-04', items: [
          { pattern: 'burst', staff_id: 7, name: '李娜', day: '2026-12-01', client_id: null, visit_ids: [1, 2, 3, 4, 5] },
          { pattern: 'same_client', staff_id: 7, name: '李娜', day: '2026-11-30', client_id: 4, visit_ids: [6, 7, 8, 9, 10] },
          { pattern: 'back_and_forth', staff_id: 8, name: '王强', day: '2026-11-20', client_id: 4, visit_ids: [11] },
        ],
      });
    }));
    const wrapper = mount(GamingFlagsPage, { global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();
    const [from, to] = /from=([\d-]+)&to=([\d-]+)/.exec(asked[0])!.slice(1);
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(27);
    expect(wrapper.find('[data-test=gaming-shown]').text()).toContain('密集简短拜访 (1)');
    expect(wrapper.findAll('[data-test=gaming-flags] li')).toHaveLength(3);
    expect(wrapper.find('[data-test=gaming-same_client-7]').text()).toContain('北方银行');
    expect(wrapper.find('[data-test=gaming-burst-7]').text()).toContain('半小时内 5 次简短拜访');
    const radios = wrapper.findAll('[data-test=gaming-shown] input');
    await radios[3].setValue(true); // back and forth
    await flushPromises();
    expect(wrapper.findAll('[data-test=gaming-flags] li')).toHaveLength(1);
    expect(wrapper.findComponent(RouterLinkStub).props('to')).toBe('/clients/4?tab=visits');
  });
});
