// The duplicate scan: one step per rule (core's DUPLICATE_KINDS), each a read of the live files
// then a short transaction that records what it found; a last step clears the open pairs no rule
// found again. The job's id marks the pairs it saw.
import { DUPLICATE_KINDS } from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import type { JobHandler, JobRow } from '../jobs/jobs.runner.js';
import { saveJobStep } from '../jobs/jobs.repository.js';
import * as repo from './duplicates.repository.js';
import { RULES } from './duplicates.queries.js';

export const duplicateScanJob: JobHandler = {
  async count() {
    return DUPLICATE_KINDS.length + 1;
  },
  async batch(db: Db, job: JobRow) {
    const step = job.cursor;
    if (step > DUPLICATE_KINDS.length) return null;
    const jobId = Number(job.id);
    if (step === DUPLICATE_KINDS.length) {
      const next = await inTransaction(db, async (trx) => {
        const cleared = await repo.clearUnseen(trx, jobId);
        const saved = { cursor: step + 1, done: job.done + 1, changed: job.changed + cleared };
        await saveJobStep(trx, job, saved);
        return saved;
      });
      await repo.analyzePairs(db);
      return next;
    }
    const kind = DUPLICATE_KINDS[step];
    const found = await RULES[kind](db);
    return inTransaction(db, async (trx) => {
      await repo.upsertFound(trx, kind, found, jobId, nowIso());
      const next = { cursor: step + 1, done: job.done + 1, changed: job.changed + found.length };
      await saveJobStep(trx, job, next);
      return next;
    });
  },
};
