// Re-scores the urgency of every live file after the weights or thresholds changed.
import type { IdentifyResult } from '@bangfu/core';
import { urgencyColumns } from '../identification/evaluate.js';
import type { Db } from '../../db/index.js';
import { rowToData } from '../households/household.mapping.js';
import type { JobHandler, JobRow } from '../jobs/job-runner.js';
import { getAssistanceSettings } from './settings.service.js';

const BATCH = 1000;
const LIVE = ['draft', 'submitted', 'unitApproved', 'filed'];

export const urgencyJob: JobHandler = {
  async count(db: Db) {
    const r = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', LIVE).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async batch(db: Db, job: JobRow) {
    return db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('households').selectAll().where('status', 'in', LIVE).where('id', '>', job.cursor).orderBy('id').limit(BATCH).execute();
      if (rows.length === 0) return null;
      const ids = rows.map((r) => Number(r.id));
      const members = await trx.selectFrom('household_members').selectAll().where('household_id', 'in', ids).execute();
      const s = await getAssistanceSettings(trx);
      for (const r of rows) {
        const data = rowToData(r, members.filter((m) => Number(m.household_id) === Number(r.id)));
        const result = r.id_result ? (JSON.parse(r.id_result) as IdentifyResult) : null;
        await trx.updateTable('households').set(urgencyColumns(data, result, s)).where('id', '=', r.id).execute();
      }
      const step = { cursor: ids[ids.length - 1], done: job.done + rows.length, changed: 0 };
      await trx.updateTable('jobs').set(step).where('id', '=', job.id).execute();
      return step;
    });
  },
};
