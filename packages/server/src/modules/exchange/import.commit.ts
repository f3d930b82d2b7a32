// Writes a checked import batch by batch. Each batch is one transaction that writes its files
// (worker number, members, identification, version row and audit row, as the form would) and
// moves the job's cursor, so:
// - a commit cut short (the process died) goes on from the last batch written, in this process at
//   its next start or in another one that takes the job over, and nothing is written twice;
// - other users' requests are answered between batches, on SQLite too (one writer, but only for a
//   batch at a time), and a change elsewhere waits a batch, not the whole import;
// - a row whose file changed after the check (edited meanwhile, or its identity number or worker
//   number filed by someone else) is not written: it is kept as 'stale' with the reason, and shown
//   with the result; every other row goes in.
import type { HouseholdData, HouseholdStatus } from '@bangfu/core';
import type { Selectable } from 'kysely';
import type { ImportRowTable } from '../../db/schema.js';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import * as repo from './exchange.repository.js';
import { isPostgres } from '../../db/dialect.js';
import { currentVersionAndStatus, liveWorkerIdNumbers, takenWorkerNos } from '../households/households.repository.js';
import { nowIso } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { audit, type AuditActor } from '../audit/audit.repository.js';
import type { FieldChange } from '../households/household.diff.js';
import { insertFilesTx, updateFileTx, warningsFor, warningsForNew } from '../households/households.service.js';
import { newEvaluationCache, type EvaluationCache } from '../households/evaluation.service.js';
import { saveJobStep, type LeasedJob } from '../jobs/jobs.repository.js';

/**
 * Households per batch. SQLite: 100, so that a batch holds the one writer (and, in this process,
 * every reader) for about 60 ms; PostgreSQL's readers never wait, its writers wait for the audit
 * chain's head for a batch (about 0.2 s), and each batch costs a dozen round trips: 200.
 */
export const commitBatchSize = (q: Q) => (isPostgres(q) ? 200 : 100);

/** How often a batch that met a change made at the same moment is tried again (its checks then see the change). */
const RACE_RETRIES = 3;

export interface CommitResult {
  created: number;
  updated: number;
  skipped: number;
  stale: number;
}

export const STALE_REASONS = {
  edited: '该档案在检查之后被他人修改过，未导入；请重新导出该户核对后再导入',
  idNumberFiled: '该身份证号在检查之后已有人建档，未导入',
  workerNoTaken: '该职工编号在检查之后已被使用，未导入',
  repeated: '与本文件中前面一行的身份证号相同，未导入',
} as const;

type Row = Selectable<ImportRowTable>;

const importReason = (fileName: string, importId: number) => `Excel导入：${fileName}（导入批次 #${importId}）`;

/**
 * Writes the next batch after the job's cursor and moves the cursor in the same transaction.
 * Returns where it stands, or null when no row is left to write.
 */
export async function commitNextBatch(
  db: Db, importId: number, actor: Actor, job: LeasedJob & { cursor: number; done: number }, fileName: string, cache: EvaluationCache = newEvaluationCache(),
): Promise<{ cursor: number; done: number; changed: number } | null> {
  const rows = await repo.rowsToWriteAfter(db, importId, job.cursor, commitBatchSize(db));
  if (rows.length === 0) return null;
  const step = { cursor: Number(rows[rows.length - 1].seq), done: job.done + rows.length, changed: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      await inTransaction(db, async (trx) => {
        await writeBatch(trx, importId, actor, rows, importReason(fileName, importId), cache);
        await saveJobStep(trx, job, step);
      });
      return step;
    } catch (e) {
      // a file edited, or an identity or worker number filed, between this batch's checks and its
      // writes: the batch rolled back whole; run again, its checks now see the change
      if (attempt >= RACE_RETRIES || !isRace(e)) throw e;
    }
  }
}

function isRace(e: unknown): boolean {
  if (e instanceof AppError) return ['VERSION_CONFLICT', 'WORKER_NO_TAKEN', 'DUPLICATE_ID_NUMBER'].includes(e.code);
  const msg = e instanceof Error ? e.message : String(e);
  return (e as { code?: string })?.code === '23505' || /UNIQUE constraint failed: households\./.test(msg);
}

async function writeBatch(trx: Q, importId: number, actor: Actor, rows: Row[], reason: string, cache: EvaluationCache): Promise<void> {
  const stale: { seq: number; note: string }[] = [];
  const at = nowIso();
  // changed files first, one by one as the form would (each its version check and diff)
  for (const r of rows) {
    if (r.status !== 'changed') continue;
    const id = Number(r.household_id);
    const h = JSON.parse(r.data!) as HouseholdData;
    const current = await currentVersionAndStatus(trx, id);
    if (!current || current.version !== r.household_version) {
      stale.push({ seq: Number(r.seq), note: STALE_REASONS.edited });
      continue;
    }
    const warnings = await warningsFor(trx, h, id);
    await updateFileTx(trx, actor, { id, version: current.version, status: current.status as HouseholdStatus }, h,
      JSON.parse(r.changes!) as FieldChange[], warnings, at, reason, cache);
  }
  // then the new ones together
  const fresh = rows.filter((r) => r.status === 'new').map((r) => ({ seq: Number(r.seq), data: JSON.parse(r.data!) as HouseholdData }));
  const filed = await liveWorkerIdNumbers(trx, fresh.map((f) => f.data.idNumber));
  const taken = await takenWorkerNos(trx, fresh.flatMap((f) => (f.data.workerNo ? [f.data.workerNo] : [])));
  const seen = new Set<string>();
  const toWrite = fresh.filter((f) => {
    const note = filed.has(f.data.idNumber) ? STALE_REASONS.idNumberFiled
      : f.data.workerNo && taken.has(f.data.workerNo) ? STALE_REASONS.workerNoTaken
        : seen.has(f.data.idNumber) ? STALE_REASONS.repeated : null;
    seen.add(f.data.idNumber);
    if (note) stale.push({ seq: f.seq, note });
    return !note;
  });
  const warnings = await warningsForNew(trx, toWrite.map((f) => f.data));
  await insertFilesTx(trx, actor, toWrite.map((f, i) => ({ data: f.data, warnings: warnings[i] })), at, reason, cache);
  await repo.markStale(trx, importId, stale);
  // the parsed rows repeat personal data that now lives in the files (or was not taken): dropped
  // batch by batch, not in one statement over the whole import at the end
  await repo.clearRowData(trx, importId, { from: Number(rows[0].seq), to: Number(rows[rows.length - 1].seq) });
}

/** The last step: the import's audit row and result, its parsed rows' personal data dropped. */
export async function finishCommit(db: Db, importId: number, actor: AuditActor, opts: { fileName: string; goodRowsOnly: boolean }): Promise<CommitResult> {
  return inTransaction(db, async (trx) => {
    const n = await repo.rowCountsByStatus(trx, importId);
    const result: CommitResult = { created: n.get('new') ?? 0, updated: n.get('changed') ?? 0, skipped: n.get('error') ?? 0, stale: n.get('stale') ?? 0 };
    await audit(trx, actor, 'import.commit', 'import', importId, { fileName: opts.fileName, goodRowsOnly: opts.goodRowsOnly, ...result });
    // what the batches left: the rows not written (errors, unchanged)
    await repo.clearRowData(trx, importId);
    await repo.setImport(trx, importId, {
      status: 'committed', committed_at: nowIso(), good_rows_only: opts.goodRowsOnly ? 1 : 0,
      created_count: result.created, updated_count: result.updated, skipped_count: result.skipped, stale_count: result.stale,
    });
    return result;
  });
}
