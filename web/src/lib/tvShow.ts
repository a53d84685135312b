// TV mode's choice and its clock: which boards rotate, how many seconds each stays on screen,
// sound on or off — read from the address (/tv?boards=1,3&every=20&sound=1, for a bookmark) or
// from what the TV browser saved — and which board is on screen at a moment. The schedule is
// worked out from the moment the show started, not counted tick by tick, so a busy or sleeping
// tab, or a standings request that never answers, cannot stall or skip the rotation.

export const DEFAULT_EVERY = 20;
export const MIN_EVERY = 5;
const MAX_EVERY = 3600;

export interface TvChoice {
  boards: number[];
  /** Seconds per board. */
  every: number;
  sound: boolean;
}

/** Seconds per board as asked, within bounds; the default for anything unreadable. */
export function clampEvery(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return DEFAULT_EVERY;
  return Math.min(MAX_EVERY, Math.max(MIN_EVERY, Math.round(n)));
}

/** Board ids, in the order given, each once; anything not an id left out. */
export function boardIds(value: unknown): number[] {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  const ids: number[] = [];
  for (const part of parts) {
    const n = typeof part === 'number' ? part : typeof part === 'string' && /^\s*\d+\s*$/.test(part) ? Number(part) : NaN;
    if (Number.isSafeInteger(n) && n > 0 && !ids.includes(n)) ids.push(n);
  }
  return ids;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The choice an address carries (vue-router's query); null without boards. */
export function choiceFromQuery(query: Record<string, unknown>): TvChoice | null {
  const boards = boardIds(first(query.boards));
  if (!boards.length) return null;
  const sound = first(query.sound);
  return { boards, every: clampEvery(first(query.every)), sound: sound === '1' || sound === 'true' };
}

/** The query that names a choice (what the "bookmark this" link carries). */
export function queryOf(choice: TvChoice): Record<string, string> {
  const q: Record<string, string> = { boards: choice.boards.join(','), every: String(choice.every) };
  if (choice.sound) q.sound = '1';
  return q;
}

/** What the TV saved: the choice, and whether the show was running (a reload goes back into it). */
export interface SavedTv extends TvChoice {
  running: boolean;
}

/** A saved choice read back (localStorage holds text anyone may have edited); null if unusable. */
export function readSaved(text: string | null): SavedTv | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  return { boards: boardIds(r.boards), every: clampEvery(r.every), sound: r.sound === true, running: r.running === true };
}

export interface Slide {
  /** Index into the boards rotating. */
  index: number;
  /** How far through its time the board on screen is, 0 to 1. */
  progress: number;
  /** Counts every slide since the start (a new one each turn, even with a single board). */
  turn: number;
}

/** The slide on screen `now` (ms) of a show started at `startedAt` (ms). */
export function slideAt(startedAt: number, now: number, everySeconds: number, count: number): Slide {
  const span = everySeconds * 1000;
  const elapsed = Math.max(0, now - startedAt);
  const turn = Math.floor(elapsed / span);
  return { index: count > 0 ? turn % count : 0, progress: (elapsed % span) / span, turn };
}
