// 档案转移: a household that moves to another region or grassroots union keeps its file, its
// history, assistance, plan and follow-ups. Either side asks; the other agrees or refuses with an
// opinion; a requester who may file on both sides (the city union, a county union between its own
// units) moves the file at once. On the move the receiving region hands out a worker number (the
// old one keeps finding the file), and the responsible leader and cadre are named again there:
// the old ones lose the file but keep seeing the records they wrote (我写的帮扶记录).
import {
  maskName, samePlace, transferDecisionSchema, transferListQuerySchema, transferLookupSchema, transferRequestSchema,
  type HouseholdTransfers, type Place, type TransferCreated, type TransferList, type TransferLookupResult, type TransferSide, type TransferStatus, type TransferView,
} from '@bangfu/core';
import { isUniqueViolation } from '../../db/dialect.js';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { canFile } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import * as assistance from '../assistance/assistance.repository.js';
import * as households from '../households/households.repository.js';
import { assertTransferable, formerNumbers, moveFileTx, type PlaceNames } from '../households/move.service.js';
import { moveFindingsOf } from '../dibao/dibao.repository.js';
import { findOrg, listOrgs } from '../orgs/orgs.repository.js';
import * as repo from './transfers.repository.js';
import { countIncoming, fileByNumberAndIdentity, listTransferRows, transferRow, transfersOfHousehold, type TransferRow } from './transfers.queries.js';

/** The cadres who file: they ask for and decide transfers (the system admin sees masked data and does not). */
const handles = (actor: Actor) => actor.role === 'city' || actor.role === 'region' || actor.role === 'unit';
const onSide = (actor: Actor, p: Place) => handles(actor) && canFile(actor, p.regionCode, p.unitId);
const fromOf = (t: { from_region_code: string; from_unit_id: string | null }): Place => ({ regionCode: t.from_region_code, unitId: t.from_unit_id });
const toOf = (t: { to_region_code: string; to_unit_id: string | null }): Place => ({ regionCode: t.to_region_code, unitId: t.to_unit_id });
/** The side that must agree: the one that did not ask. */
const deciding = (t: { side: string } & Parameters<typeof fromOf>[0] & Parameters<typeof toOf>[0]) => (t.side === 'from' ? toOf(t) : fromOf(t));
const asking = (t: { side: string } & Parameters<typeof fromOf>[0] & Parameters<typeof toOf>[0]) => (t.side === 'to' ? toOf(t) : fromOf(t));

type Names = Map<string, string>;
const orgNames = async (db: Q): Promise<Names> => new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
const placeNames = (names: Names, p: Place): PlaceNames => {
  const region = names.get(p.regionCode) ?? p.regionCode;
  return { ...p, label: p.unitId ? `${region}·${names.get(p.unitId) ?? p.unitId}` : region };
};

function view(actor: Actor, names: Names, r: TransferRow, open: ReadonlySet<number>): TransferView {
  const place = (regionCode: string, unitId: string | null) => ({ regionCode, regionName: names.get(regionCode) ?? regionCode, unitId, unitName: unitId ? names.get(unitId) ?? unitId : null });
  const pending = r.status === 'pending';
  return {
    id: Number(r.id), householdId: Number(r.household_id), workerNo: r.worker_no, name: r.name,
    from: place(r.from_region_code, r.from_unit_id), to: place(r.to_region_code, r.to_unit_id),
    side: r.side as TransferSide, reason: r.reason, status: r.status as TransferStatus,
    requestedBy: r.requested_by_name, requestedOrg: names.get(r.requested_org) ?? r.requested_org, requestedAt: r.requested_at,
    decidedBy: r.decided_by_name ?? null, decidedAt: r.decided_at, opinion: r.opinion,
    oldWorkerNo: r.old_worker_no, newWorkerNo: r.new_worker_no, canOpen: open.has(Number(r.household_id)),
    canDecide: pending && onSide(actor, deciding(r)),
    canCancel: pending && (onSide(actor, asking(r)) || Number(r.requested_by) === actor.id),
  };
}

/** Which of the rows' files the caller may open now. */
async function openable(db: Q, actor: Actor, rows: readonly TransferRow[]): Promise<Set<number>> {
  const ids = [...new Set(rows.map((r) => Number(r.household_id)))];
  return new Set(ids.length ? await households.idsInScope(db, actor, ids) : []);
}

const views = async (db: Q, actor: Actor, rows: TransferRow[]) => {
  const names = await orgNames(db);
  const open = await openable(db, actor, rows);
  return rows.map((r) => view(actor, names, r, open));
};

/** The destination as asked: an active region, and a grassroots union of that region when named. */
async function checkDestination(db: Q, to: Place): Promise<void> {
  const region = await findOrg(db, to.regionCode);
  if (!region || region.kind !== 'region' || !region.active) throw validationFailed([{ path: 'toRegionCode', message: `地区代码 ${to.regionCode} 不是已配置的地区` }], 'transfer');
  if (to.unitId) {
    const unit = await findOrg(db, to.unitId);
    if (!unit || unit.kind !== 'unit' || !unit.active || unit.parentCode !== to.regionCode)
      throw validationFailed([{ path: 'toUnitId', message: '基层工会不存在、已停用或不属于所选转入地区' }], 'transfer');
  }
}

/**
 * The move itself, inside the caller's transaction: the file (households), then its responsible
 * leader and cadre links end (assistance), with a line in the responsibility history saying why.
 */
async function move(trx: Q, actor: Actor, householdId: number, from: Place, to: Place, reason: string, at: string, transferId: number) {
  const names = await orgNames(trx);
  const moved = await moveFileTx(trx, actor, householdId, placeNames(names, from), placeNames(names, to), reason, at, { transferId });
  // its 低保 findings follow it to the new region's queue
  if (from.regionCode !== to.regionCode) await moveFindingsOf(trx, householdId, to.regionCode);
  if (moved.leaderUserId !== null || moved.cadreUserId !== null) {
    await assistance.setResponsibleLink(trx, householdId, null, 'leader', at);
    await assistance.setResponsibleLink(trx, householdId, null, 'cadre', at);
    await assistance.insertResponsibilityChange(trx, {
      household_id: householdId, old_leader_id: moved.leaderUserId, new_leader_id: null, old_cadre_id: moved.cadreUserId, new_cadre_id: null,
      reason: `档案转移至${placeNames(names, to).label}，请转入方重新确定帮扶责任人`, changed_by: actor.id, changed_at: at,
    });
  }
  return moved;
}

/** Asks for (or, on both sides, makes) a transfer of the household. */
export async function requestTransfer(db: Db, actor: Actor, householdId: number, input: unknown): Promise<TransferCreated> {
  const p = parseInput(transferRequestSchema, input, 'transfer request');
  const to: Place = { regionCode: p.toRegionCode, unitId: p.toUnitId };
  const row = await households.findRowAnyScope(db, householdId);
  if (!row) throw notFound('档案');
  const from: Place = { regionCode: row.region_code, unitId: row.unit_id };
  const onFrom = onSide(actor, from);
  const onTo = onSide(actor, to);
  if (!onFrom) {
    // a side that cannot see the file proves it knows the family by the worker's identity number,
    // and learns nothing about a file it names wrongly (the same 404 as a missing one)
    const known = onTo && !!p.idNumber && p.idNumber.toUpperCase() === row.id_number;
    if (!known) {
      if (await households.isInScope(db, actor, householdId)) throw forbidden('只有档案所在的工会或转入地区（单位）的工会可以申请转移');
      if (!onTo) throw notFound('档案');
      throw validationFailed([{ path: 'idNumber', message: '请填写该职工的身份证号（与档案一致）以申请转入' }], 'transfer request');
    }
  }
  await checkDestination(db, to);
  if (samePlace(from, to)) throw validationFailed([{ path: 'toRegionCode', message: '转入地区和单位与档案当前所在相同' }], 'transfer request');
  assertTransferable(row.status);
  const side: TransferSide = onFrom && onTo ? 'both' : onFrom ? 'from' : 'to';
  const at = nowIso();
  try {
    return await inTransaction(db, async (trx) => {
      if (await repo.pendingTransferOf(trx, householdId)) throw new AppError('TRANSFER_PENDING');
      const id = await repo.insertTransfer(trx, {
        household_id: householdId, from_region_code: from.regionCode, from_unit_id: from.unitId, to_region_code: to.regionCode, to_unit_id: to.unitId,
        side, reason: p.reason, status: 'pending', old_worker_no: row.worker_no, requested_by: actor.id, requested_org: actor.orgCode, requested_at: at,
      });
      await audit(trx, actor, 'transfer.request', 'household', householdId, { transferId: id, side, from: from.regionCode, to: to.regionCode, toUnit: to.unitId ?? undefined, reason: p.reason });
      if (side !== 'both') return { id, status: 'pending' as const, workerNo: row.worker_no };
      const moved = await move(trx, actor, householdId, from, to, p.reason, at, id);
      await repo.closePending(trx, id, { status: 'agreed', decided_by: actor.id, decided_at: at, new_worker_no: moved.workerNo !== moved.oldWorkerNo ? moved.workerNo : null });
      return { id, status: 'agreed' as const, workerNo: moved.workerNo };
    });
  } catch (e) {
    // two requests at once: the partial unique index lets one through
    if (isUniqueViolation(e)) throw new AppError('TRANSFER_PENDING', { detail: `pending transfer race on household ${householdId}` });
    throw e;
  }
}

/** The side that did not ask agrees (the file moves) or refuses with a reason. */
export async function decideTransfer(db: Db, actor: Actor, id: number, input: unknown): Promise<TransferView> {
  const p = parseInput(transferDecisionSchema, input, 'transfer decision');
  if (!handles(actor)) throw forbidden('只有工会建档人员可以办理档案转移');
  const t = await repo.findTransfer(db, id);
  if (!t) throw notFound('转移申请');
  if (!onSide(actor, deciding(t))) {
    if (onSide(actor, asking(t)) || Number(t.requested_by) === actor.id) throw forbidden(t.side === 'from' ? '须由转入地区（单位）的工会或市总工会同意' : '须由转出地区（单位）的工会或市总工会同意');
    throw notFound('转移申请');
  }
  if (t.status !== 'pending') throw new AppError('TRANSFER_DECIDED');
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    if (p.decision === 'refuse') {
      if (!(await repo.closePending(trx, id, { status: 'refused', decided_by: actor.id, decided_at: at, opinion: p.opinion }))) throw new AppError('TRANSFER_DECIDED');
      await audit(trx, actor, 'transfer.refuse', 'household', Number(t.household_id), { transferId: id, opinion: p.opinion });
      return;
    }
    if (!(await repo.closePending(trx, id, { status: 'agreed', decided_by: actor.id, decided_at: at, opinion: p.opinion || null }))) throw new AppError('TRANSFER_DECIDED');
    const moved = await move(trx, actor, Number(t.household_id), fromOf(t), toOf(t), t.reason, at, id);
    if (moved.workerNo !== moved.oldWorkerNo) await repo.setNewWorkerNo(trx, id, moved.workerNo);
  });
  return (await views(db, actor, [(await transferRow(db, id))!]))[0];
}

/** The asking side withdraws a request still pending. */
export async function cancelTransfer(db: Db, actor: Actor, id: number): Promise<TransferView> {
  if (!handles(actor)) throw forbidden('只有工会建档人员可以办理档案转移');
  const t = await repo.findTransfer(db, id);
  if (!t) throw notFound('转移申请');
  const mine = onSide(actor, asking(t)) || Number(t.requested_by) === actor.id;
  if (!mine) {
    if (onSide(actor, deciding(t))) throw forbidden('只有申请方可以撤回转移申请；如不同意请选择“拒绝”');
    throw notFound('转移申请');
  }
  if (t.status !== 'pending') throw new AppError('TRANSFER_DECIDED');
  await inTransaction(db, async (trx) => {
    if (!(await repo.closePending(trx, id, { status: 'cancelled', decided_by: actor.id, decided_at: nowIso() }))) throw new AppError('TRANSFER_DECIDED');
    await audit(trx, actor, 'transfer.cancel', 'household', Number(t.household_id), { transferId: id });
  });
  return (await views(db, actor, [(await transferRow(db, id))!]))[0];
}

export async function listTransfers(db: Q, actor: Actor, query: unknown): Promise<TransferList> {
  if (!handles(actor) && actor.role !== 'viewer' && actor.role !== 'admin') throw forbidden('只有工会建档人员可以查看档案转移');
  const f = parseQuery(transferListQuerySchema, query, 'transfer list');
  // the steering group and the admin look on: nothing waits for them, and they ask for nothing
  if (!handles(actor) && f.box !== 'all') return { total: 0, page: f.page, pageSize: f.pageSize, items: [] };
  const { total, rows } = await listTransferRows(db, actor, f);
  return { total, page: f.page, pageSize: f.pageSize, items: await views(db, actor, rows) };
}

/** The household's transfers and the numbers it had: for whoever may see the file. */
export async function householdTransfers(db: Q, actor: Actor, householdId: number): Promise<HouseholdTransfers> {
  if (!(await households.isInScope(db, actor, householdId))) throw notFound('档案');
  return { formerWorkerNos: await formerNumbers(db, householdId), items: await views(db, actor, await transfersOfHousehold(db, householdId)) };
}

/** A receiving side finds the family that moved in by its old worker number and the worker's identity number. */
export async function lookupForTransfer(db: Q, actor: Actor, query: unknown): Promise<TransferLookupResult> {
  if (!handles(actor)) throw forbidden('只有工会建档人员可以申请转入');
  const p = parseQuery(transferLookupSchema, query, 'transfer lookup');
  const row = await fileByNumberAndIdentity(db, p.workerNo, p.idNumber);
  if (!row) throw notFound('职工编号与身份证号都相符的档案');
  const names = await orgNames(db);
  return {
    householdId: Number(row.id), workerNo: row.worker_no, name: maskName(row.name), regionCode: row.region_code,
    regionName: names.get(row.region_code) ?? row.region_code, unitName: row.unit_id ? names.get(row.unit_id) ?? row.unit_id : null, status: row.status as TransferLookupResult['status'],
  };
}

/** 待办: requests waiting for the actor's side. */
export async function transfersToDecideOf(db: Q, actor: Actor): Promise<number> {
  return handles(actor) ? countIncoming(db, actor) : 0;
}
