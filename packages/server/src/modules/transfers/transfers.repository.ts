// SQL of the transfers table (档案转移 requests and their decisions). No rules here.
import type { Insertable, Updateable } from 'kysely';
import type { TransferTable } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';

export async function insertTransfer(q: Q, row: Insertable<TransferTable>): Promise<number> {
  const r = await q.insertInto('transfers').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function findTransfer(q: Q, id: number) {
  return q.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pendingTransferOf(q: Q, householdId: number) {
  return q.selectFrom('transfers').select('id').where('household_id', '=', householdId).where('status', '=', 'pending').executeTakeFirst();
}

/** Ends a pending request; false when someone else decided it first. */
export async function closePending(q: Q, id: number, set: Updateable<TransferTable>): Promise<boolean> {
  const r = await q.updateTable('transfers').set(set).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setNewWorkerNo(q: Q, id: number, workerNo: string): Promise<void> {
  await q.updateTable('transfers').set({ new_worker_no: workerNo }).where('id', '=', id).execute();
}

/** The end of retention: the free text of these files' transfers (places, numbers and dates stay). */
export async function eraseTransferText(q: Q, householdIds: number[]): Promise<void> {
  if (!householdIds.length) return;
  await q.updateTable('transfers').set({ reason: '（已删除）' }).where('household_id', 'in', householdIds).execute();
  await q.updateTable('transfers').set({ opinion: '（已删除）' }).where('household_id', 'in', householdIds).where('opinion', 'is not', null).execute();
}
