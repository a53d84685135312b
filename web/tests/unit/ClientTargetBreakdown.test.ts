import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board, Standing } from '@/api/boardTypes';
import ClientTargetBreakdown from '@/components/boards/ClientTargetBreakdown.vue';
import StandingsTable from '@/components/boards/StandingsTable.vue';
import { i18n, setLocale } from '@/i18n';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const target = (id: number, client_id: number | null, scope: string, target_amount: string, achieved_amount: string, achievement_percent: number) => ({
  id, subject_kind: 'staff', subject_id: 7, scope, client_id, campaign_id: null, metric: 'subscription', period: '2026-Q4',
  period_start: '2026-10-01', period_end: '2026-12-31', target_amount, target_count: null, achieved_amount, achieved_count: null, achievement_percent,
});

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

const mountBreakdown = () =>
  mount(ClientTargetBreakdown, {
    props: { boardId: 3, subjectKind: 'staff', subjectId: 7, period: '2026-Q4' },
    global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } },
  });

describe('a row\'s client targets', () => {
  it('lists each client with achieved / target and its own ratio, asking for the row\'s subscription targets of the period', async () => {
    const fetch = vi.fn(async (path: string) => {
      if (path.startsWith('/api/v1/targets')) {
        return json(200, {
          items: [
            target(1, null, 'overall', '90000000.00', '1000000.00', 1.1),
            target(2, 501, 'client', '2000000.00', '500000.00', 25),
            target(3, 502, 'client', '10000000.00', '12500000.00', 125),
          ],
          next_cursor: null,
        });
      }
      return json(200, { id: Number(path.split('/').pop()), name: `客户${path.split('/').pop()}`, short_name: null });
    });
    vi.stubGlobal('fetch', fetch);
    const wrapper = mountBreakdown();
    await flushPromises();
    const asked = new URL(String(fetch.mock.calls[0][0]), 'http://x').searchParams;
    expect(Object.fromEntries(asked)).toMatchObject({ subject_kind: 'staff', subject_id: '7', period: '2026-Q4', metric: 'subscription' });
    const rows = wrapper.findAll('[data-test=client-target]');
    expect(rows).toHaveLength(2);
    expect(rows[0].text()).toContain('客户502');
    expect(rows[0].find('[data-test=client-target-percent]').text()).toBe('125.0%');
    expect(rows[0].find('[data-test=client-target-amounts]').text()).toBe('1,250.00万 / 1,000.00万');
    expect(rows[1].find('[data-test=client-target-percent]').text()).toBe('25.0%');
    expect(rows[1].findComponent(RouterLinkStub).props('to')).toBe('/clients/501');
  });

  it('reads targets it may not see as none', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(403, { type: 'urn:laurel:problem:forbidden', title: 'Forbidden', status: 403 })));
    const wrapper = mountBreakdown();
    await flushPromises();
    expect(wrapper.text()).toContain('本期没有客户目标');
    expect(wrapper.find('[role=alert]').exists()).toBe(false);
  });
});

describe('a standings row that opens up', () => {
  const board: Pick<Board, 'subject' | 'denominator_metric_id' | 'tie_policy'> = { subject: 'staff', denominator_metric_id: 5, tie_policy: 'competition' };
  const standing = (subject_id: number, me: boolean): Standing => ({
    rank: 1, position: 0, subject_id, name: `人${subject_id}`, hidden: false, value: '100.00', target: '200.00', percent: 50, no_target: false, reached_at: null, me,
  });

  it('shows its detail under it when toggled, and only rows the page says open', async () => {
    const rows = [standing(1, false), standing(2, true)];
    const wrapper = mount(StandingsTable, {
      props: { rows, me: rows[1], board, opens: (r: Standing) => r.me },
      slots: { detail: '<template #detail="{ row }"><p class="shown">detail of {{ row.subject_id }}</p></template>' },
      global: { plugins: [i18n] },
    });
    const toggles = wrapper.findAll('[data-test=standing-toggle]');
    expect(toggles).toHaveLength(1);
    expect(wrapper.find('.shown').exists()).toBe(false);
    await toggles[0].trigger('click');
    expect(wrapper.find('[data-test=standing-detail]').text()).toBe('detail of 2');
    expect(toggles[0].attributes('aria-expanded')).toBe('true');
    await toggles[0].trigger('click');
    expect(wrapper.find('.shown').exists()).toBe(false);
  });
});
