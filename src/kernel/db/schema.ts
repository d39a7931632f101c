import type { Generated } from 'kysely';

/*
 * Table types shared by both databases. Conventions that keep SQLite and PostgreSQL interchangeable:
 * ids are UUID v7 text, instants are ISO-8601 UTC text ('2026-11-29T02:45:00.000Z', sorts as time),
 * booleans are 0/1 integers, structured values are JSON text. Every row that belongs to a district
 * carries district_code so the data can shard by district (Citus distribution column).
 */

export interface UnitTable {
  id: string;
  district_code: string;
  parent_id: string | null;
  kind: string;
  code: string | null;
  name: string;
  status: string;
  /** '/rootId/…/ownId/': the subtree of a unit is every row whose path starts with its path. */
  path: string;
  depth: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

/** Org's counts of units opened and retired per kind, area (a strict ancestor) and instant (docs: org domain unit-spans.ts). */
export interface UnitSpanCountTable {
  district_code: string;
  kind: string;
  area_path: string;
  /** ISO instant kept to a quarter hour (on one as it is, else the quarter's middle). */
  at: string;
  born: number;
  retired: number;
}

export interface UnitBoundaryTable {
  unit_id: string;
  district_code: string;
  /** GeoJSON Polygon or MultiPolygon in WGS-84. */
  geometry: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  district_code: string;
  name: string;
  kind: string;
  unit_id: string;
  phone: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface GridAssignmentTable {
  person_id: string;
  grid_id: string;
  district_code: string;
}

export interface AccountTable {
  id: string;
  district_code: string;
  username: string;
  display_name: string;
  unit_id: string;
  person_id: string | null;
  /** JSON array of role codes. */
  roles: string;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie or bearer token; the token itself is never stored. */
  token_hash: string;
  kind: string;
  name: string | null;
  account_id: string;
  district_code: string;
  created_at: string;
  expires_at: string | null;
  last_seen_at: string;
  revoked_at: string | null;
}

/** Failed password attempts per username and client address (org/domain/login-throttle.ts). */
export interface LoginThrottleTable {
  /** Trimmed, lower-cased: an account's username or any name tried. */
  username: string;
  /** The client address as the HTTP server reports it. */
  client: string;
  failures: number;
  /** Attempts from this client for this username are refused until then. */
  held_until: string | null;
  updated_at: string;
}

export interface AuditEventTable {
  id: string;
  district_code: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before: string | null;
  after: string | null;
  request_id: string | null;
}

export interface CalendarDayTable {
  district_code: string;
  date: string;
  kind: string;
  name: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface CaseCategoryTable {
  district_code: string;
  code: string;
  parent_code: string | null;
  name: string;
  level: number;
  source: string;
  time_limit_value: number | null;
  time_limit_unit: string | null;
  default_unit_id: string | null;
  duplicate_radius_m: number;
  active: number;
  sort_order: number;
  updated_at: string;
}

export interface CaseTable {
  id: string;
  district_code: string;
  case_number: string;
  category_code: string;
  description: string;
  lng: number | null;
  lat: number | null;
  address: string | null;
  source: string;
  grid_id: string | null;
  grid_path: string | null;
  community_id: string | null;
  subdistrict_id: string | null;
  out_of_grid: number;
  status: string;
  assigned_unit_id: string | null;
  assigned_unit_path: string | null;
  deadline: string | null;
  deadline_status: string;
  escalation_level: number;
  /** The derived CaseState as JSON: a cache of replaying case_actions, rewritten with every action. */
  state: string;
  version: number;
  reporter_id: string | null;
  reported_at: string;
  dispatched_at: string | null;
  closed_at: string | null;
  first_feedback_at: string | null;
  /** CaseState.reworkCount and extensionCount (what the KPIs' dueCounts reads of an open case past its deadline). */
  rework_count: number;
  extension_count: number;
  reconciled_at: string | null;
  reconciled_by: string | null;
  updated_at: string;
}

export interface CaseActionTable {
  id: string;
  case_id: string;
  district_code: string;
  seq: number;
  type: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  /** The ActionRecord as JSON: comment, attachments, payload. */
  record: string;
}

export interface CaseNumberCounterTable {
  district_code: string;
  day: string;
  last: number;
}

export interface FileTable {
  id: string;
  district_code: string;
  sha256: string;
  filename: string;
  mime_type: string;
  size: number;
  width: number | null;
  height: number | null;
  gps_lng: number | null;
  gps_lat: number | null;
  taken_at: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
  case_id: string | null;
  /** When the uploader attached it to a record; null while pending (pruned after a while). */
  attached_at: string | null;
}

export interface InboxMessageTable {
  id: string;
  district_code: string;
  account_id: string;
  kind: string;
  title: string;
  body: string;
  entity_type: string | null;
  entity_id: string | null;
  created_at: string;
  read_at: string | null;
}

/** A request's Idempotency-Key and what it created; expires after a week. */
export interface IdempotencyKeyTable {
  account_id: string;
  key: string;
  /** The operation the key was used for, e.g. 'case.report'. */
  operation: string;
  district_code: string;
  /** sha256 hex of the request's canonical JSON body. */
  request_hash: string;
  /** What the first request created, e.g. the case id. */
  entity_id: string;
  created_at: string;
}

export interface JobRunTable {
  job: string;
  slot: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}

export interface WebhookSubscriptionTable {
  id: string;
  district_code: string;
  name: string;
  url: string;
  /** 'webhook' | 'dingtalk' | 'wecom'. */
  kind: string;
  /** JSON array of event types. */
  events: string;
  /** HMAC key ('webhook') or the DingTalk robot's 加签 secret; null when unsigned. */
  secret: string | null;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryTable {
  id: string;
  district_code: string;
  subscription_id: string;
  /** Shared by every delivery of one event, so receivers can drop duplicates. */
  event_id: string;
  event_type: string;
  occurred_at: string;
  /** The event's data as JSON. */
  payload: string;
  /** One-line Chinese summary for robot messages. */
  text: string;
  /** 'pending' | 'succeeded' | 'failed' | 'cancelled'. */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  /** A sender's claim: no other process sends the row before this instant. */
  locked_until: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  /** JSON array of every attempt: { at, statusCode, error, durationMs }. */
  attempt_log: string;
  created_at: string;
  delivered_at: string | null;
}

export interface Open311ApiKeyTable {
  id: string;
  district_code: string;
  /** The client app the key was issued to. */
  name: string;
  /** sha256 (hex) of the key; the key itself is shown once and never stored. */
  key_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** The KPI roll-up (cases module): settled counts per basis, view, unit path and local day. */
export interface CaseKpiDaysTable {
  district_code: string;
  basis: string;
  kpi_view: string;
  unit_path: string;
  day: string;
  reported: number;
  accepted: number;
  rejected: number;
  merged: number;
  dispatched: number;
  due_to_close: number;
  closed: number;
  closed_on_time: number;
  due_to_handle: number;
  handled: number;
  handled_on_time: number;
  reworked: number;
  extended: number;
  handling_millis: number;
  handling_samples: number;
  closing_millis: number;
  closing_samples: number;
}

export interface ReportFormTable {
  id: string;
  district_code: string;
  code: string;
  name: string;
  current_version: number;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ReportFormVersionTable {
  form_id: string;
  version: number;
  district_code: string;
  definition: string;
  created_by: string | null;
  created_at: string;
}

export interface ReportSubmissionTable {
  id: string;
  district_code: string;
  form_id: string;
  form_version: number;
  unit_id: string;
  unit_path: string;
  period: string;
  zero: number;
  values: string;
  submitted_at: string;
  on_time: number;
  submitted_by: string;
  revision: number;
  updated_at: string;
  /** The system's figures for the fields that name a source, when sent (JSON by field code), or null. */
  system_values: string | null;
}

export interface ReportSubmissionHistoryTable {
  id: string;
  submission_id: string;
  district_code: string;
  revision: number;
  form_version: number;
  zero: number;
  values: string;
  changed_by: string;
  changed_at: string;
  system_values: string | null;
}

/** Reports of a form and period under an area (an ancestor of the reporting units), kept per submission. */
export interface ReportRollupTable {
  form_id: string;
  period: string;
  area_path: string;
  district_code: string;
  submitted: number;
  on_time: number;
  zero: number;
}

/** One numeric field's mergeable partial (sum, count, max) over the same reports. */
export interface ReportRollupFieldTable {
  form_id: string;
  period: string;
  area_path: string;
  field: string;
  district_code: string;
  sum: number;
  count: number;
  max: number | null;
}

export interface ReportQueryTable {
  id: string;
  district_code: string;
  submission_id: string;
  unit_path: string;
  field: string | null;
  status: string;
  asked_by: string;
  asked_at: string;
  due_at: string;
  answered_at: string | null;
  escalated_at: string | null;
}

export interface ReportQueryMessageTable {
  id: string;
  query_id: string;
  district_code: string;
  author_id: string;
  author_name: string;
  kind: string;
  text: string;
  at: string;
}

// 督查督办 (supervision of work)
export interface ConsultationTopicTable {
  id: string;
  district_code: string;
  year: number;
  title: string;
  form: string;
  planned_month: string;
  /** JSON string[] */
  lead_unit_ids: string;
  created_by: string;
  created_at: string;
}
export interface MeetingTable {
  id: string;
  district_code: string;
  kind: string;
  title: string;
  held_on: string;
  chair_id: string | null;
  /** JSON string[] */
  attendee_ids: string;
  /** JSON string[] */
  attendee_unit_ids: string;
  summary: string | null;
  topic_id: string | null;
  created_by: string;
  created_at: string;
}
export interface MeetingItemTable {
  id: string;
  district_code: string;
  meeting_id: string;
  kind: string;
  seq: number;
  content: string;
  project_id: string | null;
}
export interface TaskTable {
  id: string;
  district_code: string;
  kind: string;
  source: string;
  parent_id: string | null;
  root_id: string;
  tree_path: string;
  depth: number;
  item_id: string | null;
  topic_id: string | null;
  title: string;
  description: string | null;
  lead_leader_id: string | null;
  lead_unit_id: string;
  lead_unit_path: string;
  /** JSON string[] */
  cooperating_unit_ids: string;
  start_on: string;
  deadline_on: string;
  /** JSON Cadence or null */
  cadence: string | null;
  weight: number | null;
  status: string;
  /** JSON StatusReason[] */
  status_reasons: string;
  progress: number;
  status_on: string;
  completed_on: string | null;
  missing_notified_due: string | null;
  /** JSON day → [six counts], see unit_assessment_days */
  assessment_days: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface TaskUnitTable {
  task_id: string;
  unit_id: string;
  unit_path: string;
  role: string;
}
export interface TaskMilestoneTable {
  id: string;
  district_code: string;
  task_id: string;
  seq: number;
  title: string;
  due_on: string;
  done_on: string | null;
  done_by: string | null;
  weight: number | null;
  missed_notified_at: string | null;
}
export interface TaskReportTable {
  id: string;
  district_code: string;
  task_id: string;
  reported_on: string;
  percent: number;
  content: string;
  /** JSON string[] */
  file_ids: string;
  account_id: string;
  author_name: string;
  unit_id: string;
  created_at: string;
}
export interface TaskReportFileTable {
  file_id: string;
  task_id: string;
  report_id: string;
}
export interface TaskNoticeTable {
  id: string;
  district_code: string;
  task_id: string;
  kind: string;
  to_unit_id: string;
  to_unit_path: string;
  content: string;
  reply_due_at: string;
  sent_by: string;
  sent_by_name: string;
  sent_at: string;
  reply: string | null;
  replied_by: string | null;
  replied_by_name: string | null;
  replied_at: string | null;
  escalated_at: string | null;
}
export interface AssessmentMarkTable {
  id: string;
  district_code: string;
  unit_id: string;
  task_id: string | null;
  marked_on: string;
  score: number;
  comment: string | null;
  given_by: string;
  given_at: string;
}
export interface UnitAssessmentDayTable {
  district_code: string;
  day: string;
  unit_id: string;
  milestones_due: number;
  milestones_on_time: number;
  report_periods_due: number;
  report_periods_reported: number;
  tasks_due: number;
  tasks_late: number;
}
export interface AssessmentRulesTable {
  district_code: string;
  rules: string;
  updated_by: string;
  updated_at: string;
}
export interface ProposalTable {
  id: string;
  district_code: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  category: string;
  content: string;
  /** JSON [{ name, accountId|null }]. */
  proposers: string;
  submitted_on: string;
  is_key: number;
  leader_id: string | null;
  leader_name: string | null;
  status: string;
  kind: string;
  reply_deadline: string | null;
  state: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProposalCategoryTable {
  id: string;
  district_code: string;
  name: string;
  sort_order: number;
  active: number;
  updated_at: string;
}

export interface ProposalHandlerTable {
  proposal_id: string;
  unit_id: string;
  district_code: string;
  unit_path: string;
  unit_name: string;
  role: string;
}

export interface ProposalActionTable {
  id: string;
  proposal_id: string;
  district_code: string;
  seq: number;
  type: string;
  at: string;
  actor_id: string;
  actor_name: string;
  record: string;
}

export interface SupervisorAssignmentTable {
  id: string;
  district_code: string;
  supervisor_id: string;
  supervisor_name: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  term_start: string;
  term_end: string;
  created_by: string;
  created_at: string;
}

export interface SupervisorVisitTable {
  id: string;
  district_code: string;
  assignment_id: string;
  supervisor_id: string;
  unit_id: string;
  visited_on: string;
  notes: string;
  created_at: string;
}

export interface SupervisorOpinionTable {
  id: string;
  district_code: string;
  assignment_id: string;
  visit_id: string | null;
  supervisor_id: string;
  unit_id: string;
  text: string;
  recorded_on: string;
  status: string;
  responsible_unit_id: string | null;
  responsible_unit_path: string | null;
  responsible_unit_name: string | null;
  deadline: string | null;
  reply: string | null;
  replied_at: string | null;
  replied_by: string | null;
  closed_on: string | null;
  history: string;
  version: number;
  created_at: string;
}

/** One overdue reminder sent for one item and deadline (see the 2026-11-29T1520 migration). */
export interface ProposalReminderTable {
  subject_id: string;
  /** 'reply#<round>', 'commitment#<index>' or 'opinion'. */
  item: string;
  deadline: string;
  /** 'proposal' or 'supervisor_opinion'. */
  subject_type: string;
  district_code: string;
  recipients: number;
  sent_at: string;
}

/** A leader's instruction (领导批示) on a record (see the 2026-12-06T1600 migration). */
export interface InstructionTable {
  id: string;
  district_code: string;
  target_kind: string;
  target_id: string;
  target_title: string;
  content: string;
  leader_id: string;
  leader_name: string;
  created_at: string;
}

/** An owner unit an instruction was sent to, with its one answer. */
export interface InstructionOwnerTable {
  instruction_id: string;
  unit_id: string;
  seq: number;
  unit_name: string;
  role: string;
  reply: string | null;
  replied_by: string | null;
  replied_by_name: string | null;
  replied_at: string | null;
}

/** A building (楼栋) on a small grid (population module). */
export interface PopBuildingTable {
  id: string;
  district_code: string;
  grid_id: string;
  grid_path: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A household (户) at a door (门牌), on a small grid. */
export interface PopHouseholdTable {
  id: string;
  district_code: string;
  grid_id: string;
  grid_path: string;
  building_id: string | null;
  address: string;
  note: string | null;
  lng: number | null;
  lat: number | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A resident (人): one record per person across the district, keyed by the GB 11643 ID number. */
export interface PopResidentTable {
  id: string;
  district_code: string;
  id_number: string | null;
  name: string;
  sex: string | null;
  birth_date: string | null;
  phone: string | null;
  household_id: string | null;
  relation: string | null;
  grid_id: string;
  grid_path: string;
  residence_kind: string;
  tags: string;
  status: string;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PopResidentEventTable {
  id: string;
  resident_id: string;
  at: string;
  kind: string;
  household_id: string | null;
  household_address: string | null;
  detail: string | null;
  by_id: string | null;
  by_name: string | null;
}

export interface PopMergeReviewTable {
  id: string;
  district_code: string;
  resident_id: string;
  proposed_name: string;
  entry: string;
  entry_grid_path: string;
  resident_grid_path: string;
  status: string;
  kept: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
}

export interface PopTagTable {
  district_code: string;
  code: string;
  name: string;
  seq: number;
  active: number;
}

/** A door-knocking round (敲门行动): a scope and a window of local days. */
export interface PopRoundTable {
  id: string;
  district_code: string;
  name: string;
  scope_unit_id: string;
  scope_path: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface PopVisitTable {
  id: string;
  round_id: string;
  household_id: string;
  grid_id: string;
  grid_path: string;
  result: string;
  visited_at: string;
  visitor_id: string;
  visitor_name: string;
  present: string;
  added: string;
  gone: string;
  photo_ids: string;
  note: string | null;
  created_at: string;
}

/** A household's state in a round, kept with every visit (what coverage counts). */
export interface PopRoundHouseholdTable {
  round_id: string;
  household_id: string;
  grid_id: string;
  visits: number;
  verified: number;
  absent_only: number;
  last_result: string;
  last_visited_at: string;
}

export interface PopVisitFileTable {
  file_id: string;
  visit_id: string;
}

export interface DB {
  units: UnitTable;
  unit_span_counts: UnitSpanCountTable;
  unit_boundaries: UnitBoundaryTable;
  people: PersonTable;
  grid_assignments: GridAssignmentTable;
  accounts: AccountTable;
  sessions: SessionTable;
  login_throttles: LoginThrottleTable;
  audit_events: AuditEventTable;
  calendar_days: CalendarDayTable;
  meta: MetaTable;
  case_categories: CaseCategoryTable;
  cases: CaseTable;
  report_forms: ReportFormTable;
  report_form_versions: ReportFormVersionTable;
  report_submissions: ReportSubmissionTable;
  report_submission_history: ReportSubmissionHistoryTable;
  report_queries: ReportQueryTable;
  report_rollups: ReportRollupTable;
  report_rollup_fields: ReportRollupFieldTable;
  report_query_messages: ReportQueryMessageTable;
  case_kpi_days: CaseKpiDaysTable;
  proposals: ProposalTable;
  proposal_handlers: ProposalHandlerTable;
  proposal_actions: ProposalActionTable;
  supervisor_assignments: SupervisorAssignmentTable;
  supervisor_visits: SupervisorVisitTable;
  supervisor_opinions: SupervisorOpinionTable;
  proposal_reminders: ProposalReminderTable;
  proposal_categories: ProposalCategoryTable;
  instructions: InstructionTable;
  instruction_owners: InstructionOwnerTable;
  case_actions: CaseActionTable;
  case_number_counters: CaseNumberCounterTable;
  files: FileTable;
  inbox_messages: InboxMessageTable;
  job_runs: JobRunTable;
  idempotency_keys: IdempotencyKeyTable;
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  open311_api_keys: Open311ApiKeyTable;
  consultation_topics: ConsultationTopicTable;
  meetings: MeetingTable;
  meeting_items: MeetingItemTable;
  tasks: TaskTable;
  task_units: TaskUnitTable;
  task_milestones: TaskMilestoneTable;
  task_reports: TaskReportTable;
  task_report_files: TaskReportFileTable;
  task_notices: TaskNoticeTable;
  assessment_marks: AssessmentMarkTable;
  assessment_rules: AssessmentRulesTable;
  unit_assessment_days: UnitAssessmentDayTable;
  pop_buildings: PopBuildingTable;
  pop_households: PopHouseholdTable;
  pop_residents: PopResidentTable;
  pop_resident_events: PopResidentEventTable;
  pop_merge_reviews: PopMergeReviewTable;
  pop_tags: PopTagTable;
  pop_rounds: PopRoundTable;
  pop_visits: PopVisitTable;
  pop_round_households: PopRoundHouseholdTable;
  pop_visit_files: PopVisitFileTable;
  venue_types: VenueSettingTable;
  venue_check_items: VenueSettingTable;
  venues: VenueTable;
  venue_inspections: VenueInspectionTable;
  venue_inspection_files: VenueInspectionFileTable;
  venue_closures: VenueClosureTable;
  measures: MeasureTable;
  measure_owners: MeasureOwnerTable;
  measure_follow_ups: MeasureFollowUpTable;
  measure_events: MeasureEventTable;
  scr_campaigns: ScrCampaignTable;
  scr_entries: ScrEntryTable;
  scr_entry_reports: ScrEntryReportTable;
  scr_checks: ScrCheckTable;
  farmland_parcels: FarmlandParcelTable;
  farmland_imports: FarmlandImportTable;
  farmland_cases: FarmlandCaseTable;
  boards: BoardTable;
  board_events: BoardEventTable;
  patrols: PatrolTable;
  patrol_units: PatrolUnitTable;
  patrol_people: PatrolPersonTable;
  patrol_track_chunks: PatrolTrackChunkTable;
  patrol_cases: PatrolCaseTable;
  patrol_unit_days: PatrolUnitDayTable;
  duty_responsibilities: DutyResponsibilityTable;
  duty_roster_days: DutyRosterDayTable;
  duty_gap_reminders: DutyGapReminderTable;
  patrol_unit_months: PatrolUnitMonthTable;
  campaigns: CampaignTable;
  campaign_units: CampaignUnitTable;
  campaign_cases: CampaignCaseTable;
  indicators: IndicatorTable;
  indicator_entries: IndicatorEntryTable;
  indicator_targets: IndicatorTargetTable;
  star_sets: StarSetTable;
  star_rate_values: StarRateValueTable;
  star_evidence: StarEvidenceTable;
  star_plans: StarPlanTable;
  star_plan_measures: StarPlanMeasureTable;
  star_teams: StarTeamTable;
  star_team_branches: StarTeamBranchTable;
  star_team_members: StarTeamMemberTable;
  star_team_grids: StarTeamGridTable;
  star_ratings: StarRatingTable;
  star_awards: StarAwardTable;
  star_rating_reminders: StarRatingReminderTable;
  star_weekly_reports: StarWeeklyReportTable;
  star_weekly_revisions: StarWeeklyRevisionTable;
  star_weekly_files: { report_id: string; file_id: string };
  star_weekly_reminders: StarWeeklyReminderTable;
  star_observations: StarObservationTable;
  star_observation_branches: StarObservationBranchTable;
  star_observation_visitors: StarObservationVisitorTable;
  star_observation_scores: StarObservationScoreTable;
  briefing_templates: BriefingTemplateTable;
  briefings: BriefingTable;
  briefing_versions: BriefingVersionTable;
  /** Present so Generated stays imported for later tables with serial columns. */
  _never?: { id: Generated<number> };
}

/** A district's venue type or checklist item (see the 2026-12-07T1100 migration). */
export interface VenueSettingTable {
  district_code: string;
  code: string;
  name: string;
  seq: number;
  /** 1 in use, 0 retired. */
  active: number;
}

/** A venue (场所) placed on a small grid. */
export interface VenueTable {
  id: string;
  district_code: string;
  name: string;
  type_code: string;
  address: string;
  owner_name: string;
  owner_phone: string;
  lng: number | null;
  lat: number | null;
  grid_id: string;
  grid_path: string;
  /** 'open' | 'closed'. */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One inspection of a venue against the checklist. */
export interface VenueInspectionTable {
  id: string;
  venue_id: string;
  district_code: string;
  inspected_at: string;
  inspector_id: string;
  inspector_name: string;
  /** 'pass' | 'fail'. */
  result: string;
  /** JSON [{ code, name, result }]. */
  items: string;
  note: string | null;
  case_id: string | null;
  case_number: string | null;
}

export interface VenueInspectionFileTable {
  inspection_id: string;
  file_id: string;
  seq: number;
}

/** A closure order (停业整顿) and its lifting. */
export interface VenueClosureTable {
  id: string;
  venue_id: string;
  district_code: string;
  reason: string;
  start_date: string;
  days: number;
  until_date: string;
  issued_by: string;
  issued_by_name: string;
  issued_at: string;
  /** 1 while the order stands. */
  open: number;
  lifted_by: string | null;
  lifted_by_name: string | null;
  lifted_at: string | null;
  lift_note: string | null;
  lift_inspection_id: string | null;
}

/** A home measure (居家隔离 / 居家健康监测) on a resident (see the 2026-12-07T1400 migration). */
export interface MeasureTable {
  id: string;
  district_code: string;
  resident_id: string;
  subject_name: string;
  household_address: string | null;
  grid_path: string;
  community_id: string;
  subdistrict_id: string;
  type: string;
  start_day: string;
  length_days: number;
  end_day: string;
  /** JSON array of days. */
  test_days: string;
  /** 'open' | 'completed' | 'lost' | 'hospital'. */
  status: string;
  ended_on: string | null;
  note: string | null;
  owner_subdistrict: string;
  owner_community: string;
  owner_police: string;
  owner_doctor: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One of a measure's four owners (四包一). */
export interface MeasureOwnerTable {
  measure_id: string;
  /** 'subdistrict' | 'community' | 'police' | 'doctor'. */
  role: string;
  account_id: string;
  account_name: string;
}

/** A measure's follow-up of one day. */
export interface MeasureFollowUpTable {
  measure_id: string;
  day: string;
  /** 'not_performed' | 'seen_ok' | 'seen_not_ok' | 'missed'. */
  status: string;
  method: string | null;
  temperature: number | null;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_role: string | null;
  recorded_at: string | null;
}

/** A line of a measure's history. */
export interface MeasureEventTable {
  id: string;
  measure_id: string;
  at: string;
  kind: string;
  detail: string;
  by_id: string | null;
  by_name: string;
}

/** A screening list campaign (排查名单, see the 2026-12-07T1300 migration). */
export interface ScrCampaignTable {
  id: string;
  district_code: string;
  name: string;
  scope_unit_id: string;
  scope_path: string;
  starts_on: string;
  ends_on: string;
  fields: string;
  status: string;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  purged_at: string | null;
  purge_record: string | null;
  purge_signature: string | null;
}

/** One person on a campaign's list, one row per ID number per campaign. */
export interface ScrEntryTable {
  id: string;
  campaign_id: string;
  district_code: string;
  id_number: string;
  name: string;
  phone: string | null;
  address: string | null;
  grid_id: string;
  grid_path: string;
  field_values: string;
  source: string;
  resident_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A unit that reported an entry (the first and every later one). */
export interface ScrEntryReportTable {
  entry_id: string;
  unit_id: string;
  unit_path: string;
  source: string;
  reported_by: string;
  reported_at: string;
}

/** A 协查 item pushed down from above, owned by one unit, due 24 hours after it was pushed. */
export interface ScrCheckTable {
  id: string;
  campaign_id: string;
  district_code: string;
  batch_id: string;
  batch_name: string;
  row_number: number;
  name: string;
  id_number: string;
  phone: string | null;
  address: string | null;
  remark: string | null;
  owner_unit_id: string;
  owner_path: string;
  routed_by: string;
  pushed_by: string;
  pushed_at: string;
  due_at: string;
  status: string;
  answered_at: string | null;
  answered_by: string | null;
  answer_note: string | null;
  entry_id: string | null;
  escalation: number;
  escalated_at: string | null;
}

/** A farmland parcel (耕地 / 永久基本农田图斑) of a village (see the 2026-12-08T0400 migration). */
export interface FarmlandParcelTable {
  id: string;
  district_code: string;
  village_id: string;
  village_path: string;
  /** 'farmland' | 'permanent_basic'. */
  kind: string;
  code: string;
  name: string | null;
  area_m2: number;
  /** GeoJSON Polygon / MultiPolygon text, WGS-84. */
  geometry: string;
  /** 1 when part of it lies outside the village's boundary. */
  outside_village: number;
  import_id: string;
}

/** One import of a village's parcels (all replaced). */
export interface FarmlandImportTable {
  id: string;
  district_code: string;
  village_id: string;
  crs: string;
  parcels: number;
  imported_by: string;
  imported_at: string;
}

/** A ledger case of 违法占用耕地 found inside a parcel (keyed by the case's id). */
export interface FarmlandCaseTable {
  case_id: string;
  district_code: string;
  case_number: string;
  village_id: string;
  village_path: string;
  parcel_id: string;
  parcel_kind: string;
  parcel_code: string;
  lng: number;
  lat: number;
  reported_at: string;
  occupied_m2: number | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  approval_note: string | null;
}

/** A publicity board (宣传栏 / 公益广告 / 墙绘) (see the 2026-12-08T0410 migration). */
export interface BoardTable {
  id: string;
  district_code: string;
  /** 'board' | 'psa' | 'mural'. */
  kind: string;
  name: string;
  unit_id: string;
  unit_path: string;
  lng: number | null;
  lat: number | null;
  address: string | null;
  /** 'good' | 'damaged' | 'to_replace' | 'removed'. */
  state: string;
  photo_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A concentrated campaign (集中整治) or special action (see the 2026-12-08T0300 migration). */
export interface CampaignTable {
  id: string;
  district_code: string;
  title: string;
  kind: string;
  scope_unit_id: string;
  scope_path: string;
  start_day: string;
  end_day: string;
  categories: string;
  volunteer_count: number;
  volunteer_names: string;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A patrol (巡查 / 耕地巡查), see the 2026-12-08T0200 migration. */
export interface PatrolTable {
  id: string;
  district_code: string;
  /** 'grid' | 'farmland'. */
  kind: string;
  scope_path: string;
  /** 'active' | 'ended'. */
  status: string;
  recorder_id: string;
  recorder_name: string;
  started_at: string;
  ended_at: string | null;
  start_day: string;
  end_day: string | null;
  points: number;
  far_points: number;
  distance_m: number;
  /** JSON [lng, lat, ms] of the last stored point. */
  last_point: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** A board's registration or change of state. */
export interface BoardEventTable {
  id: string;
  board_id: string;
  district_code: string;
  unit_path: string;
  at: string;
  actor_id: string;
  actor_name: string;
  from_state: string | null;
  to_state: string;
  photo_id: string | null;
  note: string | null;
  /** 1 when the board was replaced. */
  replaced: number;
}

export interface PatrolUnitTable {
  patrol_id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
}

export interface PatrolPersonTable {
  patrol_id: string;
  seq: number;
  account_id: string | null;
  name: string;
  /** 'recorder' | 'companion'. */
  role: string;
}

/** One uploaded batch of a patrol's track, thinned and encoded (patrols/domain/track-codec.ts). */
export interface PatrolTrackChunkTable {
  patrol_id: string;
  seq: number;
  points: number;
  first_at: string;
  last_at: string;
  data: Uint8Array;
}

export interface PatrolCaseTable {
  patrol_id: string;
  case_id: string;
  case_number: string;
  /** 'found' | 'fixed'. */
  outcome: string;
  linked_by: string;
  linked_at: string;
}

export interface CampaignUnitTable {
  campaign_id: string;
  unit_id: string;
  role: string;
}

export interface CampaignCaseTable {
  campaign_id: string;
  case_id: string;
  linked_by: string;
  linked_at: string;
}

/** Ended patrols per unit (grid or village) and local day: the coverage roll-up. */
export interface PatrolUnitDayTable {
  unit_id: string;
  /** 'grid' | 'farmland'. */
  kind: string;
  day: string;
  district_code: string;
  unit_path: string;
  patrols: number;
}

/** A responsibility (分包 / 包联 / 下沉 / 网格长 / 网格指导员), dated (see the 2026-12-08T0100 migration). */
export interface DutyResponsibilityTable {
  id: string;
  district_code: string;
  kind: string;
  target_id: string;
  target_path: string;
  /** 'account' or 'unit'. */
  holder_type: string;
  holder_id: string;
  from_day: string;
  /** Inclusive; null while open-ended. */
  to_day: string | null;
  note: string | null;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  ended_at: string | null;
  ended_by_id: string | null;
}

/** One community's duty (分班) on one day. */
export interface DutyRosterDayTable {
  unit_id: string;
  day: string;
  district_code: string;
  unit_path: string;
  cadre_id: string | null;
  cadre_name: string | null;
  /** JSON array of names. */
  volunteers: string;
  /** JSON array of small-grid ids. */
  grid_ids: string;
  updated_by_id: string;
  updated_at: string;
}

/** A gap reminder sent for a community and day (the claim that makes the daily job tell once). */
export interface DutyGapReminderTable {
  unit_id: string;
  day: string;
  sent_at: string;
}

/** The coverage roll-up per unit and month: days with an ended patrol, and the patrols. */
export interface PatrolUnitMonthTable {
  unit_id: string;
  kind: string;
  /** YYYY-MM. */
  month: string;
  district_code: string;
  unit_path: string;
  days: number;
  patrols: number;
}

/** A work indicator (工作量指标) of a district. */
export interface IndicatorTable {
  id: string;
  district_code: string;
  name: string;
  measure_unit: string;
  kind: string;
  source: string | null;
  categories: string;
  phrase: string | null;
  sort_order: number;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One entered quantity of an indicator, at the unit where it was recorded. */
export interface IndicatorEntryTable {
  id: string;
  district_code: string;
  indicator_id: string;
  unit_id: string;
  unit_path: string;
  day: string;
  quantity: number;
  campaign_id: string | null;
  note: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** A target of an indicator for a unit and period. */
export interface IndicatorTargetTable {
  id: string;
  district_code: string;
  indicator_id: string;
  unit_id: string;
  unit_path: string;
  period: string;
  kind: string;
  value: number | null;
  reference_values: string;
  actual: number | null;
  updated_by: string;
  updated_at: string;
}

/** A version of a star set for one kind of branch (see the 2026-12-09T0100 migration). */
export interface StarSetTable {
  id: string;
  district_code: string;
  branch_kind: string;
  version: number;
  effective_from: string;
  /** JSON StarDefinition[] */
  definition: string;
  note: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

/** A branch's computed rate for a quarter: numerator and denominator as the source counted them. */
export interface StarRateValueTable {
  district_code: string;
  branch_id: string;
  quarter: string;
  source: string;
  numerator: number;
  denominator: number;
  computed_at: string;
}

/** A piece of evidence a branch shows for a star (or one of its indicators) in a quarter. */
export interface StarEvidenceTable {
  id: string;
  district_code: string;
  branch_id: string;
  branch_path: string;
  quarter: string;
  star_key: string;
  indicator_key: string | null;
  file_id: string | null;
  note: string | null;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: string;
}

/** A branch's weekly progress (每周推进) for one ISO week; see the 2026-12-09T0500 migration. */
export interface StarWeeklyReportTable {
  id: string;
  district_code: string;
  branch_id: string;
  branch_path: string;
  /** Monday of the ISO week. */
  week: string;
  text: string;
  /** JSON string[] */
  file_ids: string;
  revision: number;
  first_submitted_at: string;
  submitted_at: string;
  submitted_by: string;
  submitted_by_name: string;
}

/** Every version of a weekly report, the first included. */
export interface StarWeeklyRevisionTable {
  report_id: string;
  revision: number;
  text: string;
  /** JSON string[] */
  file_ids: string;
  submitted_at: string;
  submitted_by: string;
  submitted_by_name: string;
}

export interface StarWeeklyReminderTable {
  branch_id: string;
  week: string;
  district_code: string;
  reminded_at: string;
  recipients: number;
}

/** An observation event (每月观摩) held by a 街道. */
export interface StarObservationTable {
  id: string;
  district_code: string;
  host_unit_id: string;
  host_path: string;
  day: string;
  title: string;
  place_branch_id: string;
  attendees: number | null;
  note: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}

export interface StarObservationBranchTable {
  observation_id: string;
  branch_id: string;
  branch_path: string;
  sort: number;
}

export interface StarObservationVisitorTable {
  id: string;
  observation_id: string;
  account_id: string | null;
  name: string;
  sort: number;
}

export interface StarObservationScoreTable {
  observation_id: string;
  visitor_id: string;
  branch_id: string;
  score: number;
  remark: string | null;
  entered_by: string;
  entered_at: string;
}

/** A branch's battle map (作战图) for a year: the stars it goes for. */
export interface StarPlanTable {
  id: string;
  district_code: string;
  branch_id: string;
  branch_path: string;
  year: number;
  /** JSON string[] of star keys */
  stars: string;
  note: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** A measure of a battle map: a supervision task, the star it serves, its owner and team. */
export interface StarPlanMeasureTable {
  id: string;
  district_code: string;
  plan_id: string;
  branch_id: string;
  star_key: string;
  task_id: string;
  owner_name: string;
  owner_account_id: string | null;
  team_id: string | null;
  seq: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** An action team (聚力团). */
export interface StarTeamTable {
  id: string;
  district_code: string;
  name: string;
  leader_name: string;
  leader_account_id: string | null;
  note: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface StarTeamBranchTable {
  team_id: string;
  branch_id: string;
  branch_path: string;
}
export interface StarTeamMemberTable {
  id: string;
  team_id: string;
  seq: number;
  /** 'account' | 'unit' | 'volunteer' */
  kind: string;
  account_id: string | null;
  unit_id: string | null;
  name: string;
  phone: string | null;
  /** 'party_member' | 'grid_worker' | 'team_member' */
  role: string;
  grid_id: string | null;
}
export interface StarTeamGridTable {
  team_id: string;
  grid_id: string;
}

/** A branch's quarterly rating (每季评比): its state, each step's who and when, the kept outcome. */
export interface StarRatingTable {
  id: string;
  district_code: string;
  branch_id: string;
  branch_path: string;
  quarter: string;
  set_id: string;
  state: string;
  self_due: string;
  propose_due: string;
  confirm_due: string;
  self_text: string | null;
  self_by: string | null;
  self_by_name: string | null;
  self_at: string | null;
  /** JSON { [starKey]: { [indicatorKey]: number } } */
  panel_scores: string | null;
  /** JSON [{ key, hold, reason }] */
  proposed_stars: string | null;
  proposal_remark: string | null;
  proposed_by: string | null;
  proposed_by_name: string | null;
  proposed_at: string | null;
  returned_reason: string | null;
  returned_by: string | null;
  returned_by_name: string | null;
  returned_at: string | null;
  return_count: number;
  /** JSON [{ key, hold, reason }] */
  confirmed_stars: string | null;
  /** JSON: the stars' outcomes and the indicators' inputs at confirmation. */
  outcome: string | null;
  stars_held: number | null;
  /** JSON string[]: names of the stars held after the confirmation. */
  held_stars: string | null;
  total_score: number | null;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
  row_version: number;
}

/** A star a branch was awarded, held from awarded_quarter until withdrawn_quarter (exclusive). */
export interface StarAwardTable {
  id: string;
  district_code: string;
  branch_id: string;
  branch_path: string;
  star_key: string;
  star_name: string;
  awarded_quarter: string;
  award_reason: string;
  awarded_rating_id: string;
  awarded_by: string;
  awarded_by_name: string;
  awarded_at: string;
  withdrawn_quarter: string | null;
  withdraw_reason: string | null;
  withdrawn_rating_id: string | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdrawn_at: string | null;
}

/** A rating reminder sent (branch, quarter, stage, due_soon | overdue): at most one each. */
export interface StarRatingReminderTable {
  branch_id: string;
  quarter: string;
  stage: string;
  kind: string;
  sent_at: string;
}

/** A briefing template (简报模板): text with placeholders naming measures (see the 2026-12-10T0100 migration). */
export interface BriefingTemplateTable {
  id: string;
  district_code: string;
  /** 'default.ledger' … for a default; null for one a person created. */
  default_key: string | null;
  name: string;
  kind: string;
  body: string;
  /** 1 offered for new briefings, 0 retired. */
  active: number;
  /** null while only the system wrote it. */
  updated_by: string | null;
  updated_by_name: string | null;
  created_at: string;
  updated_at: string;
}

/** A briefing (工作简报) of a unit and a period: its current text and the figures behind its footnotes. */
export interface BriefingTable {
  id: string;
  district_code: string;
  template_id: string;
  template_name: string;
  title: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  period_from: string;
  period_to: string;
  as_of: string;
  text: string;
  /** JSON BriefingFigure[]. */
  figures: string;
  /** 'draft' | 'issued'. */
  state: string;
  issued_version: number;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
}

/** An issued version of a briefing, kept as issued. */
export interface BriefingVersionTable {
  briefing_id: string;
  version: number;
  title: string;
  text: string;
  figures: string;
  issued_by: string;
  issued_by_name: string;
  issued_at: string;
}
