// The live stream (/api/v1/stream, docs/openapi.json) for the whole app: one EventSource while
// someone is signed in, shared by every page that shows good news. The server sends each good
// news the moment it changes — managers every status, everyone else what is published — and,
// after every (re)connect, `ready`: pages then fetch their lists again, so nothing that happened
// while the phone was asleep or offline is missed (EventSource resumes from its Last-Event-ID by
// itself; `reset` means too much happened to resume). If the server refuses the stream (the
// session ended, Laurel restarting) EventSource gives up; we open a new one a little later,
// naming the last id we had. Leaderboards say `board_changed` when a board's standings moved
// (at most once a second per board): a page showing that board and period fetches it again;
// `recognition_changed` comes to a person's own pages when points or a flag of theirs were posted.
// Pages that say whether they are live (TV mode's "reconnecting…") hear when the stream drops
// (`lost`) and, from `resync`, when it is back.
import type { BoardChange } from '@/api/boardTypes';
import type { GoodNews } from '@/api/goodNewsTypes';

export interface LiveListener {
  goodNews?: (news: GoodNews) => void;
  removed?: (id: number) => void;
  /** A board's standings moved in these periods (an empty list: any period). */
  boardChanged?: (change: BoardChange) => void;
  /** Points or a flag of the signed-in person were just posted (their staff id). */
  recognitionChanged?: (staffId: number) => void;
  /** Connected (again), or told to reset: fetch what is shown again. */
  resync?: () => void;
  /** The stream dropped (the network, or Laurel restarting); `resync` follows once it is back. */
  lost?: () => void;
}

const RETRY_MS = 10_000;
const listeners = new Set<LiveListener>();
let source: EventSource | null = null;
let lastId: string | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function each(call: (l: LiveListener) => void): void {
  for (const listener of [...listeners]) call(listener);
}

function remember(event: MessageEvent): void {
  if (event.lastEventId) lastId = event.lastEventId;
}

function open(): void {
  const url = lastId ? `/api/v1/stream?last_event_id=${encodeURIComponent(lastId)}` : '/api/v1/stream';
  const es = new EventSource(url);
  source = es;
  es.addEventListener('good_news', (event) => {
    remember(event);
    const news = JSON.parse(event.data) as GoodNews;
    each((l) => l.goodNews?.(news));
  });
  es.addEventListener('good_news_removed', (event) => {
    remember(event);
    const { id } = JSON.parse(event.data) as { id: number };
    each((l) => l.removed?.(id));
  });
  // No id: a change of standings is not a resume point (`ready` makes pages fetch again anyway).
  es.addEventListener('board_changed', (event) => {
    const change = JSON.parse(event.data) as BoardChange;
    each((l) => l.boardChanged?.(change));
  });
  // To this person only; no id either.
  es.addEventListener('recognition_changed', (event) => {
    const { staff_id } = JSON.parse(event.data) as { staff_id: number };
    each((l) => l.recognitionChanged?.(staff_id));
  });
  es.addEventListener('ready', (event) => {
    remember(event);
    each((l) => l.resync?.());
  });
  es.addEventListener('reset', () => each((l) => l.resync?.()));
  es.onerror = () => {
    if (source === es) each((l) => l.lost?.());
    // CONNECTING: the browser retries by itself. CLOSED: it gave up; try again later.
    if (es.readyState !== EventSource.CLOSED || source !== es) return;
    source = null;
    retryTimer = setTimeout(() => {
      if (!source) open();
    }, RETRY_MS);
  };
}

/** Opens the stream (once; more calls do nothing). */
export function startLive(): void {
  if (source || typeof EventSource === 'undefined') return;
  clearTimeout(retryTimer);
  open();
}

/** Closes it (signed out): the next user starts afresh. */
export function stopLive(): void {
  clearTimeout(retryTimer);
  source?.close();
  source = null;
  lastId = null;
}

/** Listens until the returned function is called. */
export function onLive(listener: LiveListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
