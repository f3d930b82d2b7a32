// The households side of a transfer (档案转移): the file moves to its new place in one step of the
// caller's transaction. A move to another region takes that region's next worker number and keeps
// the old one (household_former_numbers); a pending removal proposal moves with the file to the
// region that now decides it; the identification is made again under the new region's 低保 line;
// the version row and the audit row say where from and where to. History, members, plan,
// assistance and follow-ups stay on the same household id, so they move with it.
import { changesWorkerNo, HOUSEHOLD_STATUS_LABELS, todayInChina, transferVersionReason, canTransferStatus, type HouseholdStatus, type Place } from '@bangfu/core';
import type { Q as Trx } from '../../db/transaction.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { audit } from '../audit/audit.repository.js';
import { allocateWorkerNo } from '../orgs/orgs.repository.js';
import { evaluateAndStore } from './evaluation.service.js';
import { rowToData } from './household.mapping.js';
import * as repo from './households.repository.js';

export interface PlaceNames extends Place {
  /** for the history: 东宝区 / 东宝区·XX公司工会 */
  label: string;
}

/** Whether the file, as it is now, may be transferred: throws the 409 a cadre understands. */
export function assertTransferable(status: string): void {
  const s = status as HouseholdStatus;
  if (canTransferStatus(s)) return;
  if (s === 'removed') throw new AppError('HOUSEHOLD_CLOSED', { message: '该档案已剔除，不能转移；如需转移请先重新纳入' });
  throw new AppError('UNDER_REVIEW', { message: `档案正在审核中（${HOUSEHOLD_STATUS_LABELS[s] ?? s}），不能转移；请等审核完成或由审核人退回后再办理` });
}

/** Moves the file; returns its worker number after the move. */
export async function moveFileTx(trx: Trx, actor: Actor, id: number, from: PlaceNames, to: PlaceNames, reason: string, at: string, detail: Record<string, unknown> = {}): Promise<{ workerNo: string; oldWorkerNo: string; leaderUserId: number | null; cadreUserId: number | null }> {
  const row = await repo.findRowAnyScope(trx, id);
  if (!row) throw notFound('档案');
  assertTransferable(row.status);
  if (row.region_code !== from.regionCode || (row.unit_id ?? null) !== from.unitId)
    throw new AppError('VERSION_CONFLICT', { message: '档案所在地区或单位已变化，请刷新后重试' });
  const oldNo = row.worker_no;
  const newNo = changesWorkerNo(from, to) ? await allocateWorkerNo(trx, to.regionCode) : oldNo;
  const moved = await repo.moveFileGuarded(trx, id, { version: row.version, status: row.status },
    { region_code: to.regionCode, unit_id: to.unitId, worker_no: newNo, version: row.version + 1, updated_by: actor.id, updated_at: at });
  if (!moved) throw new AppError('VERSION_CONFLICT', { message: '档案已被他人修改，请刷新后重试' });
  if (newNo !== oldNo) await repo.insertFormerNumber(trx, { worker_no: oldNo, household_id: id, region_code: from.regionCode, until: todayInChina() });
  await repo.movePendingProposal(trx, id, to.regionCode);
  const data = { ...rowToData(row, await repo.findMembers(trx, id)), regionCode: to.regionCode, unitId: to.unitId, workerNo: newNo };
  // the new region's 低保 line may judge the file otherwise: its identification follows it
  await evaluateAndStore(trx, id, data, row.version + 1, row.status);
  const changes = [
    ...(newNo !== oldNo ? [{ path: 'workerNo', label: '职工编号', old: oldNo, new: newNo }] : []),
    ...(from.regionCode !== to.regionCode ? [{ path: 'regionCode', label: '所属地区', old: from.regionCode, new: to.regionCode }] : []),
    ...((from.unitId ?? null) !== (to.unitId ?? null) ? [{ path: 'unitId', label: '基层工会', old: from.unitId ?? '', new: to.unitId ?? '' }] : []),
  ];
  await repo.insertVersion(trx, {
    household_id: id, version: row.version + 1, action: 'transfer', changed_by: actor.id, changed_at: at,
    changes: JSON.stringify(changes), reason: transferVersionReason(from.label, to.label, reason).slice(0, 500), snapshot: JSON.stringify(data),
  });
  await audit(trx, actor, 'household.transfer', 'household', id, { from: from.regionCode + (from.unitId ? `/${from.unitId}` : ''), to: to.regionCode + (to.unitId ? `/${to.unitId}` : ''), oldWorkerNo: oldNo, workerNo: newNo, ...detail });
  // who was responsible before the move: the transfer ends their responsibility
  return { workerNo: newNo, oldWorkerNo: oldNo, leaderUserId: row.leader_user_id, cadreUserId: row.cadre_user_id };
}

export async function formerNumbers(db: Trx, id: number) {
  return (await repo.formerNumbersOf(db, id)).map((r) => ({ workerNo: r.worker_no, regionCode: r.region_code, until: r.until }));
}
