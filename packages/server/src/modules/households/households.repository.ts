// SQL of the households module's tables: households, members, causes, versions, review opinions,
// removal proposals, the identification changes of a re-evaluation and the worker numbers a
// transferred file had (household_former_numbers). No rules here: the
// services decide. Reads that span other modules' tables are in households.queries.ts.
import { sql, type ExpressionBuilder, type Insertable, type Selectable, type Updateable } from 'kysely';
import { parseWorkerNo, type HouseholdData } from '@bangfu/core';
import { moveCounterPast } from '../orgs/orgs.repository.js';
import type { Database, HouseholdFormerNumberTable, HouseholdResultTable, HouseholdTable, HouseholdVersionTable, IdentificationChangeTable, RemovalProposalTable, ReviewOpinionTable } from '../../db/schema.js';
import type { Actor } from '../access/actor.js';
import { householdScope, seesFullIdentity } from '../access/scope.js';
import { AppError } from '../../lib/errors.js';
import { DATA_COLUMNS, memberRows, RESULT_COLUMNS, RESULT_TABLE_COLUMNS, splitStored } from './household.mapping.js';

import type { Q } from '../../db/transaction.js';
import { isPostgres } from '../../db/dialect.js';
import { insertManyPg, updateManyById, upsertManyPg, type CellValue } from '../../db/update-many.js';
import { selectRows } from '../../db/fast-rows.js';
import type { SQLiteHandle } from '../../db/index.js';
export type { Q };

/** Which of these worker numbers some file (of any status) already holds. */
export async function takenWorkerNos(q: Q, workerNos: string[]): Promise<Set<string>> {
  if (workerNos.length === 0) return new Set();
  const rows = await q.selectFrom('households').select('worker_no').where('worker_no', 'in', workerNos).execute();
  return new Set(rows.map((r) => r.worker_no));
}

export async function replaceMembersAndCauses(trx: Q, householdId: number, h: HouseholdData): Promise<void> {
  await trx.deleteFrom('household_members').where('household_id', '=', householdId).execute();
  await trx.deleteFrom('household_causes').where('household_id', '=', householdId).execute();
  await insertMembersAndCauses(trx, householdId, h);
}

/** For a file inserted in this transaction: nothing to delete first. */
export async function insertMembersAndCauses(trx: Q, householdId: number, h: HouseholdData): Promise<void> {
  await insertMembersAndCausesMany(trx, [{ id: householdId, data: h }]);
}

/** Rows per INSERT, so that a statement stays below both databases' parameter limits. */
const rowsPerInsert = (row: object) => Math.max(1, Math.floor(30_000 / Object.keys(row).length));

/**
 * Rows of one table in few statements: PostgreSQL one over unnest(), SQLite chunks below its
 * parameter limit through `insert` (which names the table, so that its owner can be known).
 */
async function insertAll<R extends object>(q: Q, table: string, rows: readonly R[], insert: (chunk: R[]) => Promise<unknown>): Promise<void> {
  if (rows.length === 0) return;
  if (isPostgres(q)) {
    await insertManyPg(q, table, rows as unknown as Record<string, unknown>[]);
    return;
  }
  const n = rowsPerInsert(rows[0]);
  for (let i = 0; i < rows.length; i += n) await insert(rows.slice(i, i + n));
}

/** The members and causes of files inserted in this transaction, in a few statements. */
export async function insertMembersAndCausesMany(trx: Q, files: readonly { id: number; data: HouseholdData }[]): Promise<void> {
  await insertAll(trx, 'household_members', files.flatMap((f) => memberRows(f.id, f.data.members)), (c) => trx.insertInto('household_members').values(c).execute());
  await insertAll(trx, 'household_causes', files.flatMap((f) => f.data.causes.map((cause) => ({ household_id: f.id, cause }))),
    (c) => trx.insertInto('household_causes').values(c).execute());
}

/** A file in the actor's scope with its stored result (household_results). */
export async function findHouseholdRow(db: Q, actor: Actor, id: number) {
  return db.selectFrom('households').leftJoin('household_results as hr', 'hr.household_id', 'households.id')
    .selectAll('households').select(RESULT_TABLE_COLUMNS.map((c) => `hr.${c}` as const))
    .where('households.id', '=', id).where(householdScope(actor)).executeTakeFirst();
}

/**
 * A file whoever asks (no scope): for the receiving side of a transfer, which decides on a file it
 * cannot see yet. The caller has checked the right to act on it.
 */
export async function findRowAnyScope(db: Q, id: number) {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored results of many files (a batch job). */
export async function storedResultsOf(q: Q, householdIds: number[]) {
  if (householdIds.length === 0) return new Map<number, Selectable<HouseholdResultTable>>();
  const rows = await q.selectFrom('household_results').selectAll().where('household_id', 'in', householdIds).execute();
  return new Map(rows.map((r) => [Number(r.household_id), r]));
}

export async function findMembers(db: Q, householdId: number) {
  return db.selectFrom('household_members').selectAll().where('household_id', '=', householdId).orderBy('seq').execute();
}

/** Which of these identity numbers already stand in another live file (as worker or member). */
export async function idNumbersInOtherFiles(db: Q, ids: string[], excludeId: number | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const workers = await db
    .selectFrom('households')
    .select('id_number as idn')
    .where('id_number', 'in', ids)
    .where('status', 'not in', ['removed', 'exited'])
    .$if(excludeId !== null, (q) => q.where('id', '<>', excludeId!))
    .execute();
  const members = await db
    .selectFrom('household_members')
    .innerJoin('households', 'households.id', 'household_members.household_id')
    .select('household_members.id_number as idn')
    .where('household_members.id_number', 'in', ids)
    .where('households.status', 'not in', ['removed', 'exited'])
    .$if(excludeId !== null, (q) => q.where('households.id', '<>', excludeId!))
    .execute();
  return new Set([...workers, ...members].map((r) => r.idn!).filter(Boolean));
}

/** Which of these identity numbers are the worker of a live file (one live file per worker). */
export async function liveWorkerIdNumbers(db: Q, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('households').select('id_number as idn').where('id_number', 'in', ids).where('status', 'not in', ['removed', 'exited']).execute();
  return new Set(rows.map((r) => r.idn));
}

/** A live file whose worker holds this identity number, in any scope (uniqueness is city-wide). */
export async function liveFileOfWorker(db: Q, idNumber: string, excludeId: number | null) {
  return db
    .selectFrom('households')
    .select(['id', 'worker_no', 'region_code', 'name'])
    .where('id_number', '=', idNumber)
    .where('status', 'not in', ['removed', 'exited'])
    .$if(excludeId !== null, (q) => q.where('id', '<>', excludeId!))
    .executeTakeFirst();
}

/** Whether the file lies in the actor's scope (no data read). */
export async function isInScope(db: Q, actor: Actor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('households').select('id').where('id', '=', id).where(householdScope(actor)).executeTakeFirst());
}

/** A file's versions, newest first, with those of the duplicate files merged into it (each with its own worker number). */
export async function listVersions(db: Q, householdId: number) {
  return db
    .selectFrom('household_versions')
    .innerJoin('users', 'users.id', 'household_versions.changed_by')
    .innerJoin('households', 'households.id', 'household_versions.household_id')
    .select(['household_versions.version', 'household_versions.action', 'household_versions.changed_at', 'household_versions.changes',
      'household_versions.reason', 'users.id as user_id', 'users.username', 'users.display_name', 'household_versions.household_id', 'households.worker_no'])
    .where((eb) => eb.or([
      eb('household_versions.household_id', '=', householdId),
      eb('household_versions.household_id', 'in', eb.selectFrom('households as merged').select('merged.id').where('merged.merged_into', '=', householdId)),
    ]))
    .orderBy('household_versions.changed_at', 'desc')
    .orderBy('household_versions.id', 'desc')
    .execute();
}

/** The file with this worker number, or one it had before a transfer, within the actor's scope (the CLI's print looks files up this way). */
export async function findIdByWorkerNo(db: Q, actor: Actor, workerNo: string): Promise<number | undefined> {
  const row = await db.selectFrom('households').select('id').where('worker_no', '=', workerNo).where(householdScope(actor)).executeTakeFirst();
  if (row) return Number(row.id);
  const former = await db.selectFrom('households').select('households.id')
    .where('households.id', 'in', (eb) => eb.selectFrom('household_former_numbers').select('household_id').where('worker_no', '=', workerNo))
    .where(householdScope(actor)).executeTakeFirst();
  return former ? Number(former.id) : undefined;
}

// ---- 档案转移: where a file is, and the numbers it had -----------------------------------------

/** Moves a file to another place (a new worker number when the region changes), guarded by its version and status. */
export async function moveFileGuarded(q: Q, id: number, guard: { version: number; status: string },
  to: { region_code: string; unit_id: string | null; worker_no: string; version: number; updated_by: number; updated_at: string }): Promise<boolean> {
  // the responsible leader and cadre are named again by the receiving side
  return updateHouseholdGuarded(q, id, guard, { ...to, leader_user_id: null, cadre_user_id: null });
}

export async function insertFormerNumber(q: Q, row: Insertable<HouseholdFormerNumberTable>): Promise<void> {
  await q.insertInto('household_former_numbers').values(row).execute();
}

export async function formerNumbersOf(q: Q, householdId: number) {
  return q.selectFrom('household_former_numbers').select(['worker_no', 'region_code', 'until']).where('household_id', '=', householdId).orderBy('until').orderBy('worker_no').execute();
}

/** A pending removal proposal follows its file to the region that now decides it. */
export async function movePendingProposal(q: Q, householdId: number, regionCode: string): Promise<void> {
  await q.updateTable('removal_proposals').set({ region_code: regionCode }).where('household_id', '=', householdId).where('status', '=', 'pending').execute();
}

/** Which of these identity numbers have a live file, in any scope (uniqueness is city-wide): ids only. */
export async function liveIdsOfIdNumbers(q: Q, idNumbers: string[]) {
  if (idNumbers.length === 0) return [];
  return q.selectFrom('households').select(['id', 'id_number']).where('id_number', 'in', idNumbers).where('status', 'not in', ['removed', 'exited']).execute();
}

export async function filesByIds(q: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return q.selectFrom('households').selectAll().where('id', 'in', ids).execute();
}

/** Which of these files lie in the actor's scope. */
export async function idsInScope(q: Q, actor: Actor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  return (await q.selectFrom('households').select('id').where('id', 'in', ids).where(householdScope(actor)).execute()).map((r) => Number(r.id));
}

/** The files holding these worker numbers, whatever their status. */
export async function filesOfWorkerNos(q: Q, workerNos: string[]) {
  if (workerNos.length === 0) return [];
  return q.selectFrom('households').select(['worker_no', 'id_number', 'status']).where('worker_no', 'in', workerNos).execute();
}

// ---- writes of the file ----------------------------------------------------------------------

/** New files in a few statements: their ids by worker number (unique, so no reliance on the order RETURNING gives). */
export async function insertHouseholds(q: Q, rows: readonly Insertable<HouseholdTable>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (rows.length === 0) return ids;
  if (isPostgres(q)) {
    for (const r of await insertManyPg<{ id: string; worker_no: string }>(q, 'households', rows as unknown as Record<string, unknown>[], ['id', 'worker_no'])) ids.set(r.worker_no, Number(r.id));
    return ids;
  }
  const n = rowsPerInsert(rows[0]);
  for (let i = 0; i < rows.length; i += n) {
    const inserted = await q.insertInto('households').values(rows.slice(i, i + n)).returning(['id', 'worker_no']).execute();
    for (const r of inserted) ids.set(r.worker_no, Number(r.id));
  }
  return ids;
}

/** Writes the file's columns if it is still at the version and status read; false otherwise. */
export async function updateHouseholdGuarded(q: Q, id: number, guard: { version: number; status: string }, set: Updateable<HouseholdTable>): Promise<boolean> {
  const res = await q.updateTable('households').set(set).where('id', '=', id).where('version', '=', guard.version).where('status', '=', guard.status).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Columns the system keeps on the file (identification, urgency, status after review, responsibility, last assistance). */
/**
 * Identification (and urgency) columns of many files, in a few statements. Given the rows as
 * stored, only the columns whose value changes are written, files grouped by which columns those
 * are: a re-evaluation mostly changes the stored explanation, and setting a column (even to its own
 * value) rewrites every index entry that holds it, four random index pages per file.
 */
export async function setIdentificationMany(
  q: Q, rows: readonly ({ id: number } & Record<string, CellValue>)[], stored?: ReadonlyMap<number, Record<string, unknown>>,
): Promise<void> {
  const groups = new Map<string, { columns: string[]; rows: Record<string, CellValue>[] }>();
  const results: Insertable<HouseholdResultTable>[] = [];
  for (const row of rows) {
    const { file, result } = splitStored(row);
    if (result) results.push({ household_id: row.id, ...result } as Insertable<HouseholdResultTable>);
    const before = stored?.get(row.id);
    const columns = Object.keys(file).filter((c) => c !== 'id' && (!before || !sameValue(before[c], file[c])));
    if (columns.length === 0) continue;
    const key = columns.join(',');
    const g = groups.get(key) ?? { columns, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  }
  for (const g of groups.values()) await updateManyById(q, 'households', g.columns, g.rows);
  await upsertResults(q, results);
}

/** household_results rows written whole, new or replacing (every row of one call has the same columns). */
async function upsertResults(q: Q, rows: Insertable<HouseholdResultTable>[]): Promise<void> {
  if (rows.length === 0) return;
  if (isPostgres(q)) return upsertManyPg(q, 'household_results', 'household_id', rows as unknown as Record<string, CellValue>[]);
  const columns = Object.keys(rows[0]).filter((c) => c !== 'household_id') as (typeof RESULT_TABLE_COLUMNS)[number][];
  for (let i = 0; i < rows.length; i += 1000)
    await q.insertInto('household_results').values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.column('household_id').doUpdateSet(Object.fromEntries(columns.map((c) => [c, (eb: any) => eb.ref(`excluded.${c}`)]))))
      .execute();
}

// PostgreSQL returns bigint columns as strings: 3 and '3' are the same stored value
const sameValue = (a: unknown, b: unknown) => (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : String(a) === String(b);

export async function setHouseholdColumns(q: Q, id: number, set: Updateable<HouseholdTable> & Partial<Omit<Insertable<HouseholdResultTable>, 'household_id'>>): Promise<void> {
  const { file, result } = splitStored(set);
  if (result) await q.updateTable('household_results').set(result).where('household_id', '=', id).execute();
  if (Object.keys(file).length) await q.updateTable('households').set(file as Updateable<HouseholdTable>).where('id', '=', id).execute();
}

/** The next planned 脱困回访 of exited files and the visits made (the assistance module computes them with core's followUpState). */
export async function setFollowUpSchedules(q: Q, rows: { id: number; follow_up_due_on: string | null; follow_ups_made: number }[]): Promise<void> {
  await updateManyById(q, 'households', ['follow_up_due_on', 'follow_ups_made'], rows);
}

/** Exited files after a cursor, in id order: what a change of the follow-up schedule recomputes. */
export async function exitedAfter(q: Q, after: number, limit: number) {
  return q.selectFrom('households').select(['id', 'exit_date']).where('status', '=', 'exited').where('id', '>', after).orderBy('id').limit(limit).execute();
}

export async function countExitedFiles(q: Q): Promise<number> {
  const r = await q.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'exited').executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertVersion(q: Q, v: Insertable<HouseholdVersionTable>): Promise<void> {
  await insertVersions(q, [v]);
}

export async function insertVersions(q: Q, rows: Insertable<HouseholdVersionTable>[]): Promise<void> {
  await insertAll(q, 'household_versions', rows, (c) => q.insertInto('household_versions').values(c).execute());
}

/** The stored results of files inserted in this transaction (their other columns went in with the file). */
export async function insertResults(q: Q, rows: Insertable<HouseholdResultTable>[]): Promise<void> {
  await insertAll(q, 'household_results', rows, (c) => q.insertInto('household_results').values(c).execute());
}

export async function insertOpinion(q: Q, o: Insertable<ReviewOpinionTable>): Promise<void> {
  await q.insertInto('review_opinions').values(o).execute();
}

export async function listOpinions(q: Q, householdId: number) {
  return q.selectFrom('review_opinions').selectAll().where('household_id', '=', householdId).orderBy('id').execute();
}

/** The stored eligibility and category, before a new result replaces them. */
export async function storedOutcome(q: Q, id: number) {
  return q.selectFrom('households').select(['id_eligible', 'id_category']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function currentVersionAndStatus(q: Q, id: number) {
  return q.selectFrom('households').select(['version', 'status']).where('id', '=', id).executeTakeFirst();
}

/** Members of many files at once (batches); `sqlite` as in filesToEvaluateAfter. */
export async function membersOf(q: Q, householdIds: number[], sqlite?: SQLiteHandle) {
  if (householdIds.length === 0) return [];
  const query = q.selectFrom('household_members').selectAll().where('household_id', 'in', householdIds).orderBy('household_id').orderBy('seq');
  return sqlite ? selectRows(sqlite, query.compile()) : query.execute();
}

// ---- removal proposals (剔除建议): part of the file's state, written with its result -------------

export async function pendingProposalId(q: Q, householdId: number): Promise<number | null> {
  const p = await q.selectFrom('removal_proposals').select('id').where('household_id', '=', householdId).where('status', '=', 'pending').executeTakeFirst();
  return p ? Number(p.id) : null;
}

export async function pendingProposalOf(q: Q, householdId: number) {
  return q.selectFrom('removal_proposals').select(['id', 'reason', 'created_at']).where('household_id', '=', householdId).where('status', '=', 'pending').executeTakeFirst();
}

/**
 * Pending proposal ids of many files (a re-evaluation batch). The proposals are looked up by file
 * and filtered here: with `status = ?` in the query SQLite's planner took the status index, whose
 * sampled statistics promise a thousand rows, and read every pending proposal for each batch.
 */
export async function pendingProposalIds(q: Q, householdIds: number[]): Promise<Map<number, number>> {
  const pending = new Map<number, number>();
  for (const p of await proposalsOf(q, householdIds)) if (p.status === 'pending') pending.set(Number(p.household_id), Number(p.id));
  return pending;
}

function proposalsOf(q: Q, householdIds: number[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return q.selectFrom('removal_proposals').select(['id', 'household_id', 'status']).where('household_id', 'in', householdIds).execute();
}

export async function updateProposal(q: Q, id: number, set: Updateable<RemovalProposalTable>): Promise<void> {
  await q.updateTable('removal_proposals').set(set).where('id', '=', id).execute();
}

export async function insertProposals(q: Q, rows: Insertable<RemovalProposalTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await q.insertInto('removal_proposals').values(rows.slice(i, i + 500)).execute();
}

/** One proposal's new values; every change of one call sets the same columns. */
export type ProposalChange = { id: number } & Updateable<RemovalProposalTable>;

export async function updateProposalsMany(q: Q, rows: readonly ProposalChange[]): Promise<void> {
  if (rows.length === 0) return;
  await updateManyById(q, 'removal_proposals', Object.keys(rows[0]).filter((c) => c !== 'id'), rows as readonly Record<string, CellValue>[]);
}

/** How each file's latest proposal ended (rejected ones stand while the file stays ineligible), for many files. */
export async function lastProposalStatuses(q: Q, householdIds: number[]): Promise<Map<number, string>> {
  const latest = new Map<number, { id: number; status: string }>();
  for (const p of await proposalsOf(q, householdIds)) {
    const h = Number(p.household_id);
    if (!latest.has(h) || Number(p.id) > latest.get(h)!.id) latest.set(h, { id: Number(p.id), status: p.status });
  }
  return new Map([...latest].map(([h, p]) => [h, p.status]));
}

// ---- re-evaluation -----------------------------------------------------------------------------

export async function insertIdentificationChanges(q: Q, rows: Insertable<IdentificationChangeTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await q.insertInto('identification_changes').values(rows.slice(i, i + 500)).execute();
}

/**
 * Live files in id order after a cursor, optionally limited to (region, year) pairs, for a job's
 * batch that writes them back in the same transaction. On PostgreSQL the rows are locked (FOR
 * UPDATE): an edit or review committed between the read and the write would otherwise be
 * overwritten with a result computed from the older file (SQLite has one writer at a time).
 */
export async function liveFilesAfter(q: Q, after: number, limit: number, opts: { pairs?: { regionCode: string; year: number }[]; statuses?: readonly string[] } = {}) {
  return liveFilesQuery(q, after, limit, opts).selectAll().execute();
}

/**
 * As liveFilesAfter, only the columns a re-evaluation reads (a whole row is twice as many, and a
 * batch's time is mostly reading), and not locked: read in a snapshot, written after checking
 * versionsForUpdate.
 */
/** `sqlite`: the connection under q (a SQLite transaction's), whose rows are then read as arrays (fast-rows.ts). */
export async function filesToEvaluateAfter(q: Q, after: number, limit: number, opts: { pairs?: { regionCode: string; year: number }[]; sqlite?: SQLiteHandle } = {}) {
  // PostgreSQL, misjudging how many files the pairs' expressions keep, planned a parallel scan for
  // each batch of 500: starting its workers took longer than reading the batch (in a transaction,
  // which the job's snapshot is, the setting ends with it)
  if (isPostgres(q)) await sql`set local max_parallel_workers_per_gather = 0`.execute(q);
  const query = liveFilesQuery(q, after, limit, { pairs: opts.pairs, lock: false }).select(['id', 'version', 'status', 'fill_year', ...DATA_COLUMNS, ...RESULT_COLUMNS]);
  return opts.sqlite ? selectRows(opts.sqlite, query.compile()) : query.execute();
}

/** The files' versions and statuses now, locked on PostgreSQL until the transaction ends. */
export async function versionsForUpdate(q: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return q.selectFrom('households').select(['id', 'version', 'status']).where('id', 'in', ids).$if(isPostgres(q), (x) => x.forUpdate()).execute();
}

function liveFilesQuery(q: Q, after: number, limit: number, opts: { pairs?: { regionCode: string; year: number }[]; statuses?: readonly string[]; lock?: boolean }) {
  return q.selectFrom('households')
    .$if(!opts.statuses, (x) => x.where('status', 'not in', ['removed', 'exited']))
    .$if(!!opts.statuses, (x) => x.where('status', 'in', [...opts.statuses!]))
    // the pairs compared as expressions no index answers, so that the walk goes by id: with the
    // (region, year) index both planners collected every file of the pairs and sorted them by id
    // for each batch of 500, which made a re-evaluation of a million quadratic
    .$if(!!opts.pairs, (x) => x.where(inPairs(opts.pairs!, true)))
    .where('id', '>', after).orderBy('id').limit(limit)
    .$if(isPostgres(q) && opts.lock !== false, (x) => x.forUpdate());
}

export async function countLiveFiles(q: Q, opts: { pairs?: { regionCode: string; year: number }[]; statuses?: readonly string[] } = {}): Promise<number> {
  const r = await q.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(!opts.statuses, (x) => x.where('status', 'not in', ['removed', 'exited']))
    .$if(!!opts.statuses, (x) => x.where('status', 'in', [...opts.statuses!]))
    .$if(!!opts.pairs, (x) => x.where(inPairs(opts.pairs!)))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function inPairs(pairs: { regionCode: string; year: number }[], byId = false) {
  return (eb: ExpressionBuilder<Database, 'households'>) => {
    const region = byId ? eb.fn<string>('trim', [eb.ref('region_code')]) : eb.ref('region_code');
    const year = byId ? sql<number>`(fill_year + 0)` : eb.ref('fill_year');
    return eb.or(pairs.map((p) => eb.and([eb(region, '=', p.regionCode), eb(year, '=', p.year)])));
  };
}

/** The text written in place of a name whose personal data was erased at the end of retention. */
export const ERASED_NAME = '（已删除）';

/**
 * Ended files (removed, exited) whose end day is before `before` and whose personal data is still
 * held, after `after` by id: what the end of retention erases next.
 */
export async function endedFilesBefore(q: Q, before: string, after: number, limit: number) {
  return q.selectFrom('households').select(['id', 'region_code', 'status', 'ended_on'])
    .where('status', 'in', ['removed', 'exited']).where('ended_on', '<', before).where('name', '<>', ERASED_NAME).where('id', '>', after)
    .orderBy('id').limit(limit).execute();
}

/**
 * Erases the personal data of these files for good (PIPL 第47条): the person's name, identity and
 * phone numbers, address, employer, health and the free text of the file; the family members; every
 * version's snapshot and changes; the review opinions' text. What the counts and the statistics
 * read (region, year, category, incomes, causes, statuses and their days) stays.
 */
export async function erasePersonalData(trx: Q, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await trx.updateTable('households').set({
    name: ERASED_NAME, id_number: '', phone: '', address: '', employer: '', health: '', model_worker: null, other_hardship: null,
    cause_description: null, needs: null, measures: null, return_reason: null, warnings: '[]', warning_count: 0,
  }).where('id', 'in', ids).execute();
  await trx.deleteFrom('household_members').where('household_id', 'in', ids).execute();
  await trx.deleteFrom('household_versions').where('household_id', 'in', ids).execute();
  await trx.updateTable('review_opinions').set({ opinion: ERASED_NAME }).where('household_id', 'in', ids).execute();
}
