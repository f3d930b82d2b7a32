// SQL of the campaign tables: campaigns, their deadlines, the organizations that must submit, the
// old database's counts (baselines), submissions and the files each froze. Only this file writes them.
import { sql } from 'kysely';
import { DEFAULT_REPORTS_OWED, type CampaignData } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';

export type CampaignRow = Awaited<ReturnType<typeof campaignRows>>[number];

export async function campaignRows(db: Q, id?: number) {
  return db.selectFrom('campaigns').selectAll().$if(id !== undefined, (q) => q.where('id', '=', id!))
    .orderBy('start_date', 'desc').orderBy('id', 'desc').execute();
}

export async function deadlineRows(db: Q, campaignIds: number[]) {
  if (campaignIds.length === 0) return [];
  return db.selectFrom('campaign_deadlines').selectAll().where('campaign_id', 'in', campaignIds).orderBy('campaign_id').orderBy('sort').execute();
}

export async function requiredOrgRows(db: Q, campaignIds: number[]) {
  if (campaignIds.length === 0) return [];
  return db.selectFrom('campaign_orgs').innerJoin('orgs', 'orgs.code', 'campaign_orgs.org_code')
    .select(['campaign_orgs.campaign_id', 'orgs.code', 'orgs.name', 'orgs.kind', 'orgs.large_enterprise', 'orgs.sort'])
    .where('campaign_orgs.campaign_id', 'in', campaignIds).orderBy('orgs.kind').orderBy('orgs.sort').orderBy('orgs.code').execute();
}

export async function insertCampaign(trx: Q, c: CampaignData, by: number, at: string): Promise<number> {
  const row = await trx.insertInto('campaigns').values({
    name: c.name, year: c.year, start_date: c.startDate, end_date: c.endDate, phases: JSON.stringify(c.phases),
    version: 1, created_by: by, created_at: at, updated_by: by, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The campaign's own row, if still at `version` (false when someone saved it meanwhile). */
export async function updateCampaignRow(trx: Q, id: number, version: number, c: CampaignData, by: number, at: string): Promise<boolean> {
  const r = await trx.updateTable('campaigns').set({
    name: c.name, year: c.year, start_date: c.startDate, end_date: c.endDate, phases: JSON.stringify(c.phases),
    version: version + 1, updated_by: by, updated_at: at,
  }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deadlines as entered: kept ones updated in place (their submissions stay theirs), new ones added, missing ones removed. */
/** A report deadline's reports owed (core's defaults when not given); none for a data deadline. */
const reportsOwed = (d: CampaignData['deadlines'][number]) => d.kind === 'report'
  ? { reports_per_region: d.reportsPerRegion ?? DEFAULT_REPORTS_OWED.region, reports_per_unit: d.reportsPerUnit ?? DEFAULT_REPORTS_OWED.unit }
  : { reports_per_region: null, reports_per_unit: null };

export async function saveDeadlines(trx: Q, campaignId: number, deadlines: CampaignData['deadlines']): Promise<void> {
  const kept = deadlines.filter((d) => d.id !== undefined).map((d) => d.id!);
  let del = trx.deleteFrom('campaign_deadlines').where('campaign_id', '=', campaignId);
  if (kept.length) del = del.where('id', 'not in', kept);
  await del.execute();
  for (const [i, d] of deadlines.entries()) {
    if (d.id !== undefined)
      await trx.updateTable('campaign_deadlines').set({ kind: d.kind, label: d.label, due_date: d.dueDate, sort: i, ...reportsOwed(d) }).where('id', '=', d.id).where('campaign_id', '=', campaignId).execute();
    else await trx.insertInto('campaign_deadlines').values({ campaign_id: campaignId, kind: d.kind, label: d.label, due_date: d.dueDate, sort: i, ...reportsOwed(d) }).execute();
  }
}

export async function saveRequiredOrgs(trx: Q, campaignId: number, codes: string[]): Promise<void> {
  await trx.deleteFrom('campaign_orgs').where('campaign_id', '=', campaignId).execute();
  if (codes.length) await trx.insertInto('campaign_orgs').values(codes.map((org_code) => ({ campaign_id: campaignId, org_code }))).execute();
}

export async function baselineRows(db: Q, campaignId: number) {
  const rows = await db.selectFrom('campaign_baselines').select(['org_code', 'households']).where('campaign_id', '=', campaignId).execute();
  return new Map(rows.map((r) => [r.org_code, Number(r.households)]));
}

export async function saveBaselines(trx: Q, campaignId: number, items: { orgCode: string; households: number | null }[], by: number, at: string): Promise<void> {
  const codes = items.map((i) => i.orgCode);
  if (codes.length) await trx.deleteFrom('campaign_baselines').where('campaign_id', '=', campaignId).where('org_code', 'in', codes).execute();
  const rows = items.filter((i) => i.households !== null).map((i) => ({ campaign_id: campaignId, org_code: i.orgCode, households: i.households!, updated_by: by, updated_at: at }));
  if (rows.length) await trx.insertInto('campaign_baselines').values(rows).execute();
}

// ---- submissions ---------------------------------------------------------------------------

const SUBMISSION_COLUMNS = [
  'submissions.id', 'submissions.campaign_id', 'submissions.deadline_id', 'submissions.org_code', 'submissions.round', 'submissions.status',
  'submissions.on_time', 'submissions.note', 'submissions.file_count', 'submissions.by_status', 'submissions.by_category',
  'submissions.submitted_at', 'submissions.decided_at', 'submissions.opinion',
] as const;

/** Submissions with their deadline, organization and people's names: of a campaign (an organization's only, when given), or one by id. */
export async function submissionRows(db: Q, f: { campaignId?: number; orgCode?: string; id?: number; status?: string }) {
  return db.selectFrom('submissions')
    .innerJoin('campaign_deadlines as d', 'd.id', 'submissions.deadline_id')
    .innerJoin('orgs', 'orgs.code', 'submissions.org_code')
    .innerJoin('users as s', 's.id', 'submissions.submitted_by')
    .leftJoin('users as c', 'c.id', 'submissions.decided_by')
    .select([...SUBMISSION_COLUMNS, 'd.label as deadline_label', 'd.due_date', 'orgs.name as org_name', 's.display_name as submitter', 'c.display_name as decider'])
    .$if(f.campaignId !== undefined, (q) => q.where('submissions.campaign_id', '=', f.campaignId!))
    .$if(f.orgCode !== undefined, (q) => q.where('submissions.org_code', '=', f.orgCode!))
    .$if(f.id !== undefined, (q) => q.where('submissions.id', '=', f.id!))
    .$if(f.status !== undefined, (q) => q.where('submissions.status', '=', f.status!))
    .orderBy('submissions.id', 'desc').execute();
}
export type SubmissionRow = Awaited<ReturnType<typeof submissionRows>>[number];

/** The latest submission per (deadline, organization) of these deadlines: each organization's state. */
export async function latestSubmissions(db: Q, deadlineIds: number[]) {
  if (deadlineIds.length === 0) return [];
  return db.selectFrom('submissions').select(['id', 'deadline_id', 'org_code', 'status', 'on_time', 'submitted_at', 'round'])
    .where('id', 'in', (eb) => eb.selectFrom('submissions').select((e) => e.fn.max('id').as('id')).where('deadline_id', 'in', deadlineIds).groupBy(['deadline_id', 'org_code']))
    .execute();
}

/**
 * Each organization's latest submission for a deadline made before `before`, with its status then:
 * a decision taken after that moment had not been taken yet.
 */
export async function submissionsAsOf(db: Q, deadlineId: number, before: string) {
  const rows = await db.selectFrom('submissions').select(['id', 'deadline_id', 'org_code', 'status', 'on_time', 'submitted_at', 'round', 'decided_at'])
    .where('deadline_id', '=', deadlineId).where('submitted_at', '<', before).orderBy('id').execute();
  const latest = new Map(rows.map((r) => [r.org_code, r]));
  return [...latest.values()].map((r) => ({ ...r, status: r.decided_at && r.decided_at < before ? r.status : 'submitted' }));
}

export async function insertSubmission(trx: Q, s: {
  campaignId: number; deadlineId: number; orgCode: string; round: number; onTime: boolean; note: string | null;
  byStatus: Record<string, number>; byCategory: Record<string, number>; by: number; at: string;
}): Promise<number> {
  const row = await trx.insertInto('submissions').values({
    campaign_id: s.campaignId, deadline_id: s.deadlineId, org_code: s.orgCode, round: s.round, status: 'submitted', on_time: s.onTime ? 1 : 0,
    note: s.note, file_count: 0, by_status: JSON.stringify(s.byStatus), by_category: JSON.stringify(s.byCategory), submitted_by: s.by, submitted_at: s.at,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Freezes the files a submission covers, in one statement: worker number and version of each file
 * of the organization (a region, or a unit's subtree) and year in these statuses. Returns how many.
 */
export async function freezeFiles(trx: Q, submissionId: number, org: { regionCode: string; unitCode?: string }, year: number, statuses: readonly string[]): Promise<number> {
  const unit = org.unitCode;
  const where = unit
    ? sql`(unit_id = ${unit} or unit_id like ${`${unit}-%`})`
    : sql`region_code = ${org.regionCode}`;
  const statusList = sql.join(statuses.map((s) => sql.lit(s)));
  await sql`insert into submission_files (submission_id, household_id, worker_no, version)
    select ${submissionId}, id, worker_no, version from households where ${where} and fill_year = ${year} and status in (${statusList})`.execute(trx);
  const [{ n }] = await trx.selectFrom('submission_files').select((eb) => eb.fn.countAll<number>().as('n')).where('submission_id', '=', submissionId).execute();
  await trx.updateTable('submissions').set({ file_count: Number(n) }).where('id', '=', submissionId).execute();
  return Number(n);
}

/** A decision, if the submission still waits for one (false when decided meanwhile). */
export async function decideSubmission(trx: Q, id: number, d: { status: 'accepted' | 'returned'; opinion: string | null; by: number; at: string }): Promise<boolean> {
  const r = await trx.updateTable('submissions').set({ status: d.status, opinion: d.opinion, decided_by: d.by, decided_at: d.at })
    .where('id', '=', id).where('status', '=', 'submitted').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countRounds(db: Q, deadlineId: number, orgCode: string): Promise<number> {
  const [{ n }] = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('deadline_id', '=', deadlineId).where('org_code', '=', orgCode).execute();
  return Number(n);
}
