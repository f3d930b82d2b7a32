// The import workflow as the API and the CLI see it: upload → check (a job) → the user reads the
// reconciliation and the bad rows → commit (a job) or cancel. Nothing touches the files before
// the commit. An import is visible to the user who made it (and the city union).
import fs from 'node:fs';
import { IMPORT_ROW_STATUSES, maskIdNumber, type ImportStatus, type ImportView } from '@bangfu/core';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/transaction.js';
import { createJob } from '../jobs/jobs.repository.js';
import * as repo from './exchange.repository.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { seesFullIdentity } from '../access/scope.js';
import { audit, SYSTEM } from '../audit/audit.repository.js';
import type { UploadedFile } from './import.read.js';
import { clearProgress, getProgress } from './import.progress.js';

export { IMPORT_STATUSES, type ImportStatus, type ImportView } from '@bangfu/core';

/** Who may import: the union cadres who file (the admin sees masked numbers and cannot). */
export function assertCanImport(actor: Actor): void {
  if (!seesFullIdentity(actor)) throw forbidden('只有市总工会、县区工会和基层工会的干部可以导入档案');
}

const findImport = repo.findImport;
type ImportRow = Awaited<ReturnType<typeof findImport>>;

/** The city union sees every import; others their own. */
async function loadImport(db: Db, actor: Actor, id: number) {
  const row = await findImport(db, id);
  if (!row || (row.created_by !== actor.id && actor.role !== 'city')) throw notFound('导入记录');
  return row;
}

export function importView(row: NonNullable<ImportRow>): ImportView {
  const status = row.status as ImportStatus;
  const live = getProgress(Number(row.id));
  return {
    id: Number(row.id),
    fileName: row.file_name,
    status,
    progress: status === 'committing'
      ? { phase: 'writing', done: Number(row.job_done ?? 0), total: Number(row.job_total ?? 0) }
      : status === 'analyzing' ? (live ?? { phase: null, done: 0, total: 0 }) : { phase: null, done: 0, total: 0 },
    counts: {
      rows: Number(row.rows), new: Number(row.new_count), changed: Number(row.changed_count), unchanged: Number(row.unchanged_count),
      error: Number(row.error_count), warning: Number(row.warning_count),
    },
    errorCount: Number(row.error_lines),
    fileError: row.file_error,
    goodRowsOnly: row.good_rows_only === null ? null : row.good_rows_only === 1,
    oldDatabase: Number(row.old_database) === 1,
    // a commit cut short by an error keeps what its batches wrote: that part is shown too
    result: row.status === 'committed' || (row.status === 'failed' && row.created_count !== null)
      ? { created: Number(row.created_count), updated: Number(row.updated_count), skipped: Number(row.skipped_count ?? 0), stale: Number(row.stale_count ?? 0) }
      : null,
    createdAt: row.created_at,
    analyzedAt: row.analyzed_at,
    committedAt: row.committed_at,
    createdBy: { id: Number(row.created_by), displayName: row.creator_name },
  };
}

/** Checked imports nobody confirmed are void after this long; their parsed rows (personal data) go. */
export const IMPORT_EXPIRY_DAYS = 7;

export async function expireStaleImports(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IMPORT_EXPIRY_DAYS * 86_400_000).toISOString();
  const stale = await repo.importIdsCreatedBefore(db, ['analyzed', 'failed'], before);
  for (const id of stale)
    await inTransaction(db, async (trx) => {
      await repo.setImport(trx, id, { status: 'cancelled', file_error: `超过${IMPORT_EXPIRY_DAYS}天未确认，已自动作废` });
      await repo.clearRowData(trx, id);
      await audit(trx, SYSTEM, 'import.expire', 'import', id);
    });
  return stale.length;
}

/** Registers the uploaded files and queues their check. */
export async function createImport(db: Db, actor: Actor, files: UploadedFile[], kick: () => void, opts: { oldDatabase?: boolean } = {}): Promise<ImportView> {
  assertCanImport(actor);
  await expireStaleImports(db);
  const at = nowIso();
  const id = await inTransaction(db, async (trx) => {
    const id = await repo.insertImport(trx, {
      file_name: files.map((f) => f.name).join(' + ').slice(0, 255), files: JSON.stringify(files), status: 'analyzing', file_error: null,
      good_rows_only: null, created_count: null, updated_count: null, skipped_count: null, job_id: null,
      created_by: actor.id, created_at: at, analyzed_at: null, committed_at: null, old_database: opts.oldDatabase ? 1 : 0,
    });
    const job = await createJob(trx, { kind: 'import.analyze', params: { importId: id }, createdBy: actor.id });
    await repo.setImport(trx, id, { job_id: job });
    await audit(trx, actor, 'import.upload', 'import', id, { files: files.map((f) => f.name), oldDatabase: opts.oldDatabase ? true : undefined });
    return id;
  });
  kick();
  return importView((await findImport(db, id))!);
}

export async function getImport(db: Db, actor: Actor, id: number): Promise<ImportView> {
  return importView(await loadImport(db, actor, id));
}

export async function listImports(db: Db, actor: Actor): Promise<{ items: ImportView[] }> {
  const rows = await repo.listImportsOf(db, actor.role === 'city' ? null : actor.id, 20);
  return { items: rows.map(importView) };
}

const pageSchema = (max: number) => z.object({
  page: z.coerce.number({ error: '页码应为正整数' }).int({ error: '页码应为正整数' }).min(1, { error: '页码应为正整数' }).default(1),
  pageSize: z.coerce.number({ error: `每页条数应为1至${max}` }).int({ error: `每页条数应为1至${max}` }).min(1, { error: `每页条数应为1至${max}` }).max(max, { error: `每页条数应为1至${max}` }).default(20),
});
const rowsQuery = pageSchema(100).extend({ status: z.enum(IMPORT_ROW_STATUSES, { error: `状态应为 ${IMPORT_ROW_STATUSES.join('、')} 之一` }).optional() });

export async function listImportRows(db: Db, actor: Actor, id: number, query: unknown) {
  await loadImport(db, actor, id);
  const q = parseInput(rowsQuery, query, 'import rows query');
  const { total, rows } = await repo.pageOfRows(db, id, q);
  return {
    total,
    items: rows.map((r) => ({
      seq: Number(r.seq), row: Number(r.row_no), workerNo: r.worker_no, name: r.name, idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
      status: r.status, householdId: r.household_id === null ? null : Number(r.household_id),
      changes: r.changes ? JSON.parse(r.changes) : [], warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [], note: r.note,
    })),
  };
}

export async function listImportErrors(db: Db, actor: Actor, id: number, query: unknown) {
  await loadImport(db, actor, id);
  const q = parseInput(pageSchema(500), query, 'import errors query');
  const { total, rows } = await repo.pageOfErrors(db, id, q);
  return { total, items: rows.map((r) => ({ sheet: r.sheet, row: Number(r.row_no), column: r.column_label, value: r.value, message: r.message })) };
}

/** Every error line, for the report workbook and the CLI, in pages so a huge report stays small in memory. */
export async function* allImportErrors(db: Db, id: number) {
  let last = 0;
  for (;;) {
    const rows = await repo.errorsAfter(db, id, last, 1000);
    if (rows.length === 0) return;
    last = Number(rows[rows.length - 1].id);
    yield* rows.map((r) => ({ sheet: r.sheet, row: Number(r.row_no), column: r.column_label, value: r.value, message: r.message }));
  }
}

const commitBody = z.object({ goodRowsOnly: z.boolean({ error: 'goodRowsOnly 应为 true 或 false' }).default(false) });

export async function requestCommit(db: Db, actor: Actor, id: number, body: unknown, kick: () => void): Promise<ImportView> {
  assertCanImport(actor);
  const row = await loadImport(db, actor, id);
  if (row.created_by !== actor.id) throw forbidden('只能由上传文件的人确认导入');
  const { goodRowsOnly } = parseInput(commitBody, body ?? {}, 'import commit');
  if (row.status !== 'analyzed')
    throw new AppError('IMPORT_NOT_READY', { message: row.status === 'analyzing' ? '文件还在检查中，请稍候' : `该导入已${statusLabel(row.status)}，不能再确认` });
  if (Number(row.error_lines) > 0 && !goodRowsOnly)
    throw new AppError('IMPORT_HAS_ERRORS', { message: `文件中有 ${row.error_lines} 处错误：请改正后重新上传，或选择“只导入无错误的行”` });
  if (Number(row.new_count) + Number(row.changed_count) === 0 && Number(row.unchanged_count) === 0)
    throw new AppError('IMPORT_NOTHING', { message: '没有可以导入的行' });
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    if (!(await repo.setImportIf(trx, id, 'analyzed', { status: 'committing', good_rows_only: goodRowsOnly ? 1 : 0, file_error: null })))
      throw new AppError('IMPORT_NOT_READY', { message: '该导入的状态已变化，请刷新页面' });
    const job = await createJob(trx, { kind: 'import.commit', params: { importId: id }, createdBy: actor.id });
    await repo.setImport(trx, id, { job_id: job });
  });
  kick();
  return importView((await findImport(db, id))!);
}

export async function cancelImport(db: Db, actor: Actor, id: number): Promise<ImportView> {
  const row = await loadImport(db, actor, id);
  if (row.created_by !== actor.id) throw forbidden('只能由上传文件的人取消导入');
  if (row.status !== 'analyzed' && row.status !== 'failed')
    throw new AppError('IMPORT_NOT_READY', { message: row.status === 'analyzing' ? '文件还在检查中，请稍候再取消' : `该导入已${statusLabel(row.status)}，不能取消` });
  await inTransaction(db, async (trx) => {
    await repo.setImport(trx, id, { status: 'cancelled' });
    await repo.clearRowData(trx, id);
    await audit(trx, actor, 'import.cancel', 'import', id);
  });
  removeFiles(row.files);
  clearProgress(id);
  return importView((await findImport(db, id))!);
}

export function removeFiles(filesJson: string): void {
  for (const f of JSON.parse(filesJson) as UploadedFile[]) fs.rm(f.path, { force: true }, () => {});
}

function statusLabel(s: string): string {
  return ({ committed: '导入完成', cancelled: '取消', failed: '失败', committing: '在导入中' } as Record<string, string>)[s] ?? s;
}
