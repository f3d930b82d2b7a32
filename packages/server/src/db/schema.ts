// Table types for Kysely. Booleans are stored as 0/1 integers and timestamps as ISO-8601 UTC
// text on both databases, so one code base reads the same values back from SQLite and PostgreSQL.
// Money is integer fen. Dates are `YYYY-MM-DD` text.
import type { ColumnType, Generated } from 'kysely';

export interface OrgTable {
  code: string;
  name: string;
  parent_code: string | null;
  /** city | region | unit */
  kind: string;
  active: number;
  sort: number;
  created_at: string;
  /** 1: 大中型企事业单位, which submits for a campaign itself */
  large_enterprise: Generated<number>;
}

export interface UserApprovalTable {
  id: Generated<number>;
  user_id: number;
  kind: 'create' | 'reset' | 'activate';
  status: 'pending' | 'approved' | 'refused';
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  org_code: string;
  role: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
}

export interface WorkerNoCounterTable {
  region_code: string;
  last_serial: number;
}

/** Kept counts of the list's filter combinations: +1/−1 deltas written by triggers (tally.sql.ts). */
export interface HouseholdTallyTable {
  id: Generated<number>;
  region_code: string;
  status: string;
  category: string;
  /** 1, 0, or −1 for 无法判定 */
  eligible: number;
  /** '' when there is none */
  suggested: string;
  c1: number;
  c2: number;
  c3: number;
  f_mismatch: number;
  f_dibao_not_received: number;
  f_dibao_above: number;
  f_no_line: number;
  n: number;
}

/** Kept counts per region, status and value of the summaries' facets (work status, band, batch, cause …). */
export interface HouseholdFacetTable {
  id: Generated<number>;
  facet: string;
  region_code: string;
  status: string;
  value: string;
  n: number;
}

export interface HouseholdTable {
  id: Generated<number>;
  worker_no: string;
  region_code: string;
  unit_id: string | null;
  fill_date: string;
  category: string;
  model_worker: string | null;
  name: string;
  gender: string;
  ethnicity: string;
  id_number: string;
  education: string;
  political_status: string;
  skill_level: string | null;
  address: string;
  phone: string;
  employer: string;
  marital_status: string;
  health: string;
  unit_nature: string;
  service_years: number;
  medical_insurance: string;
  disability_grade: string;
  enterprise_status: string;
  work_status: string;
  receives_dibao: number;
  own_annual_income: number;
  household_annual_income: number;
  household_size: number;
  per_capita_income: number;
  household_annual_expense: number;
  medical_expense: number;
  tuition_expense: number;
  accident_expense: number;
  lost_work_capacity: number;
  other_hardship: string | null;
  rights_infringed: number;
  wants_to_start_business: number;
  /** the causes in form order, joined by "," — the household_causes table is what filters use */
  causes: string;
  cause_description: string | null;
  needs: string | null;
  measures: string | null;
  status: string;
  removal_reason: string | null;
  removed_at: string | null;
  /** JSON array of DataWarning */
  warnings: string;
  warning_count: number;
  version: number;
  created_by: number;
  created_at: string;
  updated_by: number;
  updated_at: string;
  fill_year: number;
  id_eligible: ColumnType<number | null, number | null | undefined, number | null>;
  id_c1: Generated<number>;
  id_c2: Generated<number>;
  id_c3: Generated<number>;
  id_special: Generated<number>;
  id_category: ColumnType<string | null, string | null | undefined, string | null>;
  id_flag_mismatch: Generated<number>;
  id_flag_dibao_not_received: Generated<number>;
  id_flag_dibao_above: Generated<number>;
  id_flag_no_line: Generated<number>;
  submitted_at: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_by: ColumnType<number | null, number | null | undefined, number | null>;
  return_reason: ColumnType<string | null, string | null | undefined, string | null>;
  exit_reason: ColumnType<string | null, string | null | undefined, string | null>;
  exit_date: ColumnType<string | null, string | null | undefined, string | null>;
  leader_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  cadre_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** date of the latest assistance record: what the overdue list reads */
  last_assisted_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** an exited file: the day of its next planned 脱困回访 (null: none left, or found fallen back) (migration 032) */
  follow_up_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** an exited file: the follow-ups made since its exit */
  follow_ups_made: Generated<number>;
  /** a file merged into another (重复建档): that file's id (migration 034) */
  merged_into: ColumnType<number | null, number | null | undefined, number | null>;
  urgency_score: ColumnType<number | null, number | null | undefined, number | null>;
  urgency_batch: ColumnType<number | null, number | null | undefined, number | null>;
  /** the day (China) the file was entered (migration 029) */
  created_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** the days (China) the file reached each review step of its current round (migration 024) */
  submitted_on: ColumnType<string | null, string | null | undefined, string | null>;
  approved_on: ColumnType<string | null, string | null | undefined, string | null>;
  filed_on: ColumnType<string | null, string | null | undefined, string | null>;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MeasureTable {
  code: string;
  name: string;
  category: string;
  description: string;
  active: number;
  sort: number;
  updated_by: number | null;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_by: number | null;
  updated_at: string;
}

export interface HouseholdPlanTable {
  id: Generated<number>;
  household_id: number;
  measure_code: string;
  recommended: number;
  reason: string | null;
  target_date: string | null;
  /** planned | inProgress | done | cancelled */
  status: string;
  outcome: string | null;
  updated_by: number;
  updated_at: string;
}

export interface ResponsibilityChangeTable {
  id: Generated<number>;
  household_id: number;
  old_leader_id: number | null;
  new_leader_id: number | null;
  old_cadre_id: number | null;
  new_cadre_id: number | null;
  reason: string | null;
  changed_by: number;
  changed_at: string;
}

export interface WorkingGroupTable {
  region_code: string;
  name: string;
  leader_user_id: number | null;
  updated_at: string;
}

/** A 机关干部 in a working group (one group each). */
export interface WorkingGroupMemberTable {
  region_code: string;
  user_id: number;
}

export interface AssistanceRecordTable {
  id: Generated<number>;
  household_id: number;
  region_code: string;
  date: string;
  year: number;
  type: string;
  amount_fen: number | null;
  description: string;
  solved_problem: number;
  recorded_by: number;
  recorded_at: string;
}

/** Per household and year: its records, 走访 visits, money (fen) and solved problems (kept by a trigger). */
export interface AssistanceHouseholdYearTable {
  household_id: number;
  year: number;
  records: number;
  visits: number;
  money: number;
  solved: number;
}

/** Deltas per year, region and the household's status: households assisted and meeting the target, and sums. */
export interface AssistanceTallyTable {
  id: Generated<number>;
  year: number;
  region_code: string;
  status: string;
  assisted: number;
  records: number;
  visits: number;
  money: number;
  solved: number;
  met: number;
}

/** Deltas per year, region and recording user. */
export interface AssistanceCadreTallyTable {
  id: Generated<number>;
  year: number;
  region_code: string;
  user_id: number;
  records: number;
  visits: number;
  households: number;
  money: number;
  solved: number;
}

export interface ReviewOpinionTable {
  id: Generated<number>;
  household_id: number;
  file_version: number;
  /** unit | city */
  level: string;
  /** agree | return */
  decision: string;
  opinion: string;
  author_id: number;
  author_name: string;
  org_code: string;
  org_name: string;
  at: string;
}

/** A household linked to a user: the city's leaders and staff (定点联系), later the responsible cadres. */
export interface HouseholdLinkTable {
  household_id: number;
  user_id: number;
  /** link | leader | cadre */
  kind: string;
  created_at: string;
}

export interface MemberTable {
  id: Generated<number>;
  household_id: number;
  seq: number;
  name: string;
  relation: string;
  gender: string;
  education: string;
  id_number: string | null;
  health: string;
  disability_grade: string;
  annual_income: number;
  occupation: string;
  unit_or_school: string | null;
  skill_level: string | null;
}

export interface HouseholdCauseTable {
  household_id: number;
  cause: string;
}

export interface HouseholdVersionTable {
  id: Generated<number>;
  household_id: number;
  version: number;
  /** create | update | remove */
  action: string;
  changed_by: number;
  changed_at: string;
  /** JSON array of {path, label, old, new} */
  changes: string;
  reason: string | null;
  /** JSON of the whole file at this version (HouseholdJson without meta) */
  snapshot: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** One row that serializes appends to the audit chain (its hash is the chain's head). */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
  keyed_from: number | null;
  keyed_mac: string | null;
}

export interface PolicySettingsTable {
  id: number;
  /** bumped by every saved change of a line or a ratio */
  version: number;
  marginal_ratio: string;
  expense_ratio: string;
  updated_by: number | null;
  updated_at: string;
}

export interface PolicyLineTable {
  region_code: string;
  year: number;
  monthly_line_fen: number;
  /** 示例: demo figures the city union must replace */
  is_example: number;
  /** the policy version that last set it */
  version: number;
  updated_by: number | null;
  updated_at: string;
}

export interface PolicyChangeTable {
  id: Generated<number>;
  version: number;
  changed_by: number | null;
  changed_at: string;
  /** JSON array of {item, regionCode?, year?, old, new} */
  changes: string;
  reason: string | null;
  job_id: number | null;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** queued | running | done | failed */
  status: string;
  params: string;
  cursor: number;
  done: number;
  total: number;
  changed: number;
  error: string | null;
  created_by: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** the process running it (host:pid:random), and until when its lease holds without renewal */
  lease_owner: string | null;
  lease_until: string | null;
}

export interface IdentificationChangeTable {
  id: Generated<number>;
  job_id: number;
  household_id: number;
  old_eligible: number | null;
  new_eligible: number | null;
  old_category: string | null;
  new_category: string | null;
}

export interface RemovalProposalTable {
  id: Generated<number>;
  household_id: number;
  region_code: string;
  /** pending | confirmed | rejected | withdrawn */
  status: string;
  reason: string;
  result: string;
  file_version: number;
  policy_version: number | null;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
}

export interface ImportTable {
  id: Generated<number>;
  file_name: string;
  files: string;
  /** analyzing | analyzed | committing | committed | failed | cancelled */
  status: string;
  file_error: string | null;
  rows: Generated<number>;
  new_count: Generated<number>;
  changed_count: Generated<number>;
  unchanged_count: Generated<number>;
  error_count: Generated<number>;
  error_lines: Generated<number>;
  warning_count: Generated<number>;
  good_rows_only: number | null;
  created_count: number | null;
  updated_count: number | null;
  skipped_count: number | null;
  /** rows not written because their file changed after the check (migration 016) */
  stale_count: number | null;
  job_id: number | null;
  created_by: number;
  created_at: string;
  analyzed_at: string | null;
  committed_at: string | null;
  /** 1: the old 困难职工数据库, what campaigns' baselines are counted from (migration 025) */
  old_database: ColumnType<number, number | undefined, number>;
}

export interface ImportRawTable {
  import_id: number;
  sheet: 'w' | 'm';
  row_no: number;
  key: string | null;
  cells: string;
}

export interface ImportRowTable {
  import_id: number;
  seq: number;
  row_no: number;
  status: 'new' | 'changed' | 'unchanged' | 'error' | 'stale';
  worker_no: string | null;
  name: string | null;
  id_number: string | null;
  household_id: number | null;
  household_version: number | null;
  data: string | null;
  changes: string | null;
  warnings: string | null;
  /** why a stale row was not written (migration 016) */
  note: Generated<string | null>;
}

export interface ImportErrorTable {
  id: Generated<number>;
  import_id: number;
  sheet: string;
  row_no: number;
  column_label: string;
  value: string | null;
  message: string;
}

/**
 * A file's stored result as shown (the identification's JSON with its explanation, the versions and
 * time it was computed from, the urgency's parts): rewritten by every re-evaluation, so it is kept
 * apart from the wide, much indexed households row (migration 014).
 */
export interface CampaignTable {
  id: Generated<number>;
  name: string;
  year: number;
  start_date: string;
  end_date: string;
  /** JSON array of {name, startDate, endDate} */
  phases: string;
  version: number;
  created_by: number;
  created_at: string;
  updated_by: number;
  updated_at: string;
}

export interface CampaignDeadlineTable {
  id: Generated<number>;
  campaign_id: number;
  /** data | report */
  kind: string;
  label: string;
  due_date: string;
  sort: number;
  /** a report deadline: 调研报告 each required county union / unit owes (migration 026) */
  reports_per_region: ColumnType<number | null, number | null | undefined, number | null>;
  reports_per_unit: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ResearchReportTable {
  id: Generated<number>;
  campaign_id: number;
  deadline_id: number;
  org_code: string;
  title: string;
  summary: string;
  file_name: string;
  file_kind: string;
  file_size: number;
  /** submitted | returned | accepted */
  status: string;
  on_time: number;
  replaced: ColumnType<number, number | undefined, number>;
  submitted_by: number;
  first_submitted_at: string;
  submitted_at: string;
  decided_by: number | null;
  decided_at: string | null;
  opinion: string | null;
}

export interface BulletinTable {
  id: Generated<number>;
  year: number;
  seq: number;
  campaign_id: number;
  as_of: string;
  title: string;
  recipients: string;
  paragraphs: string;
  data: string;
  /** draft | published */
  status: string;
  version: number;
  created_by: number;
  created_at: string;
  updated_by: number;
  updated_at: string;
  published_at: string | null;
}

export interface AssessmentRubricTable {
  year: number;
  items: string;
  version: number;
  updated_by: number;
  updated_at: string;
}

export interface AssessmentAdjustmentTable {
  id: Generated<number>;
  year: number;
  org_code: string;
  tenths: number;
  reason: string;
  created_by: number;
  created_at: string;
}

export interface FollowUpTable {
  id: Generated<number>;
  household_id: number;
  region_code: string;
  exit_date: string;
  date: string;
  outcome: string;
  note: string;
  reopened: Generated<number>;
  recorded_by: number;
  recorded_at: string;
}

/** 档案转移 (migration 033): a request to move a file to another region or unit, and its decision. */
export interface TransferTable {
  id: Generated<number>;
  household_id: number;
  from_region_code: string;
  from_unit_id: string | null;
  to_region_code: string;
  to_unit_id: string | null;
  side: string;
  reason: string;
  status: string;
  old_worker_no: string;
  new_worker_no: string | null;
  requested_by: number;
  requested_org: string;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  opinion: string | null;
}

/** 重复建档排查 (migration 034): a pair of live files found alike, and what was decided. */
export interface DuplicatePairTable {
  id: Generated<number>;
  a_id: number;
  b_id: number;
  kind: string;
  shared: string;
  region_a: string;
  region_b: string;
  status: string;
  found_at: string;
  seen_by: number;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
}

/** A 民政低保名单 a region (or the city) imported (migration 035). */
export interface DibaoListTable {
  id: Generated<number>;
  region_code: string;
  month: string;
  source: string;
  file_name: string;
  rows: number;
  bad_rows: number;
  matched_persons: number;
  matched_households: number;
  f_declared_not_listed: number;
  f_listed_not_declared: number;
  f_listed_above_line: number;
  open_findings: Generated<number>;
  imported_by: number;
  imported_at: string;
}

/** A person of a list who is a worker or member of a live file. */
export interface DibaoPersonTable {
  id: Generated<number>;
  list_id: number;
  household_id: number;
  row_no: number;
  name: string;
  id_number: string;
  relation: string;
  household_size: number | null;
  monthly_fen: number | null;
}

export interface DibaoListErrorTable {
  list_id: number;
  row_no: number;
  col: string;
  value: string;
  message: string;
}

export interface DibaoFindingTable {
  id: Generated<number>;
  list_id: number;
  household_id: number;
  region_code: string;
  kind: string;
  status: string;
  detail: string;
  resolved_by: number | null;
  resolved_at: string | null;
  reason: string | null;
}

/** Open 低保 findings per region and kind (kept by the dibao service). */
export interface DibaoOpenTallyTable {
  region_code: string;
  kind: string;
  n: number;
}

/** A worker number a file had in a region it left (migration 033): the old number still finds it. */
export interface HouseholdFormerNumberTable {
  worker_no: string;
  household_id: number;
  region_code: string;
  until: string;
}

export interface AssessmentResultTable {
  year: number;
  level: string;
  data: string;
  finalized_by: number;
  finalized_at: string;
}

export interface CommendationTable {
  id: Generated<number>;
  year: number;
  kind: string;
  org_code: string;
  user_id: number | null;
  title: string;
  reason: string;
  source: string;
  status: string;
  proposed_by: number;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  opinion: string | null;
}

export interface BulletinReadTable {
  bulletin_id: number;
  user_id: number;
  org_code: string;
  read_at: string;
}

export interface ResearchReportFileTable {
  report_id: number;
  content: Buffer;
}

export interface CampaignOrgTable {
  campaign_id: number;
  org_code: string;
}

export interface CampaignBaselineTable {
  campaign_id: number;
  org_code: string;
  households: number;
  updated_by: number;
  updated_at: string;
}

export interface SubmissionTable {
  id: Generated<number>;
  campaign_id: number;
  deadline_id: number;
  org_code: string;
  round: number;
  /** submitted | returned | accepted */
  status: string;
  on_time: number;
  note: string | null;
  file_count: number;
  /** JSON {status: n} and {category: n} of the organization's files of the campaign year at submission */
  by_status: string;
  by_category: string;
  submitted_by: number;
  submitted_at: string;
  decided_by: number | null;
  decided_at: string | null;
  opinion: string | null;
}

/** The files a submission froze, at the version they had. */
export interface SubmissionFileTable {
  submission_id: number;
  household_id: number;
  worker_no: string;
  version: number;
}

export interface HouseholdResultTable {
  household_id: number;
  /** JSON of IdentifyResult */
  id_result: string | null;
  id_policy_version: number | null;
  id_file_version: number | null;
  id_at: string | null;
  /** JSON array of UrgencyPart */
  urgency_parts: string | null;
}

export interface Database {
  imports: ImportTable;
  import_raw: ImportRawTable;
  import_rows: ImportRowTable;
  import_errors: ImportErrorTable;
  measures: MeasureTable;
  settings: SettingTable;
  household_plans: HouseholdPlanTable;
  responsibility_changes: ResponsibilityChangeTable;
  working_groups: WorkingGroupTable;
  assistance_records: AssistanceRecordTable;
  assistance_household_year: AssistanceHouseholdYearTable;
  assistance_tally: AssistanceTallyTable;
  assistance_cadre_tally: AssistanceCadreTallyTable;
  review_opinions: ReviewOpinionTable;
  household_links: HouseholdLinkTable;
  policy_settings: PolicySettingsTable;
  policy_lines: PolicyLineTable;
  policy_changes: PolicyChangeTable;
  jobs: JobTable;
  identification_changes: IdentificationChangeTable;
  removal_proposals: RemovalProposalTable;
  orgs: OrgTable;
  campaigns: CampaignTable;
  working_group_members: WorkingGroupMemberTable;
  campaign_deadlines: CampaignDeadlineTable;
  campaign_orgs: CampaignOrgTable;
  campaign_baselines: CampaignBaselineTable;
  submissions: SubmissionTable;
  submission_files: SubmissionFileTable;
  research_reports: ResearchReportTable;
  research_report_files: ResearchReportFileTable;
  bulletins: BulletinTable;
  bulletin_reads: BulletinReadTable;
  assessment_rubrics: AssessmentRubricTable;
  assessment_adjustments: AssessmentAdjustmentTable;
  commendations: CommendationTable;
  assessment_results: AssessmentResultTable;
  follow_ups: FollowUpTable;
  transfers: TransferTable;
  household_former_numbers: HouseholdFormerNumberTable;
  duplicate_pairs: DuplicatePairTable;
  dibao_lists: DibaoListTable;
  dibao_persons: DibaoPersonTable;
  dibao_list_errors: DibaoListErrorTable;
  dibao_findings: DibaoFindingTable;
  dibao_open_tally: DibaoOpenTallyTable;
  users: UserTable;
  user_approvals: UserApprovalTable;
  sessions: SessionTable;
  worker_no_counters: WorkerNoCounterTable;
  households: HouseholdTable;
  household_results: HouseholdResultTable;
  household_tally: HouseholdTallyTable;
  household_facets: HouseholdFacetTable;
  household_members: MemberTable;
  household_causes: HouseholdCauseTable;
  household_versions: HouseholdVersionTable;
  audit_log: AuditTable;
  audit_head: AuditHeadTable;
}
