// Points and flags as the UI reads them (docs/openapi.json: PointBalances, PersonFlags).

export interface PointBalances {
  staff_id: number;
  status: number;
  spendable: number;
  held: number;
  owed: number;
  next_expiry: { points: number; last_day: string } | null;
  level: { name: string; from: number; next: { name: string; from: number; to_go: number } | null };
}

export interface EarnedFlag {
  function: string;
  name: string;
  colour: string;
  earned: boolean;
  earned_at: string | null;
  source: { kind: string; id: string; event_seq: number } | null;
}

export interface PersonFlags {
  staff_id: number;
  earned: number;
  of: number;
  flags: EarnedFlag[];
}

export interface PersonBadge {
  rule: { id: number; name: string; description: string; kind: 'milestone' | 'streak' | 'depth'; count: number };
  earned: boolean;
  earned_at: string | null;
  first_earned_at: string | null;
  visit_id: number | null;
  taken_back_at: string | null;
  progress: number;
}

export interface PersonBadges {
  staff_id: number;
  earned: number;
  badges: PersonBadge[];
}

/** The badge not earned yet that is closest to being earned (most of the way), if any. */
export function nextBadge(badges: PersonBadge[]): PersonBadge | null {
  let best: PersonBadge | null = null;
  for (const b of badges) {
    if (b.earned) continue;
    if (!best || b.progress / b.rule.count > best.progress / best.rule.count) best = b;
  }
  return best;
}

/** How far from the current level to the next, 0 to 100 (100 at the top of the ladder). */
export function levelProgress(points: PointBalances): number {
  const next = points.level.next;
  if (!next) return 100;
  const span = next.from - points.level.from;
  return span > 0 ? Math.max(0, Math.min(100, Math.floor(((points.status - points.level.from) * 100) / span))) : 100;
}

/**
 * The level just reached, when `after` stands on a higher level than `before` (what the card
 * read last); null otherwise — also on the first read, and when a clawback took a level back.
 */
export function levelRisen(before: PointBalances | null, after: PointBalances): string | null {
  if (!before || before.staff_id !== after.staff_id) return null;
  return after.level.from > before.level.from ? after.level.name : null;
}

/** Whether the next expiry is close enough to say so: within `days` of `today` (YYYY-MM-DD). */
export function expiresSoon(points: PointBalances, today: string, days = 30): boolean {
  if (!points.next_expiry) return false;
  const left = (Date.parse(points.next_expiry.last_day) - Date.parse(today)) / 86_400_000;
  return left <= days;
}
