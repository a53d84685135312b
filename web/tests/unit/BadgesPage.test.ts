import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import BadgeRulesEditor from '@/components/badges/BadgeRulesEditor.vue';
import FlagSetEditor from '@/components/badges/FlagSetEditor.vue';
import { i18n, setLocale } from '@/i18n';
import '@/i18n/manage';
import { field, fill, pick } from './dialogForm';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('badge rules', () => {
  it('offers a relationship-depth badge only the key-person events, within its count, and sends it', async () => {
    const sent: any[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_path: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        sent.push(JSON.parse(String(init.body)));
        return json(201, { id: 9, ...sent[0], grace_days: 3, created_by: 1, created_at: '2026-12-01T00:00:00Z', updated_at: '2026-12-01T00:00:00Z' });
      }
      return json(200, { items: [], next_cursor: null });
    }));
    const wrapper = mount(BadgeRulesEditor, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=badge-new]').trigger('click');
    await flushPromises();
    await fill('input[name=badge_name]', '三见决策人');
    const depth = [...field('类型').querySelectorAll('.el-radio-button')].find((e) => e.textContent?.trim() === '关系深度') as HTMLElement;
    depth.querySelector('input')!.click();
    await flushPromises();
    expect((document.body.querySelector('input[name=badge_count]') as HTMLInputElement).value).toBe('50'); // 100 clamped to depth's most
    (field('数什么').querySelector('.el-select__wrapper') as HTMLElement).click();
    await flushPromises();
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['见到关键人', '接触决策人']);
    await pick(field('数什么'), '接触决策人');
    await fill('input[name=badge_count]', '3');
    (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
    await flushPromises();
    expect(sent[0]).toEqual({ name: '三见决策人', description: '', kind: 'depth', event: 'decision_maker_reached', visit_kinds: [], count: 3 });
    expect(wrapper.find('[data-test=badge-rule-9]').text()).toContain('同一客户见到 3 位不同的人（接触决策人）');
  });
});

describe('the flag set', () => {
  it('saves the flags whole and shows a refusal on the flag it names', async () => {
    const sent: any[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_path: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        sent.push(JSON.parse(String(init.body)));
        return json(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'is used by another flag', field: 'flags[1].colour' });
      }
      return json(200, {
        flags: [{ function: 'visit', name: '拜访', colour: '#D32F2F' }, { function: 'target', name: '目标', colour: '#388E3C' }],
        functions: [{ function: 'visit', what: 'logs a visit' }, { function: 'target', what: 'sets a target' }, { function: 'service_record', what: 'writes a service record' }],
      });
    }));
    const wrapper = mount(FlagSetEditor, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=flag-add]').trigger('click');
    await fill('input[name=flag_name_2]', ' 服务 ');
    await wrapper.find('[data-test=flags-save]').trigger('click');
    await flushPromises();
    expect(sent[0].flags).toEqual([
      { function: 'visit', name: '拜访', colour: '#D32F2F' },
      { function: 'target', name: '目标', colour: '#388E3C' },
      { function: 'service_record', name: '服务', colour: '#1D4F91' },
    ]);
    expect(wrapper.find('[data-test=flag-row-1]').text()).toContain('is used by another flag');
    expect(wrapper.find('[data-test=flag-add]').attributes('disabled')).toBeDefined(); // every function has a flag
  });
});
