// The two background jobs of an import. Each does its whole phase in one go and records the
// outcome on the import. A phase cut short by a crash is not re-run by itself: the check is
// marked failed (upload again), the commit goes back to "checked" (confirm again); its
// transaction has rolled back, so nothing was written.
import { inTransaction, type Db } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { loadActor } from '../auth/auth.service.js';
import { audit } from '../audit/audit.repository.js';
import { saveJobStep } from '../jobs/jobs.repository.js';
import { findImportRow, setImport } from './exchange.repository.js';
import type { JobHandler, JobRow } from '../jobs/jobs.runner.js';
import { compactTallies } from '../households/tally.repository.js';
import { analyzeImport } from './import.analyze.js';
import { commitImport } from './import.commit.js';
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

export const importCommitJob: JobHandler = {
  async count() {
    return 0;
  },
  async batch(db, job) {
    const { importId, row, actor } = await importOf(db, job);
    if (row.status !== 'committing') return null;
    // A commit cut short (the process died) rolled back with its transaction. It is not re-run by
    // itself: the import goes back to "checked" and waits for the person to confirm again.
    if (job.cursor > 0) {
      await setImport(db, importId, { status: 'analyzed', good_rows_only: null, file_error: '上次确认导入时服务中断，没有写入任何数据；请重新确认导入' });
      clearProgress(importId);
      return null;
    }
    await saveJobStep(db, job, { cursor: 1 });
    if (!actor) {
      await fail(db, importId, '上传文件的账号已停用，导入已终止，没有写入任何数据');
      return null;
    }
    try {
      await commitImport(db, importId, actor, { fileName: row.file_name, goodRowsOnly: row.good_rows_only === 1 });
      clearProgress(importId);
      await compactTallies(db); // an import leaves a delta per file and count: fold them now, not at the next tick
    } catch (e) {
      if (e instanceof AppError) {
        await fail(db, importId, e.userMessage);
        return null;
      }
      await fail(db, importId, '导入时出错，没有写入任何数据；请联系系统管理员查看日志');
      throw e;
    }
    return null;
  },
};
