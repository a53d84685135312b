// TV mode's celebrations, one at a time: good news published while another is on screen waits
// its turn. Each news is celebrated once — the stream sends a news again when it is edited, and
// again after a reconnect that resumes from an earlier position — and news withdrawn before its
// turn (or during it) leaves the queue.

export class CelebrationQueue<T extends { id: number }> {
  private readonly seen = new Set<number>();
  private readonly waiting: T[] = [];
  current: T | null = null;

  /** Queues a news (false: celebrated or queued already). It is on screen at once if nothing is. */
  add(item: T): boolean {
    if (this.seen.has(item.id)) return false;
    this.seen.add(item.id);
    if (this.current) this.waiting.push(item);
    else this.current = item;
    return true;
  }

  /** The one on screen has had its time: the next one, if any. */
  next(): T | null {
    this.current = this.waiting.shift() ?? null;
    return this.current;
  }

  /** A news withdrawn: out of the queue, or off the screen. True when the one on screen changed. */
  withdraw(id: number): boolean {
    const i = this.waiting.findIndex((n) => n.id === id);
    if (i >= 0) this.waiting.splice(i, 1);
    if (this.current?.id !== id) return false;
    this.next();
    return true;
  }

  /** How many wait after the one on screen. */
  get queued(): number {
    return this.waiting.length;
  }
}
