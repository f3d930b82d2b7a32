// SQL of the exchange module's tables: the imports, their staged raw rows (import_raw), the
// checked rows (import_rows) and the bad cells (import_errors). Nothing here touches the files:
// a commit writes them through the households service.
import type { ImportRowStatus } from '@bangfu/core';
import type { Insertable, Updateable } from 'kysely';
import type { ImportErrorTable, ImportRawTable, ImportRowTable, ImportTable } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';

// ---- imports -----------------------------------------------------------------------------------

export async function insertImport(q: Q, values: Insertable<ImportTable>): Promise<number> {
  const { id } = await q.insertInto('imports').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function findImportRow(q: Q, id: number) {
  return q.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Imports with the name of who uploaded them and the progress of their current job (a commit's
 * batches move the job's count, which every server process reads alike).
 */
function importsWithOwner(q: Q) {
  return q.selectFrom('imports').innerJoin('users', 'users.id', 'imports.created_by').leftJoin('jobs', 'jobs.id', 'imports.job_id').selectAll('imports')
    .select(['users.display_name as creator_name', 'jobs.done as job_done', 'jobs.total as job_total']);
}

export async function findImport(q: Q, id: number) {
  return importsWithOwner(q).where('imports.id', '=', id).executeTakeFirst();
}

/** The latest imports, all of them or one user's. */
export async function listImportsOf(q: Q, userId: number | null, limit: number) {
  return importsWithOwner(q).$if(userId !== null, (x) => x.where('imports.created_by', '=', userId!))
    .orderBy('imports.id', 'desc').limit(limit).execute();
}

export async function setImport(q: Q, id: number, set: Updateable<ImportTable>): Promise<void> {
  await q.updateTable('imports').set(set).where('id', '=', id).execute();
}

/** Moves an import on only from the status read; false when it changed meanwhile. */
export async function setImportIf(q: Q, id: number, fromStatus: string, set: Updateable<ImportTable>): Promise<boolean> {
  const res = await q.updateTable('imports').set(set).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function importIdsCreatedBefore(q: Q, statuses: string[], before: string): Promise<number[]> {
  return (await q.selectFrom('imports').select('id').where('status', 'in', statuses).where('created_at', '<', before).execute()).map((r) => Number(r.id));
}

// ---- staging -----------------------------------------------------------------------------------

/** Drops whatever an earlier run of the check staged or wrote (a resumed check starts over). */
export async function clearStaging(q: Q, importId: number): Promise<void> {
  await q.deleteFrom('import_errors').where('import_id', '=', importId).execute();
  await q.deleteFrom('import_rows').where('import_id', '=', importId).execute();
  await q.deleteFrom('import_raw').where('import_id', '=', importId).execute();
}

export async function insertRaw(q: Q, rows: Insertable<ImportRawTable>[]): Promise<void> {
  if (rows.length) await q.insertInto('import_raw').values(rows).execute();
}

export async function deleteRaw(q: Q, importId: number): Promise<void> {
  await q.deleteFrom('import_raw').where('import_id', '=', importId).execute();
}

/** Identity numbers that more than one worker row carries, and the rows of each. */
export async function repeatedWorkerKeys(q: Q, importId: number): Promise<Map<string, number[]>> {
  const keys = (await q.selectFrom('import_raw').select('key').where('import_id', '=', importId)
    .where('sheet', '=', 'w').where('key', 'is not', null).groupBy('key').having((eb) => eb.fn.countAll(), '>', 1).execute()).map((d) => d.key!);
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await q.selectFrom('import_raw').select(['key', 'row_no']).where('import_id', '=', importId).where('sheet', '=', 'w')
      .where('key', 'in', keys.slice(i, i + 500)).orderBy('row_no').execute();
    for (const r of rows) rowsOf.set(r.key!, [...(rowsOf.get(r.key!) ?? []), Number(r.row_no)]);
  }
  return rowsOf;
}

/** Member rows whose worker is not in the 职工 sheet (or that name none). */
export async function orphanMemberRows(q: Q, importId: number) {
  return q.selectFrom('import_raw as m').select(['m.row_no', 'm.key', 'm.cells']).where('m.import_id', '=', importId).where('m.sheet', '=', 'm')
    .where((eb) => eb.or([eb('m.key', 'is', null), eb.not(eb.exists(eb.selectFrom('import_raw as w').select('w.row_no')
      .where('w.import_id', '=', importId).where('w.sheet', '=', 'w').whereRef('w.key', '=', 'm.key')))]))
    .orderBy('m.row_no').execute();
}

export async function workerRowsAfter(q: Q, importId: number, afterRow: number, limit: number) {
  return q.selectFrom('import_raw').select(['row_no', 'key', 'cells']).where('import_id', '=', importId).where('sheet', '=', 'w')
    .where('row_no', '>', afterRow).orderBy('row_no').limit(limit).execute();
}

export async function memberRowsOfKeys(q: Q, importId: number, keys: string[]) {
  if (keys.length === 0) return [];
  return q.selectFrom('import_raw').select(['row_no', 'key', 'cells']).where('import_id', '=', importId).where('sheet', '=', 'm').where('key', 'in', keys).orderBy('row_no').execute();
}

// ---- checked rows and errors -------------------------------------------------------------------

export async function insertRows(q: Q, rows: Insertable<ImportRowTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await q.insertInto('import_rows').values(rows.slice(i, i + 100)).execute();
}

export async function insertErrors(q: Q, lines: Insertable<ImportErrorTable>[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 200) await q.insertInto('import_errors').values(lines.slice(i, i + 200)).execute();
}

export async function countRows(q: Q, importId: number, statuses: ImportRowStatus[]): Promise<number> {
  const r = await q.selectFrom('import_rows').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId).where('status', 'in', statuses).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** New and changed rows after a sequence number, for the commit. */
export async function rowsToWriteAfter(q: Q, importId: number, afterSeq: number, limit: number) {
  return q.selectFrom('import_rows').selectAll().where('import_id', '=', importId).where('status', 'in', ['new', 'changed'])
    .where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/** Rows the commit could not write because their file changed after the check, each with the reason. */
export async function markStale(q: Q, importId: number, rows: readonly { seq: number; note: string }[]): Promise<void> {
  for (const r of rows) await q.updateTable('import_rows').set({ status: 'stale', note: r.note }).where('import_id', '=', importId).where('seq', '=', r.seq).execute();
}

/** How many rows of the import stand in each status (up to a sequence number: those a cut-short commit reached). */
export async function rowCountsByStatus(q: Q, importId: number, upToSeq?: number): Promise<Map<string, number>> {
  const rows = await q.selectFrom('import_rows').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).where('import_id', '=', importId)
    .$if(upToSeq !== undefined, (x) => x.where('seq', '<=', upToSeq!)).groupBy('status').execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** The parsed rows repeat personal data: once written, cancelled or void, only the summary stays. */
export async function clearRowData(q: Q, importId: number, seq?: { from: number; to: number }): Promise<void> {
  await q.updateTable('import_rows').set({ data: null }).where('import_id', '=', importId).where('data', 'is not', null)
    .$if(seq !== undefined, (x) => x.where('seq', '>=', seq!.from).where('seq', '<=', seq!.to)).execute();
}

export async function pageOfRows(q: Q, importId: number, f: { status?: ImportRowStatus; page: number; pageSize: number }) {
  let base = q.selectFrom('import_rows').where('import_id', '=', importId);
  if (f.status) base = base.where('status', '=', f.status);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.select(['seq', 'row_no', 'worker_no', 'name', 'id_number', 'status', 'household_id', 'changes', 'warnings', 'note'])
    .orderBy('seq').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total: Number(total), rows };
}

export async function pageOfErrors(q: Q, importId: number, f: { page: number; pageSize: number }) {
  const base = q.selectFrom('import_errors').where('import_id', '=', importId);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.select(['sheet', 'row_no', 'column_label', 'value', 'message']).orderBy('sheet', 'desc').orderBy('row_no').orderBy('id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total: Number(total), rows };
}

export async function errorsAfter(q: Q, importId: number, afterId: number, limit: number) {
  return q.selectFrom('import_errors').selectAll().where('import_id', '=', importId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
