// HouseholdData (core, fen) ↔ table rows. The only place that knows both shapes.
import { CAUSES, perCapitaFen, urgencyOf, type DataWarning, type HouseholdData, type HouseholdStatus, type IdentifyResult, type MemberData } from '@bangfu/core';
import type { AssistanceSettings } from '../settings/settings.service.js';
import type { Insertable, Selectable } from 'kysely';
import type { HouseholdResultTable, HouseholdTable, MemberTable } from '../../db/schema.js';

type HouseholdRow = Selectable<HouseholdTable>;
type MemberRow = Selectable<MemberTable>;

const b = (v: boolean) => (v ? 1 : 0);

/** The columns that hold the file's own fields (not the system's). */
export function fileColumns(h: HouseholdData) {
  return {
    region_code: h.regionCode,
    unit_id: h.unitId,
    fill_date: h.fillDate,
    fill_year: Number(h.fillDate.slice(0, 4)),
    category: h.category,
    model_worker: h.modelWorker,
    name: h.name,
    gender: h.gender,
    ethnicity: h.ethnicity,
    id_number: h.idNumber,
    education: h.education,
    political_status: h.politicalStatus,
    skill_level: h.skillLevel,
    address: h.address,
    phone: h.phone,
    employer: h.employer,
    marital_status: h.maritalStatus,
    health: h.health,
    unit_nature: h.unitNature,
    service_years: h.serviceYears,
    medical_insurance: h.medicalInsurance,
    disability_grade: h.disabilityGrade,
    enterprise_status: h.enterpriseStatus,
    work_status: h.workStatus,
    receives_dibao: b(h.receivesDibao),
    own_annual_income: h.ownAnnualIncome,
    household_annual_income: h.householdAnnualIncome,
    household_size: h.householdSize,
    per_capita_income: perCapitaFen(h.householdAnnualIncome, h.householdSize),
    household_annual_expense: h.householdAnnualExpense,
    medical_expense: h.medicalExpense,
    tuition_expense: h.tuitionExpense,
    accident_expense: h.accidentExpense,
    lost_work_capacity: b(h.lostWorkCapacity),
    other_hardship: h.otherHardship,
    rights_infringed: b(h.rightsInfringed),
    wants_to_start_business: b(h.wantsToStartBusiness),
    causes: h.causes.join(','),
    cause_description: h.causeDescription,
    needs: h.needs,
    measures: h.measures,
  } satisfies Partial<Insertable<HouseholdTable>>;
}

/** Each member field and its column: both directions below read this one table (in the file's field order). */
const MEMBER_COLUMNS = {
  name: 'name', relation: 'relation', gender: 'gender', education: 'education', idNumber: 'id_number', health: 'health',
  disabilityGrade: 'disability_grade', annualIncome: 'annual_income', occupation: 'occupation', unitOrSchool: 'unit_or_school', skillLevel: 'skill_level',
} as const satisfies Record<keyof MemberData, Exclude<keyof MemberTable, 'id' | 'household_id' | 'seq'>>;
const memberFields = Object.entries(MEMBER_COLUMNS) as [keyof MemberData, keyof MemberRow][];

export function memberRows(householdId: number, members: MemberData[]): Insertable<MemberTable>[] {
  return members.map((m, seq) => ({ household_id: householdId, seq, ...Object.fromEntries(memberFields.map(([f, c]) => [c, m[f]])) }) as Insertable<MemberTable>);
}

/** The columns rowToData reads: a batch job selects these, not the whole row (half of it is the system's). */
export const DATA_COLUMNS = [
  'worker_no', 'region_code', 'unit_id', 'fill_date', 'category', 'model_worker', 'name', 'gender', 'ethnicity', 'id_number', 'education',
  'political_status', 'skill_level', 'address', 'phone', 'employer', 'marital_status', 'health', 'unit_nature', 'service_years',
  'medical_insurance', 'disability_grade', 'enterprise_status', 'work_status', 'receives_dibao', 'own_annual_income', 'household_annual_income',
  'household_size', 'household_annual_expense', 'medical_expense', 'tuition_expense', 'accident_expense', 'lost_work_capacity', 'other_hardship',
  'rights_infringed', 'wants_to_start_business', 'causes', 'cause_description', 'needs', 'measures',
] as const satisfies readonly (keyof HouseholdTable)[];

/** The stored result's columns that indexes and counts hold (the explanation and its time are not compared). */
export const RESULT_COLUMNS = [
  'id_eligible', 'id_c1', 'id_c2', 'id_c3', 'id_special', 'id_category', 'id_flag_mismatch', 'id_flag_dibao_not_received', 'id_flag_dibao_above',
  'id_flag_no_line', 'urgency_score', 'urgency_batch',
] as const satisfies readonly (keyof HouseholdTable)[];

/** The columns of a stored result kept in household_results (the rest of identificationColumns and urgencyColumns are the file's). */
export const RESULT_TABLE_COLUMNS = ['id_result', 'id_policy_version', 'id_file_version', 'id_at', 'urgency_parts'] as const satisfies readonly (keyof HouseholdResultTable)[];

type StoredColumns = Partial<Insertable<HouseholdTable> & Omit<Insertable<HouseholdResultTable>, 'household_id'>>;

const IN_RESULT_TABLE: ReadonlySet<string> = new Set(RESULT_TABLE_COLUMNS);

/** A row of identificationColumns and urgencyColumns, split into the file's columns and its household_results row. */
export function splitStored<T extends Record<string, unknown>>(row: T): { file: Record<string, unknown>; result: Record<string, unknown> | null } {
  const file: Record<string, unknown> = {};
  let result: Record<string, unknown> | null = null;
  for (const k in row) {
    const v = row[k];
    if (IN_RESULT_TABLE.has(k)) (result ??= {})[k] = v;
    else file[k] = v;
  }
  return { file, result };
}

export function rowToData(r: Pick<HouseholdRow, (typeof DATA_COLUMNS)[number]>, members: MemberRow[]): HouseholdData {
  return {
    workerNo: r.worker_no,
    regionCode: r.region_code,
    unitId: r.unit_id,
    fillDate: r.fill_date,
    category: r.category as HouseholdData['category'],
    modelWorker: r.model_worker as HouseholdData['modelWorker'],
    name: r.name,
    gender: r.gender as HouseholdData['gender'],
    ethnicity: r.ethnicity as HouseholdData['ethnicity'],
    idNumber: r.id_number,
    education: r.education as HouseholdData['education'],
    politicalStatus: r.political_status as HouseholdData['politicalStatus'],
    skillLevel: r.skill_level,
    address: r.address,
    phone: r.phone,
    employer: r.employer,
    maritalStatus: r.marital_status as HouseholdData['maritalStatus'],
    health: r.health,
    unitNature: r.unit_nature as HouseholdData['unitNature'],
    serviceYears: r.service_years,
    medicalInsurance: r.medical_insurance as HouseholdData['medicalInsurance'],
    disabilityGrade: r.disability_grade as HouseholdData['disabilityGrade'],
    enterpriseStatus: r.enterprise_status as HouseholdData['enterpriseStatus'],
    workStatus: r.work_status as HouseholdData['workStatus'],
    receivesDibao: !!r.receives_dibao,
    ownAnnualIncome: r.own_annual_income,
    householdAnnualIncome: r.household_annual_income,
    householdSize: r.household_size,
    householdAnnualExpense: r.household_annual_expense,
    medicalExpense: r.medical_expense,
    tuitionExpense: r.tuition_expense,
    accidentExpense: r.accident_expense,
    lostWorkCapacity: !!r.lost_work_capacity,
    otherHardship: r.other_hardship,
    rightsInfringed: !!r.rights_infringed,
    wantsToStartBusiness: !!r.wants_to_start_business,
    // the columns hold the values the file's schema checked when they were written
    members: [...members].sort((a, c) => a.seq - c.seq).map((m) => Object.fromEntries(memberFields.map(([f, c]) => [f, m[c]])) as MemberData),
    causes: CAUSES.filter((c) => r.causes.split(',').includes(c)),
    causeDescription: r.cause_description,
    needs: r.needs,
    measures: r.measures,
  };
}

export function rowMeta(r: HouseholdRow) {
  return {
    id: Number(r.id),
    workerNo: r.worker_no,
    version: r.version,
    status: r.status as HouseholdStatus,
    removalReason: r.removal_reason,
    warnings: JSON.parse(r.warnings) as DataWarning[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The stored identification result: the columns lists filter on, and the whole result as JSON. */
export function identificationColumns(r: IdentifyResult, fileVersion: number, at: string) {
  return {
    id_eligible: r.eligible === null ? null : b(r.eligible),
    id_c1: b(r.conditions.includes('C1')),
    id_c2: b(r.conditions.includes('C2')),
    id_c3: b(r.conditions.includes('C3')),
    id_special: b(r.specialReasons.length > 0),
    id_category: r.category,
    id_flag_mismatch: b(r.flags.includes('categoryMismatch')),
    id_flag_dibao_not_received: b(r.flags.includes('dibaoNotReceived')),
    id_flag_dibao_above: b(r.flags.includes('dibaoAboveLine')),
    id_flag_no_line: b(r.flags.includes('noLine')),
    id_policy_version: r.policy.version,
    id_file_version: fileVersion,
    id_result: JSON.stringify(r),
    id_at: at,
  } satisfies StoredColumns;
}

/** The urgency score's columns (分期分批) for a file and its result. */
export function urgencyColumns(data: HouseholdData, result: IdentifyResult | null, s: AssistanceSettings) {
  const u = urgencyOf(data, result, s.urgencyWeights, s.batchThresholds);
  return { urgency_score: u.score, urgency_batch: u.batch, urgency_parts: JSON.stringify(u.parts) } satisfies StoredColumns;
}

/** Members of many households, grouped by household id (rows in the order given). */
export function groupMembers<M extends { household_id: number | bigint | string }>(members: M[]): Map<number, M[]> {
  const by = new Map<number, M[]>();
  for (const m of members) {
    const list = by.get(Number(m.household_id));
    if (list) list.push(m);
    else by.set(Number(m.household_id), [m]);
  }
  return by;
}
