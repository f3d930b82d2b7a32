// Re-evaluates the live files of the (region, year) pairs a policy change touched, in batches
// by id. Each batch is one transaction: results, proposals, the list of changed files, the job's
// cursor and one audit row naming the files whose eligibility or category changed.
import { identify } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { appendAudit } from '../audit/audit.repository.js';
import { rowToData } from '../households/household.mapping.js';
import type { JobHandler, JobRow } from '../jobs/job-runner.js';
import { getSettings, policyFor } from '../policy/policy.repository.js';
import { applyResult, urgencyColumns } from './evaluate.js';
import { getAssistanceSettings } from '../assistance/settings.service.js';

const BATCH = 500;

interface Params {
  policyVersion: number;
  pairs: { regionCode: string; year: number }[];
}

function inPairs(params: Params) {
  return (eb: any) => eb.or(params.pairs.map((p) => eb.and([eb('region_code', '=', p.regionCode), eb('fill_year', '=', p.year)])));
}

export const reevaluateJob: JobHandler = {
  async count(db: Db, job: JobRow) {
    const params = JSON.parse(job.params) as Params;
    if (params.pairs.length === 0) return 0;
    const r = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'not in', ['removed', 'exited']).where(inPairs(params)).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async batch(db: Db, job: JobRow) {
    const params = JSON.parse(job.params) as Params;
    if (params.pairs.length === 0) return null;
    // Reads and writes in one transaction, so a file edited meanwhile is not overwritten with a
    // result computed from its older content.
    return db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('households').selectAll().where('status', 'not in', ['removed', 'exited']).where(inPairs(params))
        .where('id', '>', job.cursor).orderBy('id').limit(BATCH).execute();
      if (rows.length === 0) return null;
      const ids = rows.map((r) => Number(r.id));
      const members = await trx.selectFrom('household_members').selectAll().where('household_id', 'in', ids).execute();
      const pending = await trx.selectFrom('removal_proposals').select(['id', 'household_id']).where('household_id', 'in', ids).where('status', '=', 'pending').execute();
      const pendingOf = new Map(pending.map((p) => [Number(p.household_id), Number(p.id)]));
      const byHousehold = new Map<number, typeof members>();
      for (const m of members) {
        const list = byHousehold.get(Number(m.household_id)) ?? [];
        list.push(m);
        byHousehold.set(Number(m.household_id), list);
      }
      const settings = await getSettings(trx);
      const assistance = await getAssistanceSettings(trx);
      const policies = new Map<string, Awaited<ReturnType<typeof policyFor>>>();
      const at = nowIso();
      const changedIds: number[] = [];
      for (const r of rows) {
        const key = `${r.region_code}/${r.fill_year}`;
        if (!policies.has(key)) policies.set(key, await policyFor(trx, r.region_code, Number(r.fill_year), settings));
        const data = rowToData(r, byHousehold.get(Number(r.id)) ?? []);
        const result = identify(data, policies.get(key)!);
        const newElig = result.eligible === null ? null : result.eligible ? 1 : 0;
        await applyResult(trx, { id: Number(r.id), regionCode: r.region_code, fileVersion: r.version, status: r.status, pendingProposalId: pendingOf.get(Number(r.id)) ?? null, wasIneligible: r.id_eligible === 0 }, result, at);
        await trx.updateTable('households').set(urgencyColumns(data, result, assistance)).where('id', '=', r.id).execute();
        if (newElig !== r.id_eligible || result.category !== r.id_category) {
          changedIds.push(Number(r.id));
          await trx.insertInto('identification_changes').values({
            job_id: job.id, household_id: Number(r.id), old_eligible: r.id_eligible, new_eligible: newElig, old_category: r.id_category, new_category: result.category,
          }).execute();
        }
      }
      const step = { cursor: ids[ids.length - 1], done: job.done + rows.length, changed: job.changed + changedIds.length };
      await trx.updateTable('jobs').set(step).where('id', '=', job.id).execute();
      await appendAudit(trx, {
        userId: job.created_by, username: null, action: 'identification.reevaluate', entity: 'job', entityId: job.id,
        detail: { policyVersion: params.policyVersion, files: rows.length, changed: changedIds }, ip: null,
      });
      return step;
    });
  },
};
