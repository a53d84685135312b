// The opportunities pipeline as columns: a column per stage with its count and expected total,
// and which moves a card may make (open stages move freely; won and lost are final).
import { stages, type Opportunity, type Stage } from '@/api/manageTypes';

export interface PipelineColumn {
  stage: Stage;
  items: Opportunity[];
  total: number; // expected yuan, for the column's header (display only)
}

/** When it entered its current stage (the last of its stage history). */
function enteredAt(o: Opportunity): string {
  return o.stages.at(-1)?.entered_at ?? o.updated_at;
}

/**
 * A column per stage. Open stages put the soonest expected close first (what to chase); won and
 * lost put the latest closed first (what just happened).
 */
export function pipelineColumns(opportunities: Opportunity[]): PipelineColumn[] {
  return stages.map((stage) => {
    const items = opportunities.filter((o) => o.stage === stage);
    if (stage === 'won' || stage === 'lost') items.sort((a, b) => enteredAt(b).localeCompare(enteredAt(a)) || b.id - a.id);
    else items.sort((a, b) => (a.expected_close_date ?? '9999').localeCompare(b.expected_close_date ?? '9999') || a.id - b.id);
    return { stage, items, total: items.reduce((sum, o) => sum + Number(o.expected_amount), 0) };
  });
}

/** The stages an opportunity may be moved to: none once it is won or lost. */
export function movesFor(opportunity: Opportunity): Stage[] {
  return opportunity.open ? stages.filter((s) => s !== opportunity.stage) : [];
}

/** Whether a close date has passed for an opportunity still open. */
export function isOverdue(opportunity: Opportunity, today: string): boolean {
  return opportunity.open && opportunity.expected_close_date !== null && opportunity.expected_close_date < today;
}
