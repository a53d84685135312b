// Good news and its rules (docs/openapi.json: GoodNews, GoodNewsRule, GoodNewsRuleInput).

export type GoodNewsStatus = 'draft' | 'published' | 'dismissed' | 'passed';
export const goodNewsStatuses: GoodNewsStatus[] = ['draft', 'published', 'dismissed', 'passed'];

export interface Words {
  'zh-CN': string;
  en: string;
}

export interface GoodNews {
  id: number;
  origin: 'rule' | 'written';
  title: Words;
  text: Words;
  edited: boolean;
  status: GoodNewsStatus;
  rule_id?: number;
  rule_name?: string | null;
  subject?: { kind: string; id: number; name: string };
  period?: string;
  threshold?: string | number;
  record?: { type: 'transaction' | 'visit'; id: number } | null; // null: a holdings milestone
  became_true_at?: string;
  detected_at?: string;
  late?: boolean;
  holds?: boolean;
  no_longer_holds_at?: string | null;
  published_at: string | null;
  published_by: number | null;
  picture: { id: number; url: string } | null;
  updated_at: string;
}

export interface Picture {
  id: number;
  url: string;
  media_type: 'image/png' | 'image/jpeg' | 'image/webp';
  size: number;
  width: number;
  height: number;
}

export type RuleKind = 'metric_threshold' | 'product_subscription' | 'campaign_first_order' | 'holdings_milestone' | 'client_activation' | 'board_top';

export interface GoodNewsRule {
  id: number;
  name: string;
  kind: RuleKind;
  metric_id?: number;
  campaign_id?: number;
  scope?: 'campaign' | 'department' | 'staff';
  min_amount?: string;
  every?: string; // holdings_milestone
  dormant_days?: number | null; // client_activation
  board_id?: number; // board_top
  at_least?: string | number | null; // board_top: the leader's figure at least (null: any)
  subject?: 'company' | 'department' | 'staff';
  products?: { product_ids: number[]; product_types: string[]; exclude_money_market: boolean };
  subject_ids: number[];
  thresholds: (string | number)[];
  templates: Words;
  effective_from: string;
  grace_days: number;
  auto_publish: boolean;
  redact_client_names: boolean;
  redact_amounts: boolean;
  created_at: string;
}

export const placeholders = ['subject', 'person', 'department', 'client', 'product', 'amount', 'period', 'metric', 'campaign', 'board'];

// A record fills {amount}, {client}, {product} and {campaign}; reaching a board's top comes from
// no one record, and only it has a {board} (the API refuses the others' templates otherwise).
const recordOnly = ['amount', 'client', 'product', 'campaign'];

/** The placeholders a rule of the kind may use in its templates. */
export function placeholdersFor(kind: RuleKind): string[] {
  return kind === 'board_top' ? placeholders.filter((p) => !recordOnly.includes(p)) : placeholders.filter((p) => p !== 'board');
}

// The words in the reader's language.
export function inLanguage(words: Words, locale: string): string {
  return locale.startsWith('zh') ? words['zh-CN'] : words.en;
}
