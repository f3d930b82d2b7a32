// The transfers as their two sides see them: a named read model over transfers, households and
// users (who asked, who decided, the file's name and number now).
import { sql, type ExpressionBuilder } from 'kysely';
import type { TransferBox, TransferStatus } from '@bangfu/core';
import type { Database } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { inUnitSubtree, scopeOf } from '../access/scope.js';

type Eb = ExpressionBuilder<Database, 'transfers'>;

/** Whether a side of the transfer (its from- or to-place) lies in the actor's organization. */
export function sideIsMine(actor: Actor, side: 'from' | 'to') {
  const scope = scopeOf(actor);
  return (eb: Eb) => {
    const region = eb.ref(`transfers.${side}_region_code`);
    const unit = eb.ref(`transfers.${side}_unit_id`);
    switch (scope.kind) {
      case 'all': return eb.lit(true);
      case 'region': return eb(region, '=', scope.regionCode);
      case 'unit': return inUnitSubtree(eb, unit, scope.unitCode);
      default: return eb.lit(false);
    }
  };
}

/** The transfers of a box: incoming (waiting for the actor's side to agree), outgoing (asked by it), or all that touch it. */
function inBox(actor: Actor, box: TransferBox) {
  return (eb: Eb) => {
    if (box === 'incoming') return eb.and([eb('transfers.status', '=', 'pending'), eb.or([
      eb.and([eb('transfers.side', '=', 'from'), sideIsMine(actor, 'to')(eb)]),
      eb.and([eb('transfers.side', '=', 'to'), sideIsMine(actor, 'from')(eb)]),
    ])]);
    if (box === 'outgoing') return eb.or([
      eb('transfers.requested_by', '=', actor.id),
      eb.and([eb('transfers.side', '=', 'from'), sideIsMine(actor, 'from')(eb)]),
      eb.and([eb('transfers.side', '=', 'to'), sideIsMine(actor, 'to')(eb)]),
    ]);
    return eb.or([sideIsMine(actor, 'from')(eb), sideIsMine(actor, 'to')(eb), eb('transfers.requested_by', '=', actor.id)]);
  };
}

const columns = [
  'transfers.id', 'transfers.household_id', 'transfers.from_region_code', 'transfers.from_unit_id', 'transfers.to_region_code', 'transfers.to_unit_id',
  'transfers.side', 'transfers.reason', 'transfers.status', 'transfers.old_worker_no', 'transfers.new_worker_no', 'transfers.requested_by',
  'transfers.requested_org', 'transfers.requested_at', 'transfers.decided_at', 'transfers.opinion',
  'households.worker_no', 'households.name', 'requester.display_name as requested_by_name', 'decider.display_name as decided_by_name',
] as const;

function base(db: Q) {
  return db.selectFrom('transfers')
    .innerJoin('households', 'households.id', 'transfers.household_id')
    .innerJoin('users as requester', 'requester.id', 'transfers.requested_by')
    .leftJoin('users as decider', 'decider.id', 'transfers.decided_by');
}

export type TransferRow = Awaited<ReturnType<typeof transfersOfHousehold>>[number];

export async function listTransferRows(db: Q, actor: Actor, f: { box: TransferBox; status?: TransferStatus; page: number; pageSize: number }) {
  const filtered = base(db).where(inBox(actor, f.box)).$if(!!f.status, (q) => q.where('transfers.status', '=', f.status!));
  const [{ n }] = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await filtered.select(columns).orderBy(sql`case when transfers.status = 'pending' then 0 else 1 end`).orderBy('transfers.id', 'desc')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total: Number(n), rows };
}

export async function transfersOfHousehold(db: Q, householdId: number) {
  return base(db).select(columns).where('transfers.household_id', '=', householdId).orderBy('transfers.id', 'desc').execute();
}

export async function transferRow(db: Q, id: number) {
  return base(db).select(columns).where('transfers.id', '=', id).executeTakeFirst();
}

/** Pending requests waiting for the actor's side (the to-do). */
export async function countIncoming(db: Q, actor: Actor): Promise<number> {
  const [{ n }] = await db.selectFrom('transfers').where(inBox(actor, 'incoming')).select((eb) => eb.fn.countAll<number>().as('n')).execute();
  return Number(n);
}

/** A file by its worker number (now or before a transfer) and its worker's identity number: how a receiving side finds a family that moved in. */
export async function fileByNumberAndIdentity(db: Q, workerNo: string, idNumber: string) {
  return db.selectFrom('households').select(['id', 'worker_no', 'name', 'region_code', 'unit_id', 'status'])
    .where('id_number', '=', idNumber)
    .where((eb) => eb.or([
      eb('worker_no', '=', workerNo),
      eb('id', 'in', eb.selectFrom('household_former_numbers').select('household_id').where('household_former_numbers.worker_no', '=', workerNo)),
    ]))
    .where('status', '<>', 'removed')
    .executeTakeFirst();
}
