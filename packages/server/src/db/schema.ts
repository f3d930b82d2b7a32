// Table types for Kysely. Booleans are stored as 0/1 integers and timestamps as ISO-8601 UTC
// text on both databases, so one code base reads the same values back from SQLite and PostgreSQL.
// Money is integer fen. Dates are `YYYY-MM-DD` text.
import type { Generated } from 'kysely';

export interface OrgTable {
  code: string;
  name: string;
  parent_code: string | null;
  /** city | region | unit */
  kind: string;
  active: number;
  sort: number;
  created_at: string;
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
}

export interface Database {
  orgs: OrgTable;
  users: UserTable;
  sessions: SessionTable;
  worker_no_counters: WorkerNoCounterTable;
  households: HouseholdTable;
  household_members: MemberTable;
  household_causes: HouseholdCauseTable;
  household_versions: HouseholdVersionTable;
  audit_log: AuditTable;
  audit_head: AuditHeadTable;
}
