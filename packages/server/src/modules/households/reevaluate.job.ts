// Re-evaluates the live files of the (region, year) pairs a policy change touched, in batches
// by id. A batch is read and computed in a read-only snapshot, then written in one short
// transaction: results (a few statements, applyResults), proposals, the list of changed files, the
// job's cursor and one audit row naming the files whose eligibility or category changed. On SQLite
// the write lock is thus held for the writing only, so that the other processes' writes (a detail
// view's audit row) get in between; a file edited or moved on between the two is left as it is
// (its edit identified it under the current policy already). The next batch is read while one is
// written, in a thread of its own where the process was given one (reevaluate.reader.ts).
import type { Insertable } from 'kysely';
import { identify, type IdentifyPolicy, type IdentifyResult } from '@bangfu/core';
import type { IdentificationChangeTable } from '../../db/schema.js';
import { inTransaction, type Db } from '../../db/transaction.js';
import { sqliteHandle } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { audit } from '../audit/audit.repository.js';
import type { JobHandler, JobRow } from '../jobs/jobs.runner.js';
import { saveJobStep } from '../jobs/jobs.repository.js';
import { getSettings, policyFor } from '../policy/policy.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { applyResults, type ComputedResult } from './evaluation.service.js';
import { groupMembers, RESULT_COLUMNS, rowToData, urgencyColumns } from './household.mapping.js';
import * as repo from './households.repository.js';

const BATCH = 500;

export interface Params {
  policyVersion: number;
  pairs: { regionCode: string; year: number }[];
}

type FileRow = Awaited<ReturnType<typeof repo.filesToEvaluateAfter>>[number];

/** What the write needs of a file as it was read: which file, its state, and the stored result's columns. */
const KEPT = ['id', 'version', 'status', 'region_code', ...RESULT_COLUMNS] as const;
type KeptRow = Pick<FileRow, (typeof KEPT)[number]>;

export interface Computed {
  row: KeptRow;
  result: IdentifyResult;
  urgency: ReturnType<typeof urgencyColumns>;
}

/** Reads and computes the batch after a cursor: in this process, or in a thread of its own (reevaluate.reader.ts). */
export type BatchReader = (db: Db, cursor: number, pairs: Params['pairs']) => Promise<Computed[]>;
let readBatch: BatchReader = computeBatch;

/** Where batches are read from now on (a process that runs jobs gives them a thread: readBatchesInThread). */
export function readBatchesWith(reader: BatchReader): void {
  readBatch = reader;
}

/** The batch's files after the cursor and their results, from one snapshot. */
export async function computeBatch(db: Db, cursor: number, pairs: Params['pairs']): Promise<Computed[]> {
  return db.transaction().setAccessMode('read only').execute(async (trx) => {
    const sqlite = sqliteHandle(db); // the connection under trx on SQLite: rows read as arrays
    const rows = await repo.filesToEvaluateAfter(trx, cursor, BATCH, { pairs, sqlite });
    if (rows.length === 0) return [];
    const byHousehold = groupMembers(await repo.membersOf(trx, rows.map((r) => Number(r.id)), sqlite));
    const settings = await getSettings(trx);
    const assistance = await getAssistanceSettings(trx);
    const policies = new Map<string, IdentifyPolicy>();
    const out: Computed[] = [];
    for (const row of rows) {
      const key = `${row.region_code}/${row.fill_year}`;
      if (!policies.has(key)) policies.set(key, await policyFor(trx, row.region_code, Number(row.fill_year), settings));
      const data = rowToData(row, byHousehold.get(Number(row.id)) ?? []);
      const result = identify(data, policies.get(key)!);
      const kept = Object.fromEntries(KEPT.map((c) => [c, row[c]])) as KeptRow;
      out.push({ row: kept, result, urgency: urgencyColumns(data, result, assistance) });
    }
    return out;
  });
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
    const batch = await batchAfterCursor(db, job, params.pairs);
    if (batch.length === 0) return null;
    // the next batch is read and computed while this one is written (the files after this batch,
    // so the two never meet): on PostgreSQL the database server writes while this process
    // computes, and with a reader thread the two run on two cores on either database
    const cursor = Number(batch[batch.length - 1].row.id);
    const next = readBatch(db, cursor, params.pairs);
    next.catch(() => undefined); // a failed read ahead is read again when its turn comes
    ahead.set(job.id, { cursor, next });
    return writeBatch(db, job, batch);
  },
};

/** Each running job's next batch, read ahead, with the cursor it was read after. */
const ahead = new Map<number, { cursor: number; next: Promise<Computed[]> }>();

/** The batch after the job's cursor: the one read ahead when it was read after that cursor, else read now. */
async function batchAfterCursor(db: Db, job: JobRow, pairs: Params['pairs']): Promise<Computed[]> {
  const a = ahead.get(job.id);
  ahead.delete(job.id);
  // a step retried after a conflict, or a job resumed elsewhere, has another cursor
  if (a && a.cursor === job.cursor) {
    try {
      return await a.next;
    } catch {
      // read again below
    }
  }
  return readBatch(db, job.cursor, pairs);
}

/** Writes a computed batch: the files still as they were read get their results, the job its step. */
export async function writeBatch(db: Db, job: JobRow, batch: Computed[]) {
  const params = JSON.parse(job.params) as Params;
  const ids = batch.map((c) => Number(c.row.id));
  return inTransaction(db, async (trx) => {
    // the files as they are now (locked on PostgreSQL until the batch commits)
    const now = new Map((await repo.versionsForUpdate(trx, ids)).map((r) => [Number(r.id), r]));
    const pendingOf = await repo.pendingProposalIds(trx, ids);
    const at = nowIso();
    const computed: ComputedResult[] = [];
    const changes: Insertable<IdentificationChangeTable>[] = [];
    for (const { row: r, result, urgency } of batch) {
      const id = Number(r.id);
      const current = now.get(id);
      if (!current || current.version !== r.version || current.status !== r.status) continue;
      computed.push({
        file: { id, regionCode: r.region_code, fileVersion: r.version, status: r.status, pendingProposalId: pendingOf.get(id) ?? null, wasIneligible: r.id_eligible === 0 },
        result, urgency, stored: r,
      });
      const newElig = result.eligible === null ? null : result.eligible ? 1 : 0;
      if (newElig !== r.id_eligible || result.category !== r.id_category)
        changes.push({ job_id: job.id, household_id: id, old_eligible: r.id_eligible, new_eligible: newElig, old_category: r.id_category, new_category: result.category });
    }
    await applyResults(trx, computed, at);
    await repo.insertIdentificationChanges(trx, changes);
    const changedIds = changes.map((c) => c.household_id);
    const step = { cursor: ids[ids.length - 1], done: job.done + batch.length, changed: job.changed + changedIds.length };
    await saveJobStep(trx, job, step);
    await audit(trx, { id: job.created_by, username: null, ip: null }, 'identification.reevaluate', 'job', job.id,
      { policyVersion: params.policyVersion, files: batch.length, changed: changedIds });
    return step;
  });
}
