// Re-scores the urgency of every live file after the weights or thresholds changed.
import { LIVE_STATUSES, type IdentifyResult } from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import type { JobHandler, JobRow } from '../jobs/jobs.runner.js';
import { saveJobStep } from '../jobs/jobs.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { groupMembers, rowToData, urgencyColumns } from './household.mapping.js';
import * as repo from './households.repository.js';

const BATCH = 1000;

export const urgencyJob: JobHandler = {
  async count(db: Db) {
    return repo.countLiveFiles(db, { statuses: LIVE_STATUSES });
  },
  async batch(db: Db, job: JobRow) {
    return inTransaction(db, async (trx) => {
      const rows = await repo.liveFilesAfter(trx, job.cursor, BATCH, { statuses: LIVE_STATUSES });
      if (rows.length === 0) return null;
      const ids = rows.map((r) => Number(r.id));
      const byHousehold = groupMembers(await repo.membersOf(trx, ids));
      const s = await getAssistanceSettings(trx);
      const stored = await repo.storedResultsOf(trx, ids);
      for (const r of rows) {
        const data = rowToData(r, byHousehold.get(Number(r.id)) ?? []);
        const json = stored.get(Number(r.id))?.id_result;
        const result = json ? (JSON.parse(json) as IdentifyResult) : null;
        await repo.setHouseholdColumns(trx, Number(r.id), urgencyColumns(data, result, s));
      }
      const step = { cursor: ids[ids.length - 1], done: job.done + rows.length, changed: 0 };
      await saveJobStep(trx, job, step);
      return step;
    });
  },
};
