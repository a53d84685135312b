// A row's movement since the snapshot its standings are compared with (Standings.compared_with):
// up or down so many places, unchanged, or new on the board (not in that snapshot). Shown as
// arrows with numbers, so colour is never the only sign.
import type { Standing } from '@/api/boardTypes';

export type MovementKind = 'up' | 'down' | 'same' | 'new';

export interface Movement {
  kind: MovementKind;
  /** Places moved (0 for same and new). */
  places: number;
}

/** Null when there is nothing to compare with (no snapshot, or a frozen board shown). */
export function movementOf(row: Pick<Standing, 'rank' | 'previous_rank' | 'movement'>, compared: boolean): Movement | null {
  if (!compared) return null;
  if (row.previous_rank === null || row.previous_rank === undefined) return { kind: 'new', places: 0 };
  const moved = row.movement ?? row.previous_rank - row.rank;
  if (moved > 0) return { kind: 'up', places: moved };
  if (moved < 0) return { kind: 'down', places: -moved };
  return { kind: 'same', places: 0 };
}

/** What the cell shows: "▲2", "▼1", "–", or the word for new ("新" / "new"). */
export function movementText(m: Movement, newWord: string): string {
  switch (m.kind) {
    case 'up':
      return `▲${m.places}`;
    case 'down':
      return `▼${m.places}`;
    case 'same':
      return '–';
    case 'new':
      return newWord;
  }
}
