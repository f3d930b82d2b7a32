// 脱困回访 read models over the exited households in a scope. Each exited file keeps the day of its
// next planned visit and the visits made (households.follow_up_due_on, follow_ups_made: written
// with the exit and with each follow-up), so a due list walks a partial index in due order and a
// count never visits the follow-ups of every exit; only the few "found fallen back" are looked up
// in follow_ups, from their own partial index.
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { householdScope } from '../access/scope.js';

type Eb = ExpressionBuilder<Database, 'households'>;

export interface ExitFilter {
  regionCode?: string;
  year?: number;
  /** only the households linked to this user (responsible, or 定点联系) */
  mineOf?: number;
  /** only those whose next planned visit is on or before this day */
  dueBy?: string;
  /** only exits a follow-up found fallen back, still waiting to be reopened */
  pendingReopen?: boolean;
}

// Written as literals, not parameters: a partial index serves a query only when its WHERE is seen
// in the statement (SQLite at prepare time, PostgreSQL's generic plans). Only an exited file has an
// exit day (the exit writes it, a reopening clears it: lifecycle.service.ts), which is what the
// partial indexes of migration 032 hold; a status term would lead both planners to the status
// indexes instead (SQLite's sampled statistics, PostgreSQL's guess).
const IS_EXITED = sql<boolean>`households.exit_date is not null`;
const IS_FALLEN = sql<boolean>`follow_ups.outcome = 'fallenBack'`;

/** A follow-up of the file's current exit found the family fallen back. */
const fallenBack = (eb: Eb) => eb.exists(
  eb.selectFrom('follow_ups').select(sql.lit(1).as('one'))
    .whereRef('follow_ups.household_id', '=', 'households.id').whereRef('follow_ups.exit_date', '=', 'households.exit_date')
    .where(IS_FALLEN),
);

function exited(q: Q, actor: Actor, f: ExitFilter) {
  return q.selectFrom('households')
    .where(IS_EXITED)
    .where(householdScope(actor))
    .$if(!!f.regionCode, (x) => x.where('households.region_code', '=', f.regionCode!))
    .$if(f.year !== undefined, (x) => x.where('households.exit_date', '>=', `${f.year}-01-01`).where('households.exit_date', '<=', `${f.year}-12-31`))
    .$if(f.mineOf !== undefined, (x) => x.where('households.id', 'in', (eb) => eb.selectFrom('household_links').select('household_links.household_id').where('household_links.user_id', '=', f.mineOf!)))
    .$if(f.dueBy !== undefined, (x) => x.where('households.follow_up_due_on', '<=', f.dueBy!))
    // from the few fallen-back follow-ups to their files, then the file's current exit
    .$if(!!f.pendingReopen, (x) => x
      .where('households.id', 'in', (eb) => eb.selectFrom('follow_ups').select('follow_ups.household_id').where(IS_FALLEN))
      .where((eb) => fallenBack(eb as unknown as Eb)));
}

export async function countExited(q: Q, actor: Actor, f: ExitFilter): Promise<number> {
  const r = await exited(q, actor, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A page of exited households: by the next visit's day for a due list, else by exit day. */
export async function exitedPage(q: Q, actor: Actor, f: ExitFilter, page: number, pageSize: number) {
  const order = f.dueBy !== undefined ? 'households.follow_up_due_on' : 'households.exit_date';
  return exited(q, actor, f)
    .select(['households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.exit_date', 'households.follow_up_due_on', 'households.follow_ups_made'])
    .orderBy(order).orderBy('households.id')
    .limit(pageSize).offset((page - 1) * pageSize)
    .execute();
}

const sumOf = (parts: RawBuilder<number>[]) => (parts.length ? sql.join(parts, sql` + `) : sql`0`);

/**
 * A year's exits still exited, per region: planned visits come (those whose day is on or before
 * `today`: the exit is on or before `dueBy[k]`, core's latestExitFor) and how many of them were
 * made, households whose next visit is past, and those visited at least once.
 */
export async function exitCohort(q: Q, actor: Actor, year: number, dueBy: string[], today: string) {
  const dueCount = sumOf(dueBy.map((t) => sql<number>`case when households.exit_date <= ${t} then 1 else 0 end`));
  return exited(q, actor, { year })
    .select((eb) => [
      'households.region_code',
      eb.fn.countAll<number>().as('exits'),
      sql<number>`sum(${dueCount})`.as('visits_due'),
      sql<number>`sum(case when households.follow_ups_made < (${dueCount}) then households.follow_ups_made else (${dueCount}) end)`.as('visits_done'),
      sql<number>`sum(case when households.follow_up_due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when households.follow_ups_made > 0 then 1 else 0 end)`.as('visited'),
    ])
    .groupBy('households.region_code')
    .execute();
}

/**
 * A year's exits a follow-up found fallen back (返困), per region, from the fallen-back follow-ups:
 * `pending` those still exited (waiting to be reopened), `ended` those reopened since.
 */
export async function returnsOfYear(q: Q, actor: Actor, year: number) {
  const perExit = q.selectFrom('follow_ups').innerJoin('households', 'households.id', 'follow_ups.household_id')
    .select([
      'follow_ups.household_id', 'follow_ups.exit_date', sql<string>`min(households.region_code)`.as('region_code'),
      sql<number>`max(case when households.status = 'exited' and households.exit_date = follow_ups.exit_date then 0 else 1 end)`.as('ended'),
    ])
    .where(IS_FALLEN)
    .where('follow_ups.exit_date', '>=', `${year}-01-01`).where('follow_ups.exit_date', '<=', `${year}-12-31`)
    .where(householdScope(actor))
    .groupBy(['follow_ups.household_id', 'follow_ups.exit_date']);
  return q.selectFrom(perExit.as('r'))
    .select((eb) => ['r.region_code', eb.fn.countAll<number>().as('returns'), eb.fn.sum<number>('r.ended').as('ended')])
    .groupBy('r.region_code')
    .execute();
}
