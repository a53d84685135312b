import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeholders, placeholdersFor } from '@/api/goodNewsTypes';
import type { MetricKind } from '@/api/metricTypes';
import { judgeableForTop, type JudgedBoard } from '@/lib/boardTop';
import { everyPage } from '@/reference';

const metrics = new Map<number, { kind: MetricKind }>([
  [1, { kind: 'sum' }],
  [2, { kind: 'count' }],
  [3, { kind: 'end_of_period_balance' }],
  [4, { kind: 'average_daily_balance' }],
  [5, { kind: 'imported' }],
]);
const board = (extra: Partial<JudgedBoard> = {}): JudgedBoard => ({
  kind: 'computed', metric_id: 1, denominator_metric_id: null, order: 'higher_first', pro_rate: false, ...extra,
});

describe('the boards a board_top rule may name', () => {
  it('are computed boards ranking a metric of records higher first', () => {
    expect(judgeableForTop(board(), metrics)).toBe(true);
    expect(judgeableForTop(board({ metric_id: 2 }), metrics)).toBe(true);
    expect(judgeableForTop(board({ metric_id: 5 }), metrics)).toBe(true);
  });
  it('are not boards of rows entered by hand, wholly or partly', () => {
    expect(judgeableForTop(board({ kind: 'manual', metric_id: null }), metrics)).toBe(false);
    expect(judgeableForTop(board({ kind: 'hybrid' }), metrics)).toBe(false);
  });
  it('are not ratios, lower-first or pro-rated boards', () => {
    expect(judgeableForTop(board({ denominator_metric_id: 2 }), metrics)).toBe(false);
    expect(judgeableForTop(board({ order: 'lower_first' }), metrics)).toBe(false);
    expect(judgeableForTop(board({ pro_rate: true }), metrics)).toBe(false);
  });
  it('are not boards of balances, nor of a metric not known', () => {
    expect(judgeableForTop(board({ metric_id: 3 }), metrics)).toBe(false);
    expect(judgeableForTop(board({ metric_id: 4 }), metrics)).toBe(false);
    expect(judgeableForTop(board({ metric_id: 99 }), metrics)).toBe(false);
  });
});

describe('the placeholders a rule may use', () => {
  it('leave a record\'s out of board_top, which alone has {board}', () => {
    expect(placeholdersFor('board_top')).toEqual(['subject', 'person', 'department', 'period', 'metric', 'board']);
  });
  it('are all but {board} for every other kind', () => {
    const others = placeholders.filter((p) => p !== 'board');
    for (const kind of ['metric_threshold', 'product_subscription', 'campaign_first_order', 'holdings_milestone', 'client_activation'] as const) {
      expect(placeholdersFor(kind)).toEqual(others);
    }
    expect(others).toContain('amount');
  });
});

describe('everyPage', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('reads page after page, 200 at a time, until there is no next cursor', async () => {
    const asked: string[] = [];
    const pages: Record<string, { items: number[]; next_cursor: string | null }> = {
      '': { items: [1, 2], next_cursor: 'c1' },
      c1: { items: [3], next_cursor: 'c2' },
      c2: { items: [4, 5], next_cursor: null },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string) => {
        asked.push(path);
        const url = new URL(path, 'http://laurel.test');
        expect(url.searchParams.get('limit')).toBe('200');
        return new Response(JSON.stringify(pages[url.searchParams.get('cursor') ?? '']), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    expect(await everyPage<number>('/api/v1/boards')).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toHaveLength(3);
  });
});
