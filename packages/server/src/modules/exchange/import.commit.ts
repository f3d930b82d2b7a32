// Writes a checked import in ONE transaction: every new file, every changed file (with its
// version row, identification and audit row, exactly as an edit through the form would), then the
// import's own audit row. Killed midway, the transaction rolls back and the files are as before.
import type { HouseholdData } from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import * as repo from './exchange.repository.js';
import { currentVersionAndStatus } from '../households/households.repository.js';
import { nowIso } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { audit } from '../audit/audit.repository.js';
import type { FieldChange } from '../households/household.diff.js';
import { insertFileTx, mapUniqueViolation, updateFileTx, warningsFor } from '../households/households.service.js';
import type { HouseholdStatus } from '@bangfu/core';
import { setProgress } from './import.progress.js';
import { newEvaluationCache } from '../households/evaluation.service.js';

const BATCH = 200;

export interface CommitResult {
  created: number;
  updated: number;
  skipped: number;
}

/** A file that changed after the check: the whole import is refused, with the row that stands in the way. */
function stale(row: number, name: string | null, why: string): AppError {
  return new AppError('IMPORT_STALE', { message: `职工表第${row}行（${name ?? ''}）：${why}。本次导入没有写入任何数据，请重新上传文件检查` });
}

export async function commitImport(db: Db, importId: number, actor: Actor, opts: { fileName: string; goodRowsOnly: boolean }): Promise<CommitResult> {
  const total = await repo.countRows(db, importId, ['new', 'changed']);
  setProgress(importId, { phase: 'writing', done: 0, total });
  const reason = `Excel导入：${opts.fileName}（导入批次 #${importId}）`;
  return inTransaction(db, async (trx) => {
    let cursor = 0;
    let done = 0;
    const result: CommitResult = { created: 0, updated: 0, skipped: 0 };
    const cache = newEvaluationCache();
    for (;;) {
      const rows = await repo.rowsToWriteAfter(trx, importId, cursor, BATCH);
      if (rows.length === 0) break;
      cursor = Number(rows[rows.length - 1].seq);
      for (const r of rows) {
        const h = JSON.parse(r.data!) as HouseholdData;
        const at = nowIso();
        if (r.status === 'new') {
          const warnings = await warningsFor(trx, h, null);
          try {
            await insertFileTx(trx, actor, h, warnings, at, reason, cache);
          } catch (e) {
            if (e instanceof AppError) throw stale(r.row_no, r.name, e.userMessage);
            try {
              mapUniqueViolation(e);
            } catch (mapped) {
              if (mapped instanceof AppError) throw stale(r.row_no, r.name, '该身份证号在检查之后已有人建档');
              throw mapped;
            }
          }
          result.created++;
        } else {
          const id = Number(r.household_id);
          const current = await currentVersionAndStatus(trx, id);
          if (!current || current.version !== r.household_version) throw stale(r.row_no, r.name, '该档案在检查之后被修改过');
          const warnings = await warningsFor(trx, h, id);
          await updateFileTx(trx, actor, { id, version: current.version, status: current.status as HouseholdStatus }, h,
            JSON.parse(r.changes!) as FieldChange[], warnings, at, reason, cache);
          result.updated++;
        }
        if (++done % 100 === 0) {
          setProgress(importId, { phase: 'writing', done, total });
          // SQLite's driver is synchronous: yield now and then so that timers and requests are not starved
          await new Promise((r) => setImmediate(r));
        }
      }
    }
    result.skipped = await repo.countRows(trx, importId, ['error']);
    const at = nowIso();
    await audit(trx, actor, 'import.commit', 'import', importId, { fileName: opts.fileName, goodRowsOnly: opts.goodRowsOnly, ...result });
    // the parsed rows repeat personal data that now lives in the files: keep only the summary
    await repo.clearRowData(trx, importId);
    await repo.setImport(trx, importId, {
      status: 'committed', committed_at: at, good_rows_only: opts.goodRowsOnly ? 1 : 0,
      created_count: result.created, updated_count: result.updated, skipped_count: result.skipped,
    });
    return result;
  });
}
