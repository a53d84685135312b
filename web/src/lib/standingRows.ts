// A board's rows when some are left out. A board that shows everyone only its top N (public_top)
// gives a salesperson the top, then their own neighbourhood: positions jump, and a gap row "…"
// says so. Rows are told apart by position, since a hidden person has no subject id.
import type { SnapshotRow } from '@/api/boardTypes';

type Placed = Pick<SnapshotRow, 'position'>;

/** How many rows each side of mine a clipped board still shows (the API's kNeighbours). */
export const NEIGHBOURS = 2;

export type Line<T> = { gap: false; key: string; row: T } | { gap: true; key: string };

/** A stable key: whom the row ranks, or its place when that is hidden. */
export const rowKey = (r: Pick<SnapshotRow, 'position' | 'subject_id'>): string =>
  r.subject_id !== null ? `s${r.subject_id}` : `p${r.position}`;

/** The rows with a gap before each one that does not follow the one above it. */
export function withGaps<T extends Placed & Pick<SnapshotRow, 'subject_id'>>(rows: T[]): Line<T>[] {
  const lines: Line<T>[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && row.position > rows[i - 1].position + 1) lines.push({ gap: true, key: `gap-${row.position}` });
    lines.push({ gap: false, key: rowKey(row), row });
  });
  return lines;
}

/** Two reads of one board as one: in order, each position once (the later read wins). */
export function mergeRows<T extends Placed>(earlier: T[], later: T[]): T[] {
  const byPosition = new Map<number, T>();
  for (const r of [...earlier, ...later]) byPosition.set(r.position, r);
  return [...byPosition.values()].sort((a, b) => a.position - b.position);
}

/** The top places among the rows shown (a clipped board's neighbourhood is not on the podium). */
export const topRows = <T extends Placed>(rows: T[], places: number): T[] => rows.filter((r) => r.position < places);

/**
 * Where "load more" reads next, or null when there is nothing more for this reader. `read`: the
 * positions read from the top so far; `top`: a clipped board's public_top (null: not clipped),
 * below which only my neighbourhood is shown, and that is read with the first page.
 */
export function nextOffset(read: number, total: number, top: number | null): number | null {
  const end = top === null ? total : Math.min(total, top);
  return read < end ? read : null;
}

/** A clipped board: the page holding my neighbourhood when the first `read` positions do not. */
export function neighbourhood(myPosition: number, read: number): { offset: number; limit: number } | null {
  const last = myPosition + NEIGHBOURS;
  if (last < read) return null;
  const offset = Math.max(read, myPosition - NEIGHBOURS);
  return { offset, limit: last - offset + 1 };
}
