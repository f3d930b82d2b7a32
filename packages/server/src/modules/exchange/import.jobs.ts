// The two background jobs of an import. The check does its whole phase in one go; cut short by a
// crash it is not run again by itself (a crafted file must not kill the process at every start):
// it is marked failed, and the person uploads again. The commit writes batch by batch, each batch
// with the job's cursor (import.commit.ts), and a commit cut short goes on from there.
import { inTransaction, type Db } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { loadActor } from '../auth/auth.service.js';
import { audit } from '../audit/audit.repository.js';
import { LeaseLost, saveJobStep } from '../jobs/jobs.repository.js';
import { countRows, findImportRow, rowCountsByStatus, rowsToWriteAfter, setImport } from './exchange.repository.js';
import type { JobHandler, JobRow } from '../jobs/jobs.runner.js';
import { compactTallies } from '../households/tally.repository.js';
import { analyzeImport } from './import.analyze.js';
import { commitNextBatch, finishCommit } from './import.commit.js';
import { clearProgress } from './import.progress.js';
import { FileProblem, type UploadedFile } from './import.read.js';
import { removeFiles } from './import.service.js';

async function importOf(db: Db, job: JobRow) {
  const { importId } = JSON.parse(job.params) as { importId: number };
  const row = await findImportRow(db, importId);
  const actor = await loadActor(db, row.created_by, null);
  return { importId, row, actor };
}

async function fail(db: Db, importId: number, message: string) {
  await setImport(db, importId, { status: 'failed', file_error: message });
  clearProgress(importId);
}

export const importAnalyzeJob: JobHandler = {
  async count() {
    return 0;
  },
  async batch(db, job) {
    const { importId, row, actor } = await importOf(db, job);
    if (row.status !== 'analyzing') return null;
    // A check cut short by a crash is not run again by itself: a crafted file that kills the
    // process must not kill it at every restart. The person uploads again.
    if (job.cursor > 0 || !actor) {
      await fail(db, importId, actor ? '检查文件时服务中断，请重新上传文件' : '上传文件的账号已停用，导入已终止');
      removeFiles(row.files);
      return null;
    }
    await saveJobStep(db, job, { cursor: 1 });
    try {
      const c = await analyzeImport(db, importId, actor, JSON.parse(row.files) as UploadedFile[]);
      await inTransaction(db, async (trx) => {
        await setImport(trx, importId, {
          status: 'analyzed', analyzed_at: nowIso(), rows: c.rows, new_count: c.new, changed_count: c.changed, unchanged_count: c.unchanged,
          error_count: c.error, error_lines: c.errorLines, warning_count: c.warnings,
        });
        // identity numbers filed outside the importer's scope: refused without a word about them, but a
        // file of candidate numbers leaves a trace
        if (c.outOfScope > 0)
          await audit(trx, actor, 'household.duplicateRefused', 'import', importId, { rows: c.outOfScope, scope: 'outside' });
      });
      clearProgress(importId);
    } catch (e) {
      if (e instanceof FileProblem) {
        await fail(db, importId, e.userMessage);
        return null;
      }
      await fail(db, importId, '检查文件时出错，请联系系统管理员查看日志');
      throw e;
    } finally {
      // the upload holds personal data: once checked (or not checkable) it goes; import_rows has the rest
      removeFiles(row.files);
    }
    return null;
  },
};

/** Files written between two folds of the kept counts during a commit. */
const FOLD_EVERY = 2_000;

export const importCommitJob: JobHandler = {
  async count(db, job) {
    const { importId } = JSON.parse(job.params) as { importId: number };
    return countRows(db, importId, ['new', 'changed']);
  },
  async batch(db, job) {
    const { importId, row, actor } = await importOf(db, job);
    if (row.status !== 'committing') return null;
    const opts = { fileName: row.file_name, goodRowsOnly: row.good_rows_only === 1 };
    try {
      // the uploader's account closed midway: what is written stays (it was theirs to write), the rest is not
      if (!actor && (await rowsToWriteAfter(db, importId, job.cursor, 1)).length > 0)
        throw new AppError('FORBIDDEN', { message: '上传文件的账号已停用，导入已终止' });
      // a commit cut short (the process died) goes on from its cursor: the batches before it are written
      const step = actor ? await commitNextBatch(db, importId, actor, job, row.file_name) : null;
      if (step) {
        // the kept counts' deltas folded as they come (a fold of a whole big import holds SQLite's writer for seconds)
        if (Math.floor(step.done / FOLD_EVERY) > Math.floor(job.done / FOLD_EVERY)) await compactTallies(db);
        return step;
      }
      await finishCommit(db, importId, actor ?? { id: row.created_by, username: null, ip: null }, opts);
      await compactTallies(db); // the last deltas folded now, not at the next tick // an import leaves a delta per file and count: fold them now, not at the next tick
      return null;
    } catch (e) {
      // another process holds the job now, or PostgreSQL chose this batch as a deadlock's victim: not the import's failure
      if (e instanceof LeaseLost || ['40P01', '40001'].includes((e as { code?: string })?.code ?? '')) throw e;
      await failCommit(db, importId, job.cursor, e instanceof AppError ? e.userMessage : '导入时出错，请联系系统管理员查看日志');
      if (e instanceof AppError) return null;
      throw e;
    }
  },
};

/**
 * A commit that cannot go on: the batches written before stay written and are counted on the
 * import; the rest is not. Uploading the same file again checks it against the files as they now
 * are, so the rows already written show as unchanged and only the rest would be written.
 */
async function failCommit(db: Db, importId: number, cursor: number, why: string): Promise<void> {
  const n = await rowCountsByStatus(db, importId, cursor);
  const created = n.get('new') ?? 0;
  const updated = n.get('changed') ?? 0;
  const written = created + updated;
  await setImport(db, importId, {
    status: 'failed', created_count: created, updated_count: updated, stale_count: n.get('stale') ?? 0, skipped_count: null,
    file_error: written === 0 ? `${why}；没有写入任何数据` : `${why}；已写入 ${written} 户（新增 ${created}，更新 ${updated}），其余未写入。重新上传同一文件时，已写入的户显示为无变化，只写入其余的户`,
  });
  clearProgress(importId);
}
