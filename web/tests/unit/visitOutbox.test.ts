import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '@/api/problem';
import type { NewVisit, Visit } from '@/api/types';
import { VisitOutbox, newDraftId, type KeyValueStorage } from '@/lib/visitOutbox';

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

function draft(id: string): NewVisit {
  return { external_id: id, client_id: 7, kind: 'visit', occurred_at: '2026-11-23T10:30:00+08:00', notes: 'n', attendee_ids: [3] };
}

/** A pretend Laurel that records each external_id once, as the real one does. */
function server() {
  const recorded = new Map<string, Visit>();
  let mode: 'up' | 'down' | 'lose-answer' | 'refuse' | 'error' = 'up';
  const calls: string[] = [];
  const send = async (v: NewVisit): Promise<Visit> => {
    calls.push(v.external_id);
    if (mode === 'down') throw new NetworkError(new TypeError('Failed to fetch'));
    if (mode === 'refuse') throw new ApiError(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, detail: 'unknown client', field: 'client_id' });
    if (mode === 'error') throw new ApiError(503, { type: 'urn:laurel:problem:unavailable', title: 'Unavailable', status: 503 });
    if (!recorded.has(v.external_id)) recorded.set(v.external_id, { id: recorded.size + 1, ...v } as unknown as Visit);
    if (mode === 'lose-answer') throw new NetworkError(new TypeError('connection reset'));
    return recorded.get(v.external_id)!;
  };
  return { recorded, calls, send, setMode: (m: typeof mode) => (mode = m) };
}

describe('VisitOutbox', () => {
  it('keeps a visit until Laurel has recorded it, then lets it go', async () => {
    const laurel = server();
    const box = new VisitOutbox(new MemoryStorage(), 'k', laurel.send);
    box.put(draft('a'), '招商银行');
    expect(box.entries()).toHaveLength(1);
    const outcome = await box.deliver('a');
    expect(outcome.kind).toBe('recorded');
    expect(box.entries()).toHaveLength(0);
    expect(laurel.recorded.size).toBe(1);
  });

  it('keeps the visit when the network is down and sends it when it is back', async () => {
    const laurel = server();
    const storage = new MemoryStorage();
    const box = new VisitOutbox(storage, 'k', laurel.send);
    laurel.setMode('down');
    box.put(draft('a'), 'c');
    expect((await box.deliver('a')).kind).toBe('kept');
    expect(box.entries()[0].attempts).toBe(1);
    // The page is reloaded: a new outbox over the same storage still has the draft.
    const reopened = new VisitOutbox(storage, 'k', laurel.send);
    laurel.setMode('up');
    await reopened.flush();
    expect(reopened.entries()).toHaveLength(0);
    expect(laurel.recorded.size).toBe(1);
  });

  it('records a visit once when the answer was lost and the draft is sent again', async () => {
    const laurel = server();
    const box = new VisitOutbox(new MemoryStorage(), 'k', laurel.send);
    laurel.setMode('lose-answer');
    box.put(draft('a'), 'c');
    expect((await box.deliver('a')).kind).toBe('kept');
    laurel.setMode('up');
    await box.flush();
    expect(laurel.calls).toEqual(['a', 'a']);
    expect(laurel.recorded.size).toBe(1);
    expect(box.entries()).toHaveLength(0);
  });

  it('marks a refused visit with the reason and the field, and stops sending it', async () => {
    const laurel = server();
    const box = new VisitOutbox(new MemoryStorage(), 'k', laurel.send);
    laurel.setMode('refuse');
    box.put(draft('a'), 'c');
    const outcome = await box.deliver('a');
    expect(outcome.kind).toBe('rejected');
    expect(box.entries()[0]).toMatchObject({ state: 'rejected', field: 'client_id', error: 'unknown client' });
    laurel.setMode('up');
    await box.flush();
    expect(laurel.calls).toHaveLength(1);
  });

  it('retries after a server error instead of giving up', async () => {
    const laurel = server();
    const box = new VisitOutbox(new MemoryStorage(), 'k', laurel.send);
    laurel.setMode('error');
    box.put(draft('a'), 'c');
    expect(await box.deliver('a')).toEqual({ kind: 'kept', reason: 'server' });
    expect(box.entries()[0].state).toBe('pending');
  });

  it('runs one flush at a time, so overlapping triggers never send a draft twice at once', async () => {
    const laurel = server();
    const box = new VisitOutbox(new MemoryStorage(), 'k', laurel.send);
    box.put(draft('a'), 'c');
    box.put(draft('b'), 'c');
    await Promise.all([box.flush(), box.flush(), box.flush()]);
    expect(laurel.calls).toEqual(['a', 'b']);
  });

  it('saving the same draft again replaces it rather than adding a second', () => {
    const box = new VisitOutbox(new MemoryStorage(), 'k', server().send);
    box.put(draft('a'), 'c');
    box.put({ ...draft('a'), notes: 'edited' }, 'c');
    expect(box.entries()).toHaveLength(1);
    expect(box.entries()[0].visit.notes).toBe('edited');
  });

  it('survives a corrupted store', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    expect(new VisitOutbox(storage, 'k', server().send).entries()).toEqual([]);
  });

  it('makes draft ids that the API accepts (1 to 64 characters) and that differ', () => {
    const a = newDraftId();
    expect(a.length).toBeGreaterThan(0);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(newDraftId()).not.toBe(a);
  });
});

describe('VisitOutbox.flush', () => {
  it('can flush again after a flush that had nothing to send', async () => {
    const laurel = server();
    const box = new VisitOutbox(new MemoryStorage(), 'k', laurel.send);
    await box.flush(); // empty: settles at once
    box.put(draft('a'), 'c');
    await box.flush();
    expect(laurel.calls).toEqual(['a']);
  });
});
