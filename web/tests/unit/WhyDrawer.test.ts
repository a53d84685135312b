import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WhyDrawer from '@/components/points/WhyDrawer.vue';
import { i18n, setLocale } from '@/i18n';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const event = (seq: number, type: string) => ({
  seq, type, occurred_at: '2026-11-28T02:00:00Z', recorded_at: '2026-12-01T02:00:00Z', actor: 'user:4', entity_type: 'visit', entity_id: '3',
});
const journal = (id: number, kind: string, points: number) => ({
  id, kind, staff_id: 7, rule_id: 2, rule_version: 3, source: { kind: 'visit', id: 3 }, event_seq: 40, occurred_at: '2026-11-28T02:00:00Z',
  posted_at: '2026-12-01T02:00:00Z', points, detail: {}, entries: [],
});

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('why a journal was posted', () => {
  it('gives the rule version, what the rule gave and what cut it, every posting of the award and the events', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      asked.push(path);
      return json({
        journal: journal(12, 'reverse', -5),
        rule: { id: 2, name: '拜访得分', version: 3, event: 'visit_logged' },
        award: { version: 3, day: '2026-11-28', client_id: 9, base: 10, paid: 5, cut: 'daily_cap' },
        history: [{ id: 11, kind: 'earn', points: 10, event_seq: 30, posted_at: '2026-11-28T02:00:00Z' },
          { id: 12, kind: 'reverse', points: -5, event_seq: 40, posted_at: '2026-12-01T02:00:00Z' }],
        source_events: [event(30, 'visit.created'), event(40, 'visit.updated')],
        order: null,
      });
    }));
    const wrapper = mount(WhyDrawer, { props: { of: null }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(asked).toEqual([]); // closed: nothing read
    await wrapper.setProps({ of: { kind: 'journal', id: 12 } });
    await flushPromises();
    expect(asked).toEqual(['/api/v1/points/journal/12/why']);
    const shown = document.body.querySelector('[data-test=why-points]')!;
    expect(shown.querySelector('[data-test=why-rule]')?.textContent).toBe('规则"拜访得分"第 3 版');
    expect(shown.querySelector('[data-test=why-award]')?.textContent).toContain('规则给 10，实得 5');
    expect(shown.querySelector('[data-test=why-cut]')?.textContent).toContain('已达每日上限');
    expect(shown.querySelectorAll('[data-test=why-history] li')).toHaveLength(2);
    expect(shown.querySelector('[data-test=why-history] .current')?.textContent).toContain('冲销');
    expect([...shown.querySelectorAll('[data-test=why-events] code')].map((c) => c.textContent)).toEqual(['visit.created', 'visit.updated']);
  });

  it('reads a badge of one of my people with their staff id', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      asked.push(path);
      return json({ staff_id: 8, badge: { rule: { id: 4, name: '百访', description: '', kind: 'milestone', count: 100 }, earned: true,
        earned_at: '2026-12-01T02:00:00Z', first_earned_at: '2026-12-01T02:00:00Z', visit_id: 3, taken_back_at: null, progress: 100 },
        source_events: [event(30, 'visit.created')] });
    }));
    mount(WhyDrawer, { props: { of: { kind: 'badge', id: 4 }, staffId: 8 }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(asked).toEqual(['/api/v1/badges/4/why?staff_id=8']);
    expect(document.body.querySelector('[data-test=why-badge]')?.textContent).toContain('百访');
  });
});
