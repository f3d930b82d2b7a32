// Re-evaluates the live files of the (region, year) pairs a policy change touched, in batches
// by id. Each batch is one transaction: results, proposals, the list of changed files, the job's
// cursor and one audit row naming the files whose eligibility or category changed.
import { identify, type IdentifyPolicy } from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { audit } from '../audit/audit.repository.js';
import type { JobHandler, JobRow } from '../jobs/jobs.runner.js';
import { saveJobStep } from '../jobs/jobs.repository.js';
import { getSettings, policyFor } from '../policy/policy.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { applyResult } from './evaluation.service.js';
import { groupMembers, rowToData, urgencyColumns } from './household.mapping.js';
import * as repo from './households.repository.js';

const BATCH = 500;

interface Params {
  policyVersion: number;
  pairs: { regionCode: string; year: number }[];
}

export const reevaluateJob: JobHandler = {
  async count(db: Db, job: JobRow) {
    const params = JSON.parse(job.params) as Params;
    if (params.pairs.length === 0) return 0;
    return repo.countLiveFiles(db, { pairs: params.pairs });
  },

  async batch(db: Db, job: JobRow) {
    const params = JSON.parse(job.params) as Params;
    if (params.pairs.length === 0) return null;
    // Reads and writes in one transaction, so a file edited meanwhile is not overwritten with a
    // result computed from its older content.
    return inTransaction(db, async (trx) => {
      const rows = await repo.liveFilesAfter(trx, job.cursor, BATCH, { pairs: params.pairs });
      if (rows.length === 0) return null;
      const ids = rows.map((r) => Number(r.id));
      const byHousehold = groupMembers(await repo.membersOf(trx, ids));
      const pendingOf = await repo.pendingProposalIds(trx, ids);
      const settings = await getSettings(trx);
      const assistance = await getAssistanceSettings(trx);
      const policies = new Map<string, IdentifyPolicy>();
      const at = nowIso();
      const changedIds: number[] = [];
      for (const r of rows) {
        const key = `${r.region_code}/${r.fill_year}`;
        if (!policies.has(key)) policies.set(key, await policyFor(trx, r.region_code, Number(r.fill_year), settings));
        const data = rowToData(r, byHousehold.get(Number(r.id)) ?? []);
        const result = identify(data, policies.get(key)!);
        const newElig = result.eligible === null ? null : result.eligible ? 1 : 0;
        await applyResult(trx, { id: Number(r.id), regionCode: r.region_code, fileVersion: r.version, status: r.status, pendingProposalId: pendingOf.get(Number(r.id)) ?? null, wasIneligible: r.id_eligible === 0 },
          result, at, urgencyColumns(data, result, assistance));
        if (newElig !== r.id_eligible || result.category !== r.id_category) {
          changedIds.push(Number(r.id));
          await repo.insertIdentificationChange(trx, {
            job_id: job.id, household_id: Number(r.id), old_eligible: r.id_eligible, new_eligible: newElig, old_category: r.id_category, new_category: result.category,
          });
        }
      }
      const step = { cursor: ids[ids.length - 1], done: job.done + rows.length, changed: job.changed + changedIds.length };
      await saveJobStep(trx, job, step);
      await audit(trx, { id: job.created_by, username: null, ip: null }, 'identification.reevaluate', 'job', job.id,
        { policyVersion: params.policyVersion, files: rows.length, changed: changedIds });
      return step;
    });
  },
};
