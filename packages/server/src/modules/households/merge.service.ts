// The households side of merging a duplicate file into the one kept (重复建档): the merged file is
// removed with the reason 重复建档，已并入 H…, remembers the file it went into (merged_into: the kept
// file's history then shows the merged file's versions too), and both files get a version row and
// an audit row. Its review opinions stay with its own versions, so that they keep the versions
// they were given on; the kept file's history shows them.
import { HOUSEHOLD_STATUS_LABELS, LIVE_STATUSES, mergedRemovalReason, type HouseholdStatus } from '@bangfu/core';
import type { Q as Trx } from '../../db/transaction.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { audit } from '../audit/audit.repository.js';
import { evaluateAndStore } from './evaluation.service.js';
import { rowToData } from './household.mapping.js';
import * as repo from './households.repository.js';
import { stepDays } from './step-days.js';

const live = (s: string) => (LIVE_STATUSES as readonly string[]).includes(s);

export async function mergeFileTx(trx: Trx, actor: Actor, keepId: number, goneId: number, note: string, at: string, detail: Record<string, unknown> = {}) {
  const keep = await repo.findRowAnyScope(trx, keepId);
  const gone = await repo.findRowAnyScope(trx, goneId);
  if (!keep || !gone) throw notFound('档案');
  for (const f of [keep, gone])
    if (!live(f.status))
      throw new AppError('HOUSEHOLD_CLOSED', { message: `档案 ${f.worker_no} ${HOUSEHOLD_STATUS_LABELS[f.status as HouseholdStatus] ?? f.status}，不能合并；请先重新纳入或选择其他处理` });
  const reason = mergedRemovalReason(keep.worker_no, note);
  const goneSet = {
    status: 'removed', removal_reason: reason.slice(0, 500), removed_at: at, merged_into: keepId, leader_user_id: null, cadre_user_id: null,
    version: gone.version + 1, updated_by: actor.id, updated_at: at, ...stepDays('remove', at, gone.filed_on),
  };
  if (!(await repo.updateHouseholdGuarded(trx, goneId, { version: gone.version, status: gone.status }, goneSet))) throw new AppError('VERSION_CONFLICT', { message: '档案已被他人修改，请刷新后重试' });
  if (!(await repo.updateHouseholdGuarded(trx, keepId, { version: keep.version, status: keep.status }, { version: keep.version + 1, updated_by: actor.id, updated_at: at })))
    throw new AppError('VERSION_CONFLICT', { message: '档案已被他人修改，请刷新后重试' });
  const goneData = rowToData(gone, await repo.findMembers(trx, goneId));
  // a removed file carries no removal proposal: a pending one is withdrawn
  await evaluateAndStore(trx, goneId, goneData, gone.version + 1, 'removed');
  await repo.insertVersion(trx, {
    household_id: goneId, version: gone.version + 1, action: 'merge', changed_by: actor.id, changed_at: at,
    changes: JSON.stringify([{ path: 'status', label: '状态', old: HOUSEHOLD_STATUS_LABELS[gone.status as HouseholdStatus], new: HOUSEHOLD_STATUS_LABELS.removed }]),
    reason: reason.slice(0, 500), snapshot: JSON.stringify(goneData),
  });
  // the kept file's new version is identified again, as any change of version is
  const keepData = rowToData(keep, await repo.findMembers(trx, keepId));
  await evaluateAndStore(trx, keepId, keepData, keep.version + 1, keep.status);
  await repo.insertVersion(trx, {
    household_id: keepId, version: keep.version + 1, action: 'merge', changed_by: actor.id, changed_at: at,
    changes: JSON.stringify([{ path: 'mergedFrom', label: '并入重复档案', old: '', new: gone.worker_no }]),
    reason: note, snapshot: JSON.stringify(keepData),
  });
  await audit(trx, actor, 'household.merge', 'household', keepId, { merged: gone.worker_no, mergedId: goneId, ...detail });
  await audit(trx, actor, 'household.merge', 'household', goneId, { into: keep.worker_no, intoId: keepId, ...detail });
  return { kept: { householdId: keepId, workerNo: keep.worker_no }, removed: { householdId: goneId, workerNo: gone.worker_no } };
}
