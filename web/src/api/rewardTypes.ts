// The rewards shop and the points journal as the UI reads them (docs/openapi.json:
// CatalogueItem, RewardOrder, PointJournal, PointsWhy, BadgeWhy, FlagWhy), and the shop's rules
// the way the page applies them before Laurel does.
import type { EarnedFlag, PersonBadge, PointBalances } from '@/api/recognitionTypes';
import type { SourceEvent } from '@/api/types';

export type { SourceEvent };

export interface CatalogueItem {
  id: number;
  name: string;
  description: string;
  price: number;
  stock: number | null;
  per_person_limit: number | null;
  visible_from_level: string | null;
  approval_required: boolean;
  active: boolean;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  ordered_by_me: number | null;
}

/** An item as a manager writes it (RewardInput): replaced whole on save. */
export type RewardInput = Pick<
  CatalogueItem,
  'name' | 'description' | 'price' | 'stock' | 'per_person_limit' | 'visible_from_level' | 'approval_required' | 'active'
>;

export type OrderStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface RewardOrder {
  id: number;
  reward: { id: number; name: string };
  staff_id: number;
  quantity: number;
  points: number;
  status: OrderStatus;
  idempotency_key: string;
  placed_by: number | null;
  placed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string;
}

export type JournalKind = 'earn' | 'reverse' | 'hold' | 'settle' | 'release' | 'expire';
export type AwardCut = 'none' | 'late' | 'cooldown' | 'daily_cap' | 'weekly_cap';

export interface PointJournal {
  id: number;
  kind: JournalKind;
  staff_id: number | null;
  rule_id: number | null;
  rule_version: number | null;
  source: { kind: 'visit' | 'trade' | 'first_use' | 'order' | 'challenge'; id: number; function?: string | null } | null;
  event_seq: number | null;
  occurred_at: string | null;
  posted_at: string;
  points: number;
  detail: { base?: number; paid?: number; cut?: AwardCut; day?: string; client_id?: number; reward_id?: number; quantity?: number };
  entries: { account: string; amount: number }[];
}

export interface PointsWhy {
  journal: PointJournal;
  rule: { id: number; name: string; version: number; event: string } | null;
  award: { version: number; day: string; client_id: number; base: number; paid: number; cut: AwardCut } | null;
  history: { id: number; kind: string; points: number; event_seq: number | null; posted_at: string }[];
  source_events: SourceEvent[];
  order: RewardOrder | null;
}

export interface BadgeWhy {
  staff_id: number;
  badge: PersonBadge;
  source_events: SourceEvent[];
}

export interface FlagWhy {
  staff_id: number;
  flag: EarnedFlag;
  event: SourceEvent | null;
}

/** Why an item cannot be ordered now, or null when it can (Laurel decides; the page says why first). */
export type OrderBlock = 'inactive' | 'owed' | 'soldOut' | 'limit' | 'short';

export function orderBlock(item: CatalogueItem, points: PointBalances): OrderBlock | null {
  if (!item.active) return 'inactive';
  if (points.owed > 0) return 'owed';
  if (item.stock !== null && item.stock <= 0) return 'soldOut';
  if (item.per_person_limit !== null && (item.ordered_by_me ?? 0) >= item.per_person_limit) return 'limit';
  if (points.spendable < item.price) return 'short';
  return null;
}

/** The most of `item` one order can take: the stock, what the limit leaves, what the points pay, and the API's 100. */
export function mostToOrder(item: CatalogueItem, points: PointBalances): number {
  let most = Math.min(100, Math.floor(points.spendable / item.price));
  if (item.stock !== null) most = Math.min(most, item.stock);
  if (item.per_person_limit !== null) most = Math.min(most, item.per_person_limit - (item.ordered_by_me ?? 0));
  return Math.max(0, most);
}

/** A new order's idempotency key: made when the order form opens, so a resend is the same order. */
export function newOrderKey(): string {
  if (typeof crypto.randomUUID === 'function') return `order-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `order-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The status tag's tone for an order. */
export function orderTone(status: OrderStatus): 'warning' | 'success' | 'danger' | 'info' {
  return status === 'pending' ? 'warning' : status === 'approved' ? 'success' : status === 'rejected' ? 'danger' : 'info';
}

/** What a "why" drawer explains: a points journal, a badge (its rule id) or a flag (its function). */
export type WhyOf = { kind: 'journal'; id: number } | { kind: 'badge'; id: number } | { kind: 'flag'; id: string };

/**
 * What a journal moved on one of the person's own accounts (staff/<id>/spendable, …/status,
 * …/held, …/owed — below zero while something is owed): the sum of its entries there, 0 when
 * it did not touch it.
 */
export function accountChange(journal: PointJournal, account: 'spendable' | 'status' | 'held' | 'owed'): number {
  const prefix = `staff/${journal.staff_id}/`;
  return journal.entries.filter((e) => e.account === prefix + account).reduce((sum, e) => sum + e.amount, 0);
}
