// Re-plans the next 脱困回访 of every exited file after the city union changed the months of the
// schedule: each file's next visit's day and visits made, from its follow-ups, as core computes them.
import { inTransaction, type Db } from '../../db/transaction.js';
import type { JobHandler, JobRow } from '../jobs/jobs.runner.js';
import { saveJobStep } from '../jobs/jobs.repository.js';
import * as households from '../households/households.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { schedulesOf } from './follow-ups.service.js';

const BATCH = 2000;

export const followUpScheduleJob: JobHandler = {
  async count(db: Db) {
    return households.countExitedFiles(db);
  },
  async batch(db: Db, job: JobRow) {
    return inTransaction(db, async (trx) => {
      const rows = await households.exitedAfter(trx, job.cursor, BATCH);
      if (rows.length === 0) return null;
      const { followUpMonths } = await getAssistanceSettings(trx);
      const exits = rows.filter((r) => r.exit_date).map((r) => ({ id: Number(r.id), exitDate: r.exit_date! }));
      await households.setFollowUpSchedules(trx, await schedulesOf(trx, exits, followUpMonths));
      const step = { cursor: Number(rows[rows.length - 1].id), done: job.done + rows.length, changed: 0 };
      await saveJobStep(trx, job, step);
      return step;
    });
  },
};
