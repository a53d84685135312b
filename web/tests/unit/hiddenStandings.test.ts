import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MyStanding, Standing } from '@/api/boardTypes';
import BoardPodium from '@/components/boards/BoardPodium.vue';
import StandingsTable from '@/components/boards/StandingsTable.vue';
import ToPassLine from '@/components/boards/ToPassLine.vue';
import TvStandings from '@/components/tv/TvStandings.vue';
import { i18n, setLocale } from '@/i18n';

const row = (position: number, name: string | null, extra: Partial<Standing> = {}): Standing => ({
  rank: position + 1, position, subject_id: name === null ? null : position + 10, name, value: `${1000 - position}.00`,
  target: null, percent: null, no_target: false, reached_at: null, me: false, hidden: name === null, ...extra,
});
const board = { subject: 'staff', denominator_metric_id: null, tie_policy: 'competition' } as const;
const table = (rows: Standing[], me: Standing | null = null) =>
  mount(StandingsTable, { props: { rows, me, board }, global: { plugins: [i18n] } });
const lines = (w: ReturnType<typeof table>) =>
  w.findAll('tbody tr').map((tr) => (tr.classes('gap') ? '⋯' : tr.findAll('td').map((td) => td.text())[1]));

beforeEach(() => setLocale('zh-CN'));

describe('hidden people and places left out', () => {
  it('shows a hidden person as 匿名 at their rank, and a gap where places are left out', () => {
    const mine = row(5, '李榜测', { me: true });
    const w = table([row(0, '周榜测'), row(4, null), mine, row(6, null)], mine);
    expect(lines(w)).toEqual(['周榜测', '⋯', '匿名', '李榜测我', '匿名']);
    expect(w.findAll('[data-test=hidden-name]')).toHaveLength(2);
    expect(w.findAll('tbody tr')[2].find('td').text()).toBe('5');
  });

  it('marks my own row when I hide: others see it without my name', () => {
    const mine = row(1, '李榜测', { me: true, hidden: true });
    const w = table([row(0, '周榜测'), mine], mine);
    expect(w.find('[data-test=standing-me] [data-test=hidden-mark]').text()).toBe('对他人匿名');
    setLocale('en');
    expect(lines(table([row(0, null)]))).toEqual(['Hidden']);
  });

  it('puts rows on the podium by their place: a neighbourhood starting at third is not second', () => {
    const w = mount(BoardPodium, { props: { rows: [row(0, '周榜测'), row(2, null)], ratio: false }, global: { plugins: [i18n] } });
    expect(w.find('[data-test=podium-2]').exists()).toBe(false);
    expect(w.find('[data-test=podium-3] [data-test=hidden-name]').text()).toBe('匿名');
  });

  it('says who to pass, or 匿名 for a hidden one', () => {
    const mine: MyStanding = { board_id: 1, period: '2026-12', total: 3, me: row(1, '李榜测', { me: true }), around: [],
      to_pass: { subject: row(0, null), more_needed: '500000.00' } };
    const w = mount(ToPassLine, { props: { mine, order: 'higher_first' }, global: { plugins: [i18n] } });
    expect(w.text()).toBe('再多 50.00万 即可超过 匿名');
    expect(w.find('[data-test=hidden-name]').exists()).toBe(true);
    const named = mount(ToPassLine, { props: { mine: { ...mine, to_pass: { subject: row(0, '周榜测'), more_needed: '500000.00' } }, order: 'higher_first' }, global: { plugins: [i18n] } });
    expect(named.text()).toBe('再多 50.00万 即可超过 周榜测');
  });

  it('on the TV: the top only, hidden people (even the one signed in) as 匿名', () => {
    const items = [row(0, null), row(1, '周榜测'), row(2, '李榜测', { me: true, hidden: true }), row(7, '王榜测', { me: true })];
    const standings = {
      board: { id: 1, name: '榜', subject: 'staff', amounts: true, denominator_metric_id: null, period: 'month', scope: 'company', order: 'higher_first',
        tie_policy: 'competition', tie_breaker_metric_id: null, public_top: 3 },
      period: '2026-12', tie_policy: 'competition', total: 20, offset: 0, folded_up_to: 1, items, me: null, compared_with: null, restricted: true,
    };
    const w = mount(TvStandings, { props: { standings: standings as never }, global: { plugins: [i18n] } });
    expect(w.findAll('[data-test^=tv-podium-]')).toHaveLength(3);
    expect(w.findAll('[data-test=hidden-name]')).toHaveLength(2);
    expect(w.text()).not.toContain('李榜测');
    expect(w.text()).not.toContain('王榜测');
  });
});
