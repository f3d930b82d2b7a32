// The import workflow as the API and the CLI see it: upload → check (a job) → the user reads the
// reconciliation and the bad rows → commit (a job) or cancel. Nothing touches the files before
// the commit. An import is visible to the user who made it (and the city union).
import fs from 'node:fs';
import { maskIdNumber } from '@bangfu/core';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { seesFullIdentity } from '../access/scope.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { UploadedFile } from './import.read.js';
import { clearProgress, getProgress } from './import.progress.js';

export const IMPORT_STATUSES = ['analyzing', 'analyzed', 'committing', 'committed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Who may import: the union cadres who file (the admin sees masked numbers and cannot). */
export function assertCanImport(actor: Actor): void {
  if (!seesFullIdentity(actor)) throw forbidden('只有市总工会、县区工会和基层工会的干部可以导入档案');
}

type ImportRow = Awaited<ReturnType<typeof findImport>>;

async function findImport(db: Db, id: number) {
  return db.selectFrom('imports').innerJoin('users', 'users.id', 'imports.created_by').selectAll('imports')
    .select(['users.display_name as creator_name']).where('imports.id', '=', id).executeTakeFirst();
}

/** The city union sees every import; others their own. */
async function loadImport(db: Db, actor: Actor, id: number) {
  const row = await findImport(db, id);
  if (!row || (row.created_by !== actor.id && actor.role !== 'city')) throw notFound('导入记录');
  return row;
}

export function importView(row: NonNullable<ImportRow>) {
  const status = row.status as ImportStatus;
  const live = getProgress(Number(row.id));
  return {
    id: Number(row.id),
    fileName: row.file_name,
    status,
    progress: status === 'analyzing' || status === 'committing' ? (live ?? { phase: null, done: 0, total: 0 }) : { phase: null, done: 0, total: 0 },
    counts: {
      rows: Number(row.rows), new: Number(row.new_count), changed: Number(row.changed_count), unchanged: Number(row.unchanged_count),
      error: Number(row.error_count), warning: Number(row.warning_count),
    },
    errorCount: Number(row.error_lines),
    fileError: row.file_error,
    goodRowsOnly: row.good_rows_only === null ? null : row.good_rows_only === 1,
    result: row.status === 'committed'
      ? { created: Number(row.created_count), updated: Number(row.updated_count), skipped: Number(row.skipped_count) }
      : null,
    createdAt: row.created_at,
    analyzedAt: row.analyzed_at,
    committedAt: row.committed_at,
    createdBy: { id: Number(row.created_by), displayName: row.creator_name },
  };
}
export type ImportView = ReturnType<typeof importView>;

/** Checked imports nobody confirmed are void after this long; their parsed rows (personal data) go. */
export const IMPORT_EXPIRY_DAYS = 7;

export async function expireStaleImports(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IMPORT_EXPIRY_DAYS * 86_400_000).toISOString();
  const stale = await db.selectFrom('imports').select('id').where('status', 'in', ['analyzed', 'failed']).where('created_at', '<', before).execute();
  for (const { id } of stale)
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('imports').set({ status: 'cancelled', file_error: `超过${IMPORT_EXPIRY_DAYS}天未确认，已自动作废` }).where('id', '=', Number(id)).execute();
      await trx.updateTable('import_rows').set({ data: null }).where('import_id', '=', Number(id)).execute();
      await appendAudit(trx, { userId: null, username: 'system', action: 'import.expire', entity: 'import', entityId: Number(id) });
    });
  return stale.length;
}

/** Registers the uploaded files and queues their check. */
export async function createImport(db: Db, actor: Actor, files: UploadedFile[], kick: () => void): Promise<ImportView> {
  assertCanImport(actor);
  await expireStaleImports(db);
  const at = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('imports').values({
      file_name: files.map((f) => f.name).join(' + ').slice(0, 255), files: JSON.stringify(files), status: 'analyzing', file_error: null,
      good_rows_only: null, created_count: null, updated_count: null, skipped_count: null, job_id: null,
      created_by: actor.id, created_at: at, analyzed_at: null, committed_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    const job = await trx.insertInto('jobs').values({
      kind: 'import.analyze', status: 'queued', params: JSON.stringify({ importId: Number(id) }), cursor: 0, done: 0, total: 0, changed: 0,
      error: null, created_by: actor.id, created_at: at, started_at: null, finished_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('imports').set({ job_id: Number(job.id) }).where('id', '=', Number(id)).execute();
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'import.upload', entity: 'import', entityId: Number(id), detail: { files: files.map((f) => f.name) }, ip: actor.ip });
    return Number(id);
  });
  kick();
  return importView((await findImport(db, id))!);
}

export async function getImport(db: Db, actor: Actor, id: number): Promise<ImportView> {
  return importView(await loadImport(db, actor, id));
}

export async function listImports(db: Db, actor: Actor): Promise<{ items: ImportView[] }> {
  const rows = await db.selectFrom('imports').innerJoin('users', 'users.id', 'imports.created_by').selectAll('imports')
    .select(['users.display_name as creator_name']).$if(actor.role !== 'city', (q) => q.where('imports.created_by', '=', actor.id))
    .orderBy('imports.id', 'desc').limit(20).execute();
  return { items: rows.map(importView) };
}

const pageSchema = (max: number) => z.object({
  page: z.coerce.number({ error: '页码应为正整数' }).int({ error: '页码应为正整数' }).min(1, { error: '页码应为正整数' }).default(1),
  pageSize: z.coerce.number({ error: `每页条数应为1至${max}` }).int({ error: `每页条数应为1至${max}` }).min(1, { error: `每页条数应为1至${max}` }).max(max, { error: `每页条数应为1至${max}` }).default(20),
});
const rowsQuery = pageSchema(100).extend({ status: z.enum(['new', 'changed', 'unchanged', 'error'], { error: '状态应为 new、changed、unchanged 或 error' }).optional() });

export async function listImportRows(db: Db, actor: Actor, id: number, query: unknown) {
  await loadImport(db, actor, id);
  const q = parseInput(rowsQuery, query, 'import rows query');
  let base = db.selectFrom('import_rows').where('import_id', '=', id);
  if (q.status) base = base.where('status', '=', q.status);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.select(['seq', 'row_no', 'worker_no', 'name', 'id_number', 'status', 'household_id', 'changes', 'warnings'])
    .orderBy('seq').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      seq: Number(r.seq), row: Number(r.row_no), workerNo: r.worker_no, name: r.name, idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
      status: r.status, householdId: r.household_id === null ? null : Number(r.household_id),
      changes: r.changes ? JSON.parse(r.changes) : [], warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [],
    })),
  };
}

export async function listImportErrors(db: Db, actor: Actor, id: number, query: unknown) {
  await loadImport(db, actor, id);
  const q = parseInput(pageSchema(500), query, 'import errors query');
  const base = db.selectFrom('import_errors').where('import_id', '=', id);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.select(['sheet', 'row_no', 'column_label', 'value', 'message']).orderBy('sheet', 'desc').orderBy('row_no').orderBy('id')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { total: Number(total), items: rows.map((r) => ({ sheet: r.sheet, row: Number(r.row_no), column: r.column_label, value: r.value, message: r.message })) };
}

/** Every error line, for the report workbook and the CLI, in pages so a huge report stays small in memory. */
export async function* allImportErrors(db: Db, id: number) {
  let last = 0;
  for (;;) {
    const rows = await db.selectFrom('import_errors').selectAll().where('import_id', '=', id).where('id', '>', last).orderBy('id').limit(1000).execute();
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
    throw new AppError(409, 'IMPORT_NOT_READY', row.status === 'analyzing' ? '文件还在检查中，请稍候' : `该导入已${statusLabel(row.status)}，不能再确认`);
  if (Number(row.error_lines) > 0 && !goodRowsOnly)
    throw new AppError(409, 'IMPORT_HAS_ERRORS', `文件中有 ${row.error_lines} 处错误：请改正后重新上传，或选择“只导入无错误的行”`);
  if (Number(row.new_count) + Number(row.changed_count) === 0 && Number(row.unchanged_count) === 0)
    throw new AppError(409, 'IMPORT_NOTHING', '没有可以导入的行');
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('imports').set({ status: 'committing', good_rows_only: goodRowsOnly ? 1 : 0, file_error: null }).where('id', '=', id).where('status', '=', 'analyzed').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, 'IMPORT_NOT_READY', '该导入的状态已变化，请刷新页面');
    await trx.insertInto('jobs').values({
      kind: 'import.commit', status: 'queued', params: JSON.stringify({ importId: id }), cursor: 0, done: 0, total: 0, changed: 0,
      error: null, created_by: actor.id, created_at: at, started_at: null, finished_at: null,
    }).execute();
  });
  kick();
  return importView((await findImport(db, id))!);
}

export async function cancelImport(db: Db, actor: Actor, id: number): Promise<ImportView> {
  const row = await loadImport(db, actor, id);
  if (row.created_by !== actor.id) throw forbidden('只能由上传文件的人取消导入');
  if (row.status !== 'analyzed' && row.status !== 'failed')
    throw new AppError(409, 'IMPORT_NOT_READY', row.status === 'analyzing' ? '文件还在检查中，请稍候再取消' : `该导入已${statusLabel(row.status)}，不能取消`);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('imports').set({ status: 'cancelled' }).where('id', '=', id).execute();
    await trx.updateTable('import_rows').set({ data: null }).where('import_id', '=', id).execute();
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'import.cancel', entity: 'import', entityId: id, ip: actor.ip });
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
