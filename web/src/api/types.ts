// The API's records as the UI reads them (docs/openapi.json is the reference). Money is a
// decimal string and stays one until it is shown.
export type RoleName = 'admin' | 'manager' | 'sales' | 'service' | 'integration';

export interface Me {
  id: number;
  username: string;
  display_name: string;
  role: RoleName;
}

export interface Session {
  user: Me;
  via: 'session' | 'api_token';
  csrf_token: string | null;
  time_zone: string;
}

export interface LoginResponse {
  token: string;
  csrf_token: string;
  expires_at: string;
  user: Me;
  time_zone: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type ClientStatus = 'prospect' | 'active' | 'dormant';

export interface Client {
  id: number;
  name: string;
  short_name: string | null;
  registration_code: string;
  type: string;
  region: string | null;
  status: ClientStatus;
  first_subscription_date: string | null;
  last_subscription_date: string | null;
  merged_into: number | null;
  created_at: string;
  updated_at: string;
}

export type DecisionRole = 'investment_decision' | 'trading' | 'operations' | 'risk_control' | 'other';
export type Influence = 'decision_maker' | 'influencer' | 'gatekeeper';

export interface OrgUnit {
  id: number;
  client_id: number;
  parent_id: number | null;
  name: string;
}

export interface KeyPerson {
  id: number;
  client_id: number;
  org_unit_id: number | null;
  reports_to_id: number | null;
  decision_role: DecisionRole;
  influence: Influence;
  touch_frequency_days: number | null;
  active: boolean;
  erased: boolean;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  contact_masked: boolean;
}

export interface OrgChart {
  client_id: number;
  units: OrgUnit[];
  key_people: KeyPerson[];
}

export type VisitKind = 'visit' | 'call' | 'meeting' | 'roadshow' | 'online';
export const visitKinds: VisitKind[] = ['visit', 'call', 'meeting', 'roadshow', 'online'];

export interface Visit {
  id: number;
  external_id: string | null;
  client_id: number;
  kind: VisitKind;
  occurred_at: string;
  occurred_date: string;
  notes: string;
  attendee_ids: number[];
  staff: { staff_id: number; department_id: number | null }[];
  product_ids: number[];
  next_step: string | null;
  follow_up_date: string | null;
  follow_up_done_at: string | null;
  author_user_id: number;
}

export interface NewVisit {
  external_id: string;
  client_id: number;
  kind: VisitKind;
  occurred_at: string;
  notes: string;
  attendee_ids: number[];
  next_step?: string;
  follow_up_date?: string;
}

export interface Target {
  id: number;
  subject_kind: 'staff' | 'department';
  subject_id: number;
  scope: 'overall' | 'client' | 'campaign';
  /** The client a client target counts; null for other scopes. */
  client_id: number | null;
  /** The campaign a campaign target counts; null for other scopes. */
  campaign_id: number | null;
  metric: string;
  period: string;
  period_start: string;
  period_end: string;
  target_amount: string | null;
  target_count: number | null;
  achieved_amount: string | null;
  achieved_count: number | null;
  achievement_percent: number;
}

export interface FollowUp extends Visit {
  overdue: boolean;
}

export interface OverdueDecisionMaker {
  client_id: number;
  client_name: string;
  key_person_id: number;
  name: string;
  decision_role: DecisionRole;
  days_since_last_visit: number | null;
  touch_frequency_days: number;
}

export interface MyDay {
  today: string;
  staff_id: number;
  follow_ups: FollowUp[];
  overdue_decision_makers: OverdueDecisionMaker[];
  clients: { client_id: number; client_name: string; overdue_decision_makers: number; score: number }[];
  recent_clients: { client_id: number; client_name: string; last_visit_date: string }[];
  targets: Target[];
}

export interface KeyPersonReach {
  key_person_id: number;
  name: string;
  decision_role: DecisionRole;
  influence: Influence;
  active: boolean;
  visits_30: number;
  visits_90: number;
  visits_365: number;
  days_since_last_visit: number | null;
  overdue: boolean;
}

export interface KeyPersonStats {
  client_id: number;
  as_of: string;
  people: KeyPersonReach[];
  role_coverage: { decision_role: DecisionRole; people: number; reached_90: number; covered: boolean }[];
  score: number;
}

/** An event of the log, as a "why" cites it: what happened to which record, when it occurred and was
 *  recorded, and who recorded it (docs/openapi.json: SourceEvent). */
export interface SourceEvent {
  seq: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  actor: string;
  entity_type: string;
  entity_id: string;
}
