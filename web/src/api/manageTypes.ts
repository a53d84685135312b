// The records of the manager and admin pages, as docs/openapi.json describes them.
import type { RoleName } from './types';

export interface Campaign {
  id: number;
  name: string;
  description: string | null;
  starts_on: string;
  ends_on: string;
  target_amount: string;
  product_ids: number[];
  department_ids: number[];
  staff_ids: number[];
  status: 'planned' | 'running' | 'ended';
  subscription_amount: string;
  achievement_percent: number | null;
  cost_total: string;
}

export const costCategories = ['event', 'gifts', 'advertising', 'travel', 'materials', 'incentives', 'other'] as const;
export type CostCategory = (typeof costCategories)[number];

export interface CampaignCost {
  id: number;
  campaign_id: number;
  incurred_on: string;
  category: CostCategory;
  amount: string;
  description: string | null;
  recorded_by: number;
  recorded_at: string;
}

export const stages = ['prospect', 'contacted', 'proposal', 'won', 'lost'] as const;
export type Stage = (typeof stages)[number];

export interface Opportunity {
  id: number;
  client_id: number;
  owner_staff_id: number;
  campaign_id: number | null;
  title: string;
  expected_amount: string;
  expected_close_date: string | null;
  notes: string | null;
  stage: Stage;
  open: boolean;
  lost_reason: string | null;
  product_ids: number[];
  stages: { stage: Stage; entered_at: string; changed_by: number }[];
  updated_at: string;
}

export interface Role {
  name: RoleName;
  description: string;
  interactive_login: boolean;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  role: RoleName;
  active: boolean;
  has_password: boolean;
  created_at: string;
  password_changed_at: string | null;
}

export interface ApiToken {
  id: number;
  name: string;
  user_id: number;
  prefix: string;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_user_id: number | null;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  client_ip: string | null;
  request_id: string | null;
}

export interface Department {
  id: number;
  name: string;
  parent_id: number | null;
  active: boolean;
  path: string[];
}

export interface Staff {
  id: number;
  user_id: number | null;
  name: string;
  title: string | null;
  active: boolean;
  department_id: number | null;
  assignments: { department_id: number; effective_from: string }[];
}

export const productTypes = ['equity', 'bond', 'mixed', 'money_market', 'index', 'qdii', 'fof', 'other'] as const;
export const productStatuses = ['offering', 'open', 'closed'] as const;

export interface Product {
  id: number;
  code: string;
  name: string;
  type: (typeof productTypes)[number];
  money_market: boolean;
  status: (typeof productStatuses)[number];
}

export interface ImportRowResult {
  line: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'failed';
  id?: number | null;
  error?: { status: number; field: string; detail: string };
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  results: ImportRowResult[];
}

export interface CoveredClient {
  client_id: number;
  client_name: string;
  role: 'primary' | 'secondary';
  share_percent: number;
  effective_from: string;
}

export interface CoveredClientList {
  staff_id: number;
  as_of: string;
  items: CoveredClient[];
}

export interface Reassignment {
  from_staff_id: number;
  to_staff_id: number;
  effective_from: string;
  client_ids: number[];
}

export interface ClientMerge {
  client: { id: number; name: string };
  merged_client: { id: number; name: string; merged_into: number | null };
  moved: Record<string, number>;
}

// Group-chat bots and the deliveries to them (docs/openapi.json: ChatTarget, ChatDelivery).
export type ChatChannel = 'wecom' | 'dingtalk' | 'feishu';
export const chatChannels: ChatChannel[] = ['wecom', 'dingtalk', 'feishu'];

export interface ChatTarget {
  id: number;
  name: string;
  channel: ChatChannel;
  url_hint: string;
  has_secret: boolean;
  department_ids: number[];
  language: 'zh-CN' | 'en';
  max_per_minute: number;
  quiet_from: string | null; // HH:MM, company time
  quiet_to: string | null;
  max_per_day: number | null;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

export type ChatDeliveryStatus = 'pending' | 'sent' | 'dead';

export interface ChatDelivery {
  id: number;
  idempotency_key: string;
  target_id: number;
  good_news_id: number;
  title: string;
  text: string;
  picture_id: number | null;
  status: ChatDeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  last_status: number | null;
  created_at: string;
  sent_at: string | null;
}
