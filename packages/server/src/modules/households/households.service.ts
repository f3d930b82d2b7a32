// Rules and transactions of the registry: create, update (optimistic version), remove, read.
// Each state change writes the file, its version row and its audit row in one transaction.
import { z } from 'zod';
import {
  dataWarnings, editRule, editSendsBackToReview, fenToYuan, HOUSEHOLD_SORT_COLUMNS, HOUSEHOLD_STATUS_LABELS, householdFilterSchema, householdListQuerySchema,
  householdToJson, idCheckBodySchema, idNumbersOf, maskIdNumber, maskPhone, parseWorkerNo, type HouseholdData, type HouseholdFileExtras, type HouseholdJson, type HouseholdSortKey,
  type HouseholdStatus, type IdentifyResult, IDENTIFY_FLAGS, todayInChina,
} from '@bangfu/core';
import { inTransaction, type Db, type Q as Trx } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { parseHouseholdInput, parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { canFile, seesFullIdentity, seesFullPhone } from '../access/scope.js';
import type { Insertable } from 'kysely';
import type { HouseholdResultTable, HouseholdTable } from '../../db/schema.js';
import { appendAuditMany, audit, auditNow } from '../audit/audit.repository.js';
import { allocateWorkerNos, findOrg, listOrgs, moveCounterPast } from '../orgs/orgs.repository.js';
import { diffHouseholds } from './household.diff.js';
import { evaluateAndStore, evaluateNew, takeProposalSteps, type EvaluationCache } from './evaluation.service.js';
import { fileColumns, rowMeta, rowToData, splitStored } from './household.mapping.js';
import * as repo from './households.repository.js';
import { stepDays } from './step-days.js';
import { FLAG_COLUMNS, listHouseholdRows, type HouseholdFilter } from './households.queries.js';

/** Checks that need the database: the region and unit exist and are the actor's, one live file per worker. */
export async function checkPlacement(db: Db | Trx, actor: Actor, h: HouseholdData, excludeId: number | null) {
  const region = await findOrg(db, h.regionCode);
  if (!region || region.kind !== 'region' || !region.active)
    throw validationFailed([{ path: 'regionCode', message: `地区代码 ${h.regionCode} 不是已配置的地区` }], 'household');
  if (h.unitId) {
    const unit = await findOrg(db, h.unitId);
    if (!unit || unit.kind !== 'unit' || !unit.active || unit.parentCode !== h.regionCode)
      throw validationFailed([{ path: 'unitId', message: '基层工会不存在或不属于所选地区' }], 'household');
  }
  if (!canFile(actor, h.regionCode, h.unitId))
    throw new AppError('FORBIDDEN', { message: '只能为本单位、本地区的职工建档', errors: [
      { path: h.unitId && actor.role === 'unit' ? 'unitId' : 'regionCode', message: `您只能管理本组织（${actor.orgName}）的档案` },
    ] });
  await refuseDuplicateWorker(db, actor, h.idNumber, excludeId, '不能重复建档');
}

/**
 * One live file per worker, city-wide. The worker number of the other file is named only when the
 * caller may see that file: outside their scope the answer is one fixed sentence, with no number,
 * region or data, and the refusal is audited (a probe for who is filed where leaves a trace).
 */
export async function refuseDuplicateWorker(db: Db | Trx, actor: Actor, idNumber: string, excludeId: number | null, what: string) {
  const dup = await repo.liveFileOfWorker(db, idNumber, excludeId);
  if (!dup) return;
  if (await repo.isInScope(db, actor, Number(dup.id)))
    throw new AppError('DUPLICATE_ID_NUMBER', {
      message: `该职工已有在册档案（职工编号 ${dup.worker_no}），${what}`, errors: [{ path: 'idNumber', message: `该身份证号已有在册档案 ${dup.worker_no}` }],
    });
  // inside a transaction the refusal rolls back with it; a standalone check keeps its trace
  if (!db.isTransaction) await auditNow(db as Db, actor, 'household.duplicateRefused', 'household', null, { scope: 'outside' });
  throw new AppError('DUPLICATE_ID_NUMBER', { message: `${OUT_OF_SCOPE_DUPLICATE}，${what}`, errors: [{ path: 'idNumber', message: OUT_OF_SCOPE_DUPLICATE }] });
}

/**
 * The form's early question: may this identity number be filed (again)? The other file is named
 * only inside the caller's scope; a probe outside it is audited like a refused save.
 */
export async function checkIdNumberForFiling(db: Db, actor: Actor, input: unknown) {
  if (!['admin', 'city', 'region', 'unit'].includes(actor.role)) throw forbidden('只有建档人员可以核对身份证号');
  const body = parseInput(idCheckBodySchema, input, 'id check');
  const id = body.idNumber.toUpperCase();
  const dup = await repo.liveFileOfWorker(db, id, body.excludeId ?? null);
  if (!dup) return { duplicate: false, message: null, household: null };
  if (await repo.isInScope(db, actor, Number(dup.id)))
    return { duplicate: true, message: `该身份证号已有在册档案 ${dup.worker_no}`, household: { id: Number(dup.id), workerNo: dup.worker_no, name: dup.name } };
  await auditNow(db, actor, 'household.duplicateRefused', 'household', null, { scope: 'outside', check: true });
  return { duplicate: true, message: OUT_OF_SCOPE_DUPLICATE, household: null };
}

/** The same words whatever and wherever the other file is. */
export const OUT_OF_SCOPE_DUPLICATE = '该身份证号已有在册档案，不在您的管理范围内；如确属本单位职工，请联系市总工会核实';

export async function warningsFor(db: Db | Trx, h: HouseholdData, excludeId: number | null) {
  const elsewhere = await repo.idNumbersInOtherFiles(db, idNumbersOf(h), excludeId);
  return dataWarnings(h, elsewhere);
}

/**
 * The warnings of new files written together (an import's batch), as if each were saved after the
 * ones before it: an identity number counts as elsewhere when a live file holds it or an earlier
 * file of the batch does. One query for the whole batch.
 */
export async function warningsForNew(db: Db | Trx, files: readonly HouseholdData[]) {
  const live = await repo.idNumbersInOtherFiles(db, [...new Set(files.flatMap(idNumbersOf))], null);
  const earlier = new Set<string>();
  return files.map((h) => {
    const ids = idNumbersOf(h);
    const warnings = dataWarnings(h, new Set(ids.filter((id) => live.has(id) || earlier.has(id))));
    for (const id of ids) earlier.add(id);
    return warnings;
  });
}

/** What PUT carries besides the file: the version it read, and for a filed file the reason. */
const updateMetaSchema = z.object({
  version: z.number({ error: '缺少档案版本号（version），请重新打开档案后再保存' }).int({ error: '缺少档案版本号（version），请重新打开档案后再保存' }),
  reason: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(500, { error: '修改原因不能超过500个字' })),
});

/** The unique index on live identity numbers is the last line against a concurrent duplicate. */
export function mapUniqueViolation(e: unknown): never {
  const msg = e instanceof Error ? e.message : String(e);
  if (/households_id_number_live|UNIQUE constraint failed: households\.id_number/.test(msg) || (e as { constraint?: string })?.constraint === 'households_id_number_live')
    throw new AppError('DUPLICATE_ID_NUMBER', { message: '该职工已有在册档案，不能重复建档', errors: [{ path: 'idNumber', message: '该身份证号已有在册档案' }] });
  throw e;
}

/** The stored result with the file version and time it was computed for. */
function storedIdentification(row: { id_result: string | null; id_file_version: number | null; id_at: string | null }) {
  if (!row.id_result) return null;
  return { ...(JSON.parse(row.id_result) as IdentifyResult), fileVersion: row.id_file_version, computedAt: row.id_at };
}

type Opinion = HouseholdFileExtras['opinions'][number];

/** The file as GET /api/households/:id answers (core's householdFileSchema). */
export type HouseholdFile = HouseholdJson & Omit<HouseholdFileExtras, keyof HouseholdJson>;

export async function loadJson(db: Db | Trx, actor: Actor, id: number): Promise<HouseholdFile | undefined> {
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) return undefined;
  const members = await repo.findMembers(db, id);
  const opinions = await repo.listOpinions(db, id);
  const proposal = await repo.pendingProposalOf(db, id);
  const mergedInto = row.merged_into ? await repo.findRowAnyScope(db, row.merged_into) : undefined;
  return {
    ...householdToJson(rowToData(row, members), rowMeta(row)),
    identification: storedIdentification(row),
    statusLabel: HOUSEHOLD_STATUS_LABELS[row.status as HouseholdStatus] ?? row.status,
    returnReason: row.return_reason,
    exitReason: row.exit_reason,
    exitDate: row.exit_date,
    createdBy: row.created_by,
    pendingProposal: proposal ? { id: Number(proposal.id), reason: proposal.reason, createdAt: proposal.created_at } : null,
    mergedInto: mergedInto ? { id: Number(mergedInto.id), workerNo: mergedInto.worker_no } : null,
    opinions: opinions.map((o) => ({
      level: o.level as Opinion['level'], decision: o.decision as Opinion['decision'], opinion: o.opinion, authorName: o.author_name,
      orgCode: o.org_code, orgName: o.org_name, at: o.at, fileVersion: o.file_version,
    })),
  };
}

/** Identity and phone numbers as this role may see them. */
export function masked(actor: Actor, f: HouseholdFile): HouseholdFile {
  const full = seesFullIdentity(actor);
  return {
    ...f,
    idNumber: full ? f.idNumber : maskIdNumber(f.idNumber),
    phone: seesFullPhone(actor) ? f.phone : maskPhone(f.phone),
    members: full ? f.members : f.members.map((m) => ({ ...m, idNumber: m.idNumber ? maskIdNumber(m.idNumber) : null })),
  };
}

export async function createHousehold(db: Db, actor: Actor, input: unknown, opts: { keepWorkerNo?: boolean } = {}): Promise<HouseholdFile> {
  const h = parseHouseholdInput(input);
  if (h.workerNo && !opts.keepWorkerNo)
    throw validationFailed([{ path: 'workerNo', message: '职工编号由系统自动分配，新建档案时不要填写' }], 'household');
  await checkPlacement(db, actor, h, null);
  const warnings = await warningsFor(db, h, null);
  const at = nowIso();
  try {
    return await inTransaction(db, async (trx) => {
      const hid = await insertFileTx(trx, actor, h, warnings, at);
      return masked(actor, (await loadJson(trx, actor, hid))!);
    });
  } catch (e) {
    mapUniqueViolation(e);
  }
}

/**
 * A new file inside the caller's transaction: worker number (allocated, or reserved when an
 * import brings an existing one), members, identification, version 1 and the audit row.
 */
export async function insertFileTx(
  trx: Trx, actor: Actor, h: HouseholdData, warnings: ReturnType<typeof dataWarnings>, at: string, reason: string | null = null, cache?: EvaluationCache,
): Promise<number> {
  return (await insertFilesTx(trx, actor, [{ data: h, warnings }], at, reason, cache))[0];
}

/** A worker number brought along must be of the file's region. */
function checkWorkerNoRegion(workerNo: string, regionCode: string): void {
  const p = parseWorkerNo(workerNo);
  if (!p || p.regionCode !== regionCode)
    throw new AppError('VALIDATION_FAILED', { message: '职工编号与所属地区不符', errors: [{ path: 'workerNo', message: `职工编号应以地区代码 ${regionCode} 开头` }] });
}

/**
 * The files with their worker numbers: one brought along is reserved (refused when taken, and the
 * region's counter moves past it); the others are handed out in the files' order, a block per region.
 */
async function withWorkerNumbers(trx: Trx, files: readonly HouseholdData[]): Promise<(HouseholdData & { workerNo: string })[]> {
  const given = files.flatMap((f) => (f.workerNo ? [f.workerNo] : []));
  for (const f of files) if (f.workerNo) checkWorkerNoRegion(f.workerNo, f.regionCode);
  const taken = await repo.takenWorkerNos(trx, given);
  if (taken.size > 0 || new Set(given).size < given.length) {
    const no = given.find((w, i) => taken.has(w) || given.indexOf(w) !== i)!;
    throw new AppError('WORKER_NO_TAKEN', { message: `职工编号 ${no} 已被使用`, errors: [{ path: 'workerNo', message: '职工编号已被使用' }] });
  }
  const highest = new Map<string, number>();
  for (const w of given) {
    const p = parseWorkerNo(w)!;
    highest.set(p.regionCode, Math.max(highest.get(p.regionCode) ?? 0, p.serial));
  }
  for (const [region, serial] of highest) await moveCounterPast(trx, region, serial);
  const wanting = new Map<string, number>();
  for (const f of files) if (!f.workerNo) wanting.set(f.regionCode, (wanting.get(f.regionCode) ?? 0) + 1);
  const handedOut = new Map<string, string[]>();
  for (const [region, n] of wanting) handedOut.set(region, await allocateWorkerNos(trx, region, n));
  return files.map((f) => ({ ...f, workerNo: f.workerNo ?? handedOut.get(f.regionCode)!.shift()! }));
}

/** A new file as insertFilesTx takes it: the data as checked, and its warnings. */
export interface NewFile {
  data: HouseholdData;
  warnings: ReturnType<typeof dataWarnings>;
}

/**
 * New drafts in the caller's transaction, each with its worker number, members, causes,
 * identification, version row and audit row, exactly as one by one, but in a few statements per
 * table (an import writes its files in batches). Returns the new ids in the order given.
 */
export async function insertFilesTx(
  trx: Trx, actor: Actor, files: readonly NewFile[], at: string, reason: string | null = null, cache?: EvaluationCache,
): Promise<number[]> {
  if (files.length === 0) return [];
  const stored = await withWorkerNumbers(trx, files.map((f) => f.data));
  const evaluated: Awaited<ReturnType<typeof evaluateNew>>[] = [];
  for (const h of stored) evaluated.push(await evaluateNew(trx, h, 1, at, cache));
  const rows = stored.map((h, i) => {
    const { file, result } = splitStored(evaluated[i].columns);
    return {
      row: {
        ...fileColumns(h), ...file, worker_no: h.workerNo, status: 'draft', removal_reason: null, removed_at: null,
        warnings: JSON.stringify(files[i].warnings), warning_count: files[i].warnings.length, version: 1,
        created_by: actor.id, created_at: at, created_on: todayInChina(new Date(at)), updated_by: actor.id, updated_at: at,
      } as Insertable<HouseholdTable>,
      result,
    };
  });
  const idOf = await repo.insertHouseholds(trx, rows.map((r) => r.row));
  const ids = stored.map((h) => idOf.get(h.workerNo)!);
  await repo.insertMembersAndCausesMany(trx, stored.map((h, i) => ({ id: ids[i], data: h })));
  await repo.insertResults(trx, rows.flatMap((r, i) => (r.result ? [{ household_id: ids[i], ...r.result } as Insertable<HouseholdResultTable>] : [])));
  await takeProposalSteps(trx, stored.map((h, i) => ({
    file: { id: ids[i], regionCode: h.regionCode, fileVersion: 1, status: 'draft', pendingProposalId: null, wasIneligible: false },
    result: evaluated[i].result,
  })), at);
  await repo.insertVersions(trx, stored.map((h, i) => ({
    household_id: ids[i], version: 1, action: 'create', changed_by: actor.id, changed_at: at, changes: '[]', reason, snapshot: JSON.stringify(h),
  })));
  await appendAuditMany(trx, stored.map((h, i) => ({
    userId: actor.id, username: actor.username, ip: actor.ip, action: 'household.create', entity: 'household', entityId: ids[i],
    detail: { workerNo: h.workerNo, reason: reason ?? undefined },
  })));
  return ids;
}

/**
 * Edits follow the file's status (core's editRule): a draft is edited freely; a file under review
 * is locked until a reviewer returns it; a filed file needs a reason, and when the edit changes
 * its identification (eligibility or suggested category) it goes back to review.
 */
export async function updateHousehold(db: Db, actor: Actor, id: number, input: unknown): Promise<HouseholdFile> {
  const h = parseHouseholdInput(input);
  const { version, reason } = parseInput(updateMetaSchema, input, 'household update');
  const current = await repo.findHouseholdRow(db, actor, id);
  if (!current) throw notFound('档案');
  const status = current.status as HouseholdStatus;
  const rule = editRule(status);
  if (!canFile(actor, current.region_code, current.unit_id)) throw forbidden('您没有修改此档案的权限');
  // the system admin sees identity and phone numbers masked, so cannot send the whole file back
  if (!seesFullIdentity(actor)) throw forbidden('系统管理员看到的是脱敏信息，不能修改档案内容，请由市总工会或档案所在工会修改');
  if (rule === 'locked')
    throw new AppError(status === 'removed' || status === 'exited' ? 'HOUSEHOLD_CLOSED' : 'UNDER_REVIEW', { message: status === 'removed' || status === 'exited' ? `该档案${HOUSEHOLD_STATUS_LABELS[status]}，不能修改；如需重新纳入请使用“重新纳入”` : '档案正在审核中，不能修改；如需修改请由审核人退回' });
  if (rule === 'withReason' && !reason)
    throw validationFailed([{ path: 'reason', message: '修改已建档的档案须填写修改原因' }], 'household update');
  if (h.workerNo && h.workerNo !== current.worker_no)
    throw validationFailed([{ path: 'workerNo', message: '职工编号不能修改' }], 'household update');
  if (h.regionCode !== current.region_code)
    throw validationFailed([{ path: 'regionCode', message: '所属地区由职工编号决定，不能在此修改；家庭迁往其他地区请使用“转移”' }], 'household update');
  if (version !== current.version) throw await conflict(db, actor, id);
  await checkPlacement(db, actor, h, id);
  const stored: HouseholdData = { ...h, workerNo: current.worker_no };
  const before = rowToData(current, await repo.findMembers(db, id));
  const changes = diffHouseholds(before, stored);
  if (changes.length === 0) return masked(actor, (await loadJson(db, actor, id))!);
  const warnings = await warningsFor(db, stored, id);
  const at = nowIso();
  try {
    return await inTransaction(db, async (trx) => {
      await updateFileTx(trx, actor, { id, version, status }, stored, changes, warnings, at, reason || null);
      return masked(actor, (await loadJson(trx, actor, id))!);
    });
  } catch (e) {
    mapUniqueViolation(e);
  }
}

/**
 * An edit inside the caller's transaction, guarded by the version read before: the file, its
 * members, identification (a filed file whose identification changes goes back to review), the
 * version row and the audit row.
 */
export async function updateFileTx(
  trx: Trx, actor: Actor, current: { id: number; version: number; status: HouseholdStatus }, stored: HouseholdData,
  changes: ReturnType<typeof diffHouseholds>, warnings: ReturnType<typeof dataWarnings>, at: string, reason: string | null, cache?: EvaluationCache,
): Promise<{ backToReview: boolean }> {
  const { id, version, status } = current;
  const written = await repo.updateHouseholdGuarded(trx, id, { version, status },
    { ...fileColumns(stored), warnings: JSON.stringify(warnings), warning_count: warnings.length, version: version + 1, updated_by: actor.id, updated_at: at });
  if (!written) throw await conflict(trx, actor, id);
  await repo.replaceMembersAndCauses(trx, id, stored);
  const { before, result } = await evaluateAndStore(trx, id, stored, version + 1, status, { cache });
  const backToReview = editSendsBackToReview(status, { eligible: before.eligible === null ? null : before.eligible === 1, category: before.category }, result);
  if (backToReview) {
    await repo.setHouseholdColumns(trx, id, { status: 'submitted', submitted_at: at, submitted_by: actor.id, ...stepDays('submit', at, null) });
    await evaluateAndStore(trx, id, stored, version + 1, 'submitted', { cache }); // a file under review has no removal proposal
  }
  const allChanges = backToReview ? [...changes, { path: 'status', label: '状态', old: '已建档', new: '待单位审核' }] : changes;
  await repo.insertVersion(trx, {
    household_id: id, version: version + 1, action: 'update', changed_by: actor.id, changed_at: at, changes: JSON.stringify(allChanges),
    reason, snapshot: JSON.stringify(stored),
  });
  await audit(trx, actor, 'household.update', 'household', id, { version: version + 1, fields: changes.map((c) => c.path), reason: reason ?? undefined, backToReview });
  return { backToReview };
}

async function conflict(db: Db | Trx, actor: Actor, id: number) {
  const current = await loadJson(db, actor, id);
  return new AppError('VERSION_CONFLICT', { message: '档案已被他人修改，请查看最新内容后再保存', body: { current: current && masked(actor, current) }, detail: `stale version for household ${id}` });
}

/** A whole file (identity numbers in the clear for the roles that need them): every view is audited. */
export async function getHousehold(db: Db, actor: Actor, id: number): Promise<HouseholdFile> {
  const file = await loadJson(db, actor, id);
  if (!file) throw notFound('档案');
  const full = seesFullIdentity(actor);
  await auditNow(db, actor, 'household.view', 'household', id, { fullIdentity: full });
  return masked(actor, file);
}

export async function getHistory(db: Db, actor: Actor, id: number) {
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  const versions = await repo.listVersions(db, id);
  // the history shows old → new values: mask them as the file itself is masked for this role
  const maskValue = (path: string, v: unknown) => {
    if (typeof v !== 'string') return v;
    if ((path === 'idNumber' || /^members\[\d+\]\.idNumber$/.test(path)) && !seesFullIdentity(actor)) return maskIdNumber(v);
    if (path === 'phone' && !seesFullPhone(actor)) return maskPhone(v);
    return v;
  };
  return versions.map((v) => ({
    version: v.version,
    action: v.action,
    changedAt: v.changed_at,
    changedBy: { id: Number(v.user_id), username: v.username, displayName: v.display_name },
    reason: v.reason,
    fromWorkerNo: Number(v.household_id) === id ? null : v.worker_no,
    changes: (JSON.parse(v.changes) as { path: string; label: string; old: unknown; new: unknown }[]).map((c) => ({
      ...c, old: maskValue(c.path, c.old), new: maskValue(c.path, c.new),
    })),
  }));
}

/** The list's filters without paging and sort: what a batch (print, export) covers. */
export function parseListFilter(query: unknown): HouseholdFilter {
  return asOfWithYear(parseQuery(householdFilterSchema, query, 'household list filter'));
}

/** As of a day needs the fill year: the steps' facets are kept per year, and a day's status over every year would read every file. */
function asOfWithYear<T extends HouseholdFilter>(f: T): T {
  if (f.asOf && !f.fillYear) throw validationFailed([{ path: 'asOf', message: '按日期回溯时请同时选择填表年度' }], 'household list filter');
  return f;
}

export async function listHouseholds(db: Db, actor: Actor, query: unknown) {
  const { sort, ...f } = asOfWithYear(parseQuery(householdListQuerySchema, query, 'household list query'));
  const [key, dir] = sort.split(':') as [HouseholdSortKey, 'asc' | 'desc'];
  const { rows, total } = await listHouseholdRows(db, actor, { ...f, sort: { column: HOUSEHOLD_SORT_COLUMNS[key], desc: dir === 'desc' } });
  const regions = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      workerNo: r.worker_no,
      regionCode: r.region_code,
      regionName: regions.get(r.region_code) ?? r.region_code,
      name: r.name,
      gender: r.gender,
      idNumber: maskIdNumber(r.id_number),
      category: r.category,
      fillDate: r.fill_date,
      householdSize: r.household_size,
      householdAnnualIncome: fenToYuan(r.household_annual_income),
      perCapitaIncome: fenToYuan(r.per_capita_income),
      causes: r.causes ? r.causes.split(',') : [],
      status: r.status as HouseholdStatus,
      warningCount: r.warning_count,
      updatedAt: r.updated_at,
      returned: r.status === 'draft' && r.return_reason !== null,
      eligible: r.id_eligible === null ? null : r.id_eligible === 1,
      suggestedCategory: r.id_category,
      flags: IDENTIFY_FLAGS.filter((f) => r[FLAG_COLUMNS[f]] === 1),
    })),
  };
}
