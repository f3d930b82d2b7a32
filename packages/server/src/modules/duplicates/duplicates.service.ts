// 重复建档排查: a scan (a background job) finds pairs of live files that share a person, a phone or an
// address (core's rules), and keeps them in a queue per region (the city union: all). A cadre who
// files both households says "not a duplicate" (remembered with the reason: the next scans leave it
// closed) or merges them: one file is kept, the other's records move to it and it is removed with
// the reason 重复建档，已并入 H…, in one transaction, audited on both files.
import {
  DUPLICATE_KIND_LABELS, duplicateDismissSchema, mergedRemovalReason, duplicateListQuerySchema, duplicateMergeSchema, maskIdNumber, maskName, maskPhone,
  type DuplicateKind, type DuplicateList, type DuplicateMerged, type DuplicatePair, type DuplicateStatus, type HouseholdStatus,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { canFile, householdScope, seesFullIdentity, seesFullPhone } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import { moveAssistanceTx } from '../assistance/merge.service.js';
import { mergeFileTx } from '../households/merge.service.js';
import { closeFindingsOf } from '../dibao/dibao.repository.js';
import { createJob, openJobs } from '../jobs/jobs.repository.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import * as repo from './duplicates.repository.js';
import { latestScan, listPairRows, pairInScope, pairRow, type PairRow } from './duplicates.queries.js';

/** The cadres who file: they see the queue and resolve pairs; the steering group and the admin may look. */
const files = (actor: Actor) => actor.role === 'city' || actor.role === 'region' || actor.role === 'unit';
const looks = (actor: Actor) => files(actor) || actor.role === 'viewer' || actor.role === 'admin';
const canResolve = (actor: Actor, r: PairRow) => files(actor) && canFile(actor, r.ha_region_code, r.ha_unit_id) && canFile(actor, r.hb_region_code, r.hb_unit_id);

/** What the two share, as the caller may see it. */
function detailOf(actor: Actor, kind: DuplicateKind, shared: string, r: PairRow): string {
  switch (kind) {
    case 'idNumber': return `身份证号 ${seesFullIdentity(actor) ? shared : maskIdNumber(shared)}`;
    case 'nameBirth': {
      const [name, birth] = shared.split('|');
      return `${seesFullIdentity(actor) ? name : maskName(name)}，出生日期 ${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}；身份证号 ${[r.ha_id_number, r.hb_id_number].map((n) => (seesFullIdentity(actor) ? n : maskIdNumber(n))).join(' / ')}`;
    }
    case 'phone': return `联系电话 ${seesFullPhone(actor) ? shared : maskPhone(shared)}`;
    case 'address': return `住址 ${r.ha_address}；户主同姓“${[...r.ha_name][0] ?? ''}”`;
  }
}

async function views(db: Q, actor: Actor, rows: PairRow[]): Promise<DuplicatePair[]> {
  const names = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  // which of the files the caller may open (a pair may span two counties)
  const ids = [...new Set(rows.flatMap((r) => [Number(r.ha_id), Number(r.hb_id)]))];
  const open = new Set(ids.length ? (await db.selectFrom('households').select('id').where('id', 'in', ids).where(householdScope(actor)).execute()).map((x) => Number(x.id)) : []);
  const side = (r: PairRow, h: 'ha' | 'hb') => {
    const id = Number(r[`${h}_id`]);
    const canOpen = open.has(id);
    const unit = r[`${h}_unit_id`];
    return {
      householdId: id, workerNo: r[`${h}_worker_no`], name: canOpen ? r[`${h}_name`] : maskName(r[`${h}_name`]),
      regionCode: r[`${h}_region_code`], regionName: names.get(r[`${h}_region_code`]) ?? r[`${h}_region_code`], unitName: unit ? names.get(unit) ?? unit : null,
      status: r[`${h}_status`] as HouseholdStatus,
      idNumber: canOpen && seesFullIdentity(actor) ? r[`${h}_id_number`] : maskIdNumber(r[`${h}_id_number`]),
      phone: canOpen && seesFullPhone(actor) ? r[`${h}_phone`] : maskPhone(r[`${h}_phone`]),
      address: canOpen ? r[`${h}_address`] : '（其他单位的档案，无权查看）',
      householdSize: Number(r[`${h}_household_size`]), fillDate: r[`${h}_fill_date`], updatedAt: r[`${h}_updated_at`], canOpen,
    };
  };
  return rows.map((r) => ({
    id: Number(r.id), a: side(r, 'ha'), b: side(r, 'hb'), reason: r.kind as DuplicateKind, reasonLabel: DUPLICATE_KIND_LABELS[r.kind as DuplicateKind],
    detail: detailOf(actor, r.kind as DuplicateKind, r.shared, r), status: r.status as DuplicateStatus, foundAt: r.found_at,
    decidedBy: r.decided_by_name ?? null, decidedAt: r.decided_at, note: r.note,
    keptHouseholdId: r.status !== 'merged' ? null : Number(r.ha_merged_into) === Number(r.hb_id) ? Number(r.hb_id) : Number(r.ha_id),
    canResolve: r.status === 'open' && canResolve(actor, r),
  }));
}

export async function listDuplicates(db: Q, actor: Actor, query: unknown): Promise<DuplicateList> {
  if (!looks(actor)) throw forbidden('只有工会建档人员可以查看重复档案线索');
  const f = parseQuery(duplicateListQuerySchema, query, 'duplicate list');
  const { total, rows } = await listPairRows(db, actor, f);
  const scan = await latestScan(db);
  return {
    total, page: f.page, pageSize: f.pageSize, items: await views(db, actor, rows),
    lastScan: scan ? { at: scan.finished_at ?? scan.created_at, jobId: Number(scan.id), status: scan.status } : null,
  };
}

/** Starts a scan unless one is queued or running (then that one's id). */
export async function startScan(db: Db, actor: Actor, runner: JobRunner | null): Promise<{ jobId: number }> {
  if (!files(actor)) throw forbidden('只有工会建档人员可以查找重复档案');
  const jobId = await inTransaction(db, async (trx) => {
    const open = await openJobs(trx, ['duplicateScan'], undefined, 1);
    if (open.length) return Number(open[0].id);
    const id = await createJob(trx, { kind: 'duplicateScan', params: {}, createdBy: actor.id });
    await audit(trx, actor, 'duplicate.scan', 'job', id, {});
    return id;
  });
  runner?.kick();
  return { jobId };
}

async function resolvable(db: Q, actor: Actor, id: number): Promise<PairRow> {
  if (!files(actor)) throw forbidden('只有工会建档人员可以处理重复档案线索');
  const r = await pairRow(db, id);
  if (!r || !(await pairInScope(db, actor, id))) throw notFound('重复档案线索');
  if (r.status !== 'open') throw new AppError('DUPLICATE_DECIDED');
  if (!canResolve(actor, r)) throw forbidden('这两户不都在您的管理范围内（跨地区或跨单位），请由市总工会处理');
  return r;
}

export async function dismissDuplicate(db: Db, actor: Actor, id: number, input: unknown): Promise<DuplicatePair> {
  const p = parseInput(duplicateDismissSchema, input, 'duplicate dismiss');
  const r = await resolvable(db, actor, id);
  await inTransaction(db, async (trx) => {
    if (!(await repo.decideOpen(trx, id, { status: 'dismissed', decided_by: actor.id, decided_at: nowIso(), note: p.reason }))) throw new AppError('DUPLICATE_DECIDED');
    await audit(trx, actor, 'duplicate.dismiss', 'household', Number(r.ha_id), { pairId: id, other: r.hb_worker_no, kind: r.kind, reason: p.reason });
  });
  return (await views(db, actor, [(await pairRow(db, id))!]))[0];
}

export async function mergeDuplicate(db: Db, actor: Actor, id: number, input: unknown): Promise<DuplicateMerged> {
  const p = parseInput(duplicateMergeSchema, input, 'duplicate merge');
  const r = await resolvable(db, actor, id);
  const keepId = p.keepHouseholdId;
  if (keepId !== Number(r.ha_id) && keepId !== Number(r.hb_id))
    throw validationFailed([{ path: 'keepHouseholdId', message: `保留的档案应为这两户之一（${r.ha_worker_no} 或 ${r.hb_worker_no}）` }], 'duplicate merge');
  const goneId = keepId === Number(r.ha_id) ? Number(r.hb_id) : Number(r.ha_id);
  const at = nowIso();
  const result = await inTransaction(db, async (trx) => {
    if (!(await repo.decideOpen(trx, id, { status: 'merged', decided_by: actor.id, decided_at: at, note: p.reason }))) throw new AppError('DUPLICATE_DECIDED');
    const moved = await moveAssistanceTx(trx, goneId, keepId);
    const files = await mergeFileTx(trx, actor, keepId, goneId, p.reason, at, { pairId: id, kind: r.kind, moved });
    await repo.clearPairsOf(trx, goneId);
    await closeFindingsOf(trx, goneId, actor.id, at, mergedRemovalReason(files.kept.workerNo, p.reason));
    return { ...files, moved: { ...moved } };
  });
  return { pair: (await views(db, actor, [(await pairRow(db, id))!]))[0], ...result };
}
