// The signed-in user's visit outbox (lib/visitOutbox.ts), reactive for the pages. What waits in
// it is sent when the app starts, when the browser says the network is back, when the phone
// shows the app again, and otherwise retried with a growing pause (1 s doubling to 30 s): an
// "online" event can come before requests actually get through.
import { ref } from 'vue';
import { post } from '@/api/client';
import type { NewVisit, Visit } from '@/api/types';
import { VisitOutbox, type OutboxEntry } from '@/lib/visitOutbox';

export const outboxEntries = ref<OutboxEntry[]>([]);
let current: VisitOutbox | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 1000;
const maxRetryDelay = 30_000;

const sendVisit = (visit: NewVisit) => post<Visit>('/api/v1/visits', visit);
const hasPending = () => outboxEntries.value.some((e) => e.state === 'pending');

function scheduleRetry(): void {
  if (retryTimer !== null || !hasPending()) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flushNow();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, maxRetryDelay);
}

/** Sends what waits now; keeps retrying while something is still pending. */
export async function flushNow(): Promise<void> {
  if (!current) return;
  await current.flush().catch(() => {});
  if (hasPending()) scheduleRetry();
  else retryDelay = 1000;
}

function onOnline(): void {
  retryDelay = 1000;
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  void flushNow();
}

function onVisible(): void {
  if (document.visibilityState === 'visible') onOnline();
}

/** Opens the outbox of a user (drafts are kept per user on a shared device). */
export function openOutbox(username: string): VisitOutbox {
  current = new VisitOutbox(localStorage, `laurel.visitOutbox.v1.${username}`, sendVisit, (e) => {
    outboxEntries.value = e;
  });
  outboxEntries.value = current.entries();
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  void flushNow();
  return current;
}

export function closeOutbox(): void {
  current = null;
  outboxEntries.value = [];
  window.removeEventListener('online', onOnline);
  document.removeEventListener('visibilitychange', onVisible);
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
}

export function outbox(): VisitOutbox {
  if (!current) throw new Error('the outbox opens when a user signs in');
  return current;
}
