import { describe, expect, it } from 'vitest';
import { CelebrationQueue } from '@/lib/celebrations';

const news = (id: number) => ({ id, title: `#${id}` });

describe('TV mode\'s celebrations', () => {
  it('shows the first at once and queues the others, one after another', () => {
    const q = new CelebrationQueue<ReturnType<typeof news>>();
    expect(q.current).toBeNull();
    expect(q.add(news(1))).toBe(true);
    expect(q.current?.id).toBe(1);
    q.add(news(2));
    q.add(news(3));
    expect(q.current?.id).toBe(1);
    expect(q.queued).toBe(2);
    expect(q.next()?.id).toBe(2);
    expect(q.next()?.id).toBe(3);
    expect(q.next()).toBeNull();
    expect(q.queued).toBe(0);
  });
  it('celebrates each news once: edited, or sent again after a reconnect, it is not queued again', () => {
    const q = new CelebrationQueue<ReturnType<typeof news>>();
    q.add(news(1));
    expect(q.add(news(1))).toBe(false);
    q.next();
    expect(q.add(news(1))).toBe(false);
    expect(q.current).toBeNull();
  });
  it('drops a news withdrawn while it waits, or takes it off the screen', () => {
    const q = new CelebrationQueue<ReturnType<typeof news>>();
    q.add(news(1));
    q.add(news(2));
    q.add(news(3));
    expect(q.withdraw(2)).toBe(false);
    expect(q.queued).toBe(1);
    expect(q.withdraw(1)).toBe(true);
    expect(q.current?.id).toBe(3);
    expect(q.withdraw(9)).toBe(false);
    expect(q.withdraw(3)).toBe(true);
    expect(q.current).toBeNull();
  });
});
