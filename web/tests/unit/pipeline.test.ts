import { describe, expect, it } from 'vitest';
import type { Opportunity } from '@/api/manageTypes';
import { isOverdue, movesFor, pipelineColumns } from '@/lib/pipeline';

function opportunity(id: number, stage: Opportunity['stage'], amount: string, close: string | null = null): Opportunity {
  return {
    id,
    client_id: 1,
    owner_staff_id: 1,
    campaign_id: null,
    title: `deal ${id}`,
    expected_amount: amount,
    expected_close_date: close,
    notes: null,
    stage,
    open: stage !== 'won' && stage !== 'lost',
    lost_reason: null,
    product_ids: [],
    stages: [],
    updated_at: '2026-11-01T00:00:00.000000Z',
  };
}

describe('pipelineColumns', () => {
  it('has a column per stage, in pipeline order, with counts and expected totals', () => {
    const columns = pipelineColumns([
      opportunity(1, 'proposal', '5000000.00'),
      opportunity(2, 'prospect', '100.00'),
      opportunity(3, 'proposal', '2500000.50'),
      opportunity(4, 'won', '1.00'),
    ]);
    expect(columns.map((c) => c.stage)).toEqual(['prospect', 'contacted', 'proposal', 'won', 'lost']);
    expect(columns.map((c) => c.items.length)).toEqual([1, 0, 2, 1, 0]);
    expect(columns[2].total).toBeCloseTo(7500000.5);
  });
  it('puts the soonest close dates first and undated ones last', () => {
    const [, , proposal] = pipelineColumns([
      opportunity(1, 'proposal', '1', null),
      opportunity(2, 'proposal', '1', '2026-12-20'),
      opportunity(3, 'proposal', '1', '2026-12-05'),
    ]);
    expect(proposal.items.map((o) => o.id)).toEqual([3, 2, 1]);
  });
  it('puts the latest closed first in the won and lost columns', () => {
    const early = { ...opportunity(1, 'won', '1'), stages: [{ stage: 'won' as const, entered_at: '2026-03-01T00:00:00.000000Z', changed_by: 1 }] };
    const late = { ...opportunity(2, 'won', '1'), stages: [{ stage: 'won' as const, entered_at: '2026-11-01T00:00:00.000000Z', changed_by: 1 }] };
    expect(pipelineColumns([early, late])[3].items.map((o) => o.id)).toEqual([2, 1]);
  });
});

describe('movesFor and isOverdue', () => {
  it('lets an open opportunity move to any other stage and a closed one nowhere', () => {
    expect(movesFor(opportunity(1, 'contacted', '1'))).toEqual(['prospect', 'proposal', 'won', 'lost']);
    expect(movesFor(opportunity(1, 'won', '1'))).toEqual([]);
  });
  it('flags an open opportunity past its close date, never a closed one', () => {
    expect(isOverdue(opportunity(1, 'proposal', '1', '2026-11-30'), '2026-12-01')).toBe(true);
    expect(isOverdue(opportunity(1, 'proposal', '1', '2026-12-01'), '2026-12-01')).toBe(false);
    expect(isOverdue(opportunity(1, 'lost', '1', '2026-11-30'), '2026-12-01')).toBe(false);
  });
});
