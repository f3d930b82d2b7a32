// Reads a submission needs across tables: the organization's files of the campaign year by status
// and category (frozen into the submission), the frozen files as they were (from each file's
// version row), and the submissions that froze a given file.
import type { HouseholdData } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { householdScope } from '../access/scope.js';
import { DATA_COLUMNS, groupMembers, rowToData } from '../households/household.mapping.js';

export interface SubmittingOrg { code: string; regionCode: string; unitCode?: string }

const inOrg = (org: SubmittingOrg) => <T extends { where: (...a: any[]) => T }>(q: T): T =>
  org.unitCode
    ? q.where((eb: any) => eb.or([eb('unit_id', '=', org.unitCode), eb('unit_id', 'like', `${org.unitCode}-%`)]))
    : q.where('region_code', '=', org.regionCode);

/** The organization's files of the year, by status and by category (categories of the submitted statuses only). */
export async function orgFileCounts(db: Q, org: SubmittingOrg, year: number, submittedStatuses: readonly string[]) {
  const rows = await inOrg(org)(db.selectFrom('households').select(['status', 'category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('fill_year', '=', year)).groupBy(['status', 'category']).execute();
  const byStatus: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
    if (submittedStatuses.includes(r.status)) byCategory[r.category] = (byCategory[r.category] ?? 0) + Number(r.n);
  }
  return { byStatus, byCategory };
}

/**
 * The frozen files in worker-number order, a page at a time, as they were at the frozen version
 * (the file's version row). A file without that row (loaded in bulk, never changed since) is read
 * as it is now when its version is still the frozen one; `missing` counts those that cannot be
 * rebuilt (changed since, with no row of the frozen version).
 */
export async function* frozenFilePages(db: Q, submissionId: number, pageSize: number, missing: { n: number }) {
  let last = '';
  for (;;) {
    const keys = await db.selectFrom('submission_files').select(['household_id', 'worker_no', 'version'])
      .where('submission_id', '=', submissionId).where('worker_no', '>', last).orderBy('worker_no').limit(pageSize).execute();
    if (keys.length === 0) return;
    last = keys[keys.length - 1].worker_no;
    const ids = keys.map((k) => Number(k.household_id));
    const snaps = await db.selectFrom('household_versions').innerJoin('submission_files as f', (j) =>
      j.onRef('f.household_id', '=', 'household_versions.household_id').onRef('f.version', '=', 'household_versions.version'))
      .select(['household_versions.household_id', 'household_versions.snapshot'])
      .where('f.submission_id', '=', submissionId).where('f.household_id', 'in', ids).execute();
    const bySnap = new Map(snaps.map((s) => [Number(s.household_id), JSON.parse(s.snapshot) as HouseholdData]));
    const without = keys.filter((k) => !bySnap.has(Number(k.household_id)));
    const now = new Map<number, HouseholdData>();
    if (without.length) {
      const rows = await db.selectFrom('households').select([...DATA_COLUMNS, 'id', 'version']).where('id', 'in', without.map((k) => Number(k.household_id))).execute();
      const members = groupMembers(await db.selectFrom('household_members').selectAll().where('household_id', 'in', rows.map((r) => Number(r.id))).orderBy('household_id').orderBy('seq').execute());
      const frozen = new Map(without.map((k) => [Number(k.household_id), Number(k.version)]));
      for (const r of rows) {
        if (Number(r.version) !== frozen.get(Number(r.id))) { missing.n++; continue; }
        now.set(Number(r.id), rowToData(r, members.get(Number(r.id)) ?? []));
      }
    }
    yield keys.flatMap((k) => {
      const h = bySnap.get(Number(k.household_id)) ?? now.get(Number(k.household_id));
      return h ? [{ ...h, workerNo: k.worker_no }] : [];
    });
  }
}

/** The submissions that froze this file, newest first, with whether the file changed since. */
export async function submissionsOfFile(db: Q, householdId: number) {
  return db.selectFrom('submission_files as f')
    .innerJoin('submissions as s', 's.id', 'f.submission_id')
    .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
    .innerJoin('campaign_deadlines as d', 'd.id', 's.deadline_id')
    .innerJoin('orgs as o', 'o.code', 's.org_code')
    .innerJoin('households as h', 'h.id', 'f.household_id')
    .select(['s.id as submission_id', 'c.name as campaign_name', 'd.label as deadline_label', 'o.name as org_name', 's.status', 's.submitted_at', 'f.version', 'h.version as current_version'])
    .where('f.household_id', '=', householdId).orderBy('s.id', 'desc').execute();
}

/** Whether the caller may see this file (its reported state is shown only then). */
export async function fileVisible(db: Q, actor: Actor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('households').select('id').where('id', '=', id).where(householdScope(actor)).executeTakeFirst());
}
