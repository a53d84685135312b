// Visits typed on a phone are never lost to a bad connection. A visit is written to this
// outbox (the browser's localStorage) before it is sent, and leaves it only when Laurel has
// answered that it recorded it. Each draft carries its own external_id, Laurel's idempotency
// key for visits: if the answer to a send is lost, sending again answers the visit already
// recorded (200, a duplicate) instead of recording it twice.
import { ApiError, NetworkError } from '@/api/problem';
import type { NewVisit, Visit } from '@/api/types';

export type OutboxState = 'pending' | 'rejected';

export interface OutboxEntry {
  visit: NewVisit;
  client_name: string;
  saved_at: string; // when the salesperson pressed save, ISO
  state: OutboxState;
  attempts: number;
  error?: string; // why Laurel refused it (state rejected)
  field?: string;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type VisitSender = (visit: NewVisit) => Promise<Visit>;

export type SendOutcome =
  | { kind: 'recorded'; visit: Visit }
  | { kind: 'kept'; reason: 'offline' | 'server' }
  | { kind: 'rejected'; error: ApiError };

/** Refusals that sending again cannot fix; anything else (offline, 401, 429, 5xx) is retried. */
function isFinalRefusal(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}

export class VisitOutbox {
  private flushing: Promise<void> | null = null;
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
    private readonly send: VisitSender,
    private readonly onChange: (entries: OutboxEntry[]) => void = () => {},
  ) {}

  entries(): OutboxEntry[] {
    try {
      const raw = this.storage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  private write(entries: OutboxEntry[]): void {
    this.storage.setItem(this.key, JSON.stringify(entries));
    this.onChange(entries);
  }

  private update(externalId: string, change: (e: OutboxEntry) => OutboxEntry | null): void {
    const next: OutboxEntry[] = [];
    for (const e of this.entries()) {
      if (e.visit.external_id !== externalId) next.push(e);
      else {
        const changed = change(e);
        if (changed) next.push(changed);
      }
    }
    this.write(next);
  }

  /** Keeps the visit on this device; saving the same draft again replaces it. */
  put(visit: NewVisit, clientName: string, now = new Date()): void {
    const others = this.entries().filter((e) => e.visit.external_id !== visit.external_id);
    others.push({
      visit,
      client_name: clientName,
      saved_at: now.toISOString(),
      state: 'pending',
      attempts: 0,
    });
    this.write(others);
  }

  remove(externalId: string): void {
    this.update(externalId, () => null);
  }

  /** Sends one kept visit; it leaves the outbox only once Laurel has recorded it. */
  async deliver(externalId: string): Promise<SendOutcome> {
    const entry = this.entries().find((e) => e.visit.external_id === externalId);
    if (!entry) return { kind: 'kept', reason: 'offline' };
    if (this.inFlight.has(externalId)) return { kind: 'kept', reason: 'offline' };
    this.inFlight.add(externalId);
    try {
      const visit = await this.send(entry.visit);
      this.remove(externalId);
      return { kind: 'recorded', visit };
    } catch (error) {
      if (error instanceof ApiError && isFinalRefusal(error)) {
        this.update(externalId, (e) => ({
          ...e,
          state: 'rejected',
          attempts: e.attempts + 1,
          error: error.message,
          field: error.field,
        }));
        return { kind: 'rejected', error };
      }
      this.update(externalId, (e) => ({ ...e, attempts: e.attempts + 1 }));
      if (error instanceof NetworkError) return { kind: 'kept', reason: 'offline' };
      if (error instanceof ApiError) return { kind: 'kept', reason: 'server' };
      throw error;
    } finally {
      this.inFlight.delete(externalId);
    }
  }

  /** Sends every pending visit, one at a time, oldest first; one flush runs at a time. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const run = async () => {
      for (const entry of this.entries()) {
        if (entry.state !== 'pending') continue;
        const outcome = await this.deliver(entry.visit.external_id);
        if (outcome.kind === 'kept' && outcome.reason === 'offline') break; // still offline
      }
    };
    // Cleared only after it is set: with nothing to send, run() settles before it is assigned.
    const flushing = run().finally(() => {
      if (this.flushing === flushing) this.flushing = null;
    });
    this.flushing = flushing;
    return flushing;
  }
}

/** A new draft id: the visit's external_id, unique per device and draft. */
export function newDraftId(): string {
  // randomUUID needs a secure context; a phone on the office LAN over plain http has only
  // getRandomValues.
  if (typeof crypto.randomUUID === 'function') return `web-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
