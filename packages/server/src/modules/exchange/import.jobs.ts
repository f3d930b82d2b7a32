// The two background jobs of an import. Each does its whole phase in one go and records the
// outcome on the import; a restart re-runs an interrupted phase from the beginning, which is safe:
// the check only writes staging tables, and the commit is one transaction.
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { loadActor } from '../auth/auth.service.js';
import type { JobHandler, JobRow } from '../jobs/job-runner.js';
import { analyzeImport } from './import.analyze.js';
import { commitImport } from './import.commit.js';
import { clearProgress } from './import.progress.js';
import { FileProblem, type UploadedFile } from './import.read.js';
import { removeFiles } from './import.service.js';

async function importOf(db: Db, job: JobRow) {
  const { importId } = JSON.parse(job.params) as { importId: number };
  const row = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
  const actor = await loadActor(db, row.created_by, null);
  return { importId, row, actor };
}

async function fail(db: Db, importId: number, message: string) {
  await db.updateTable('imports').set({ status: 'failed', file_error: message }).where('id', '=', importId).execute();
  clearProgress(importId);
}

export const importAnalyzeJob: JobHandler = {
  async count() {
    return 0;
  },
  async batch(db, job) {
    const { importId, row, actor } = await importOf(db, job);
    if (row.status !== 'analyzing') return null;
    if (!actor) {
      await fail(db, importId, '上传文件的账号已停用，导入已终止');
      return null;
    }
    try {
      const c = await analyzeImport(db, importId, actor, JSON.parse(row.files) as UploadedFile[]);
      await db.updateTable('imports').set({
        status: 'analyzed', analyzed_at: nowIso(), rows: c.rows, new_count: c.new, changed_count: c.changed, unchanged_count: c.unchanged,
        error_count: c.error, error_lines: c.errorLines, warning_count: c.warnings,
      }).where('id', '=', importId).execute();
      clearProgress(importId);
      removeFiles(row.files); // everything needed from now on is in import_rows
    } catch (e) {
      if (e instanceof FileProblem) {
        await fail(db, importId, e.userMessage);
        removeFiles(row.files);
        return null;
      }
      await fail(db, importId, '检查文件时出错，请联系系统管理员查看日志');
      throw e;
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
    if (!actor) {
      await fail(db, importId, '上传文件的账号已停用，导入已终止，没有写入任何数据');
      return null;
    }
    try {
      await commitImport(db, importId, actor, { fileName: row.file_name, goodRowsOnly: row.good_rows_only === 1 });
      clearProgress(importId);
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
