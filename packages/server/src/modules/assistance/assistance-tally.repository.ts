// The kept counts of regular assistance (assistance-tally.sql.ts): read them for 帮扶统计, recount
// them, and compare them with a full recount. Only this file and the triggers write them.
import { sql, type Kysely } from 'kysely';
import { YEARLY_SOLVED_TARGET } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { foldDeltas, keptCountDifferences } from '../../db/deltas.js';
import { ASSISTANCE_TALLY, CADRE_TALLY, RECOUNT_ASSISTANCE_STATEMENTS, RECOUNT_ASSISTANCE_TALLY, RECOUNT_CADRE_TALLY, RECOUNT_HOUSEHOLD_YEAR } from './assistance-tally.sql.js';

export const ASSISTANCE_DELTAS = [ASSISTANCE_TALLY, CADRE_TALLY];

export async function recountAssistanceTallies(db: Q): Promise<void> {
  for (const s of RECOUNT_ASSISTANCE_STATEMENTS) await sql.raw(s).execute(db);
}

export async function foldAssistanceTallies(db: Kysely<any>): Promise<void> {
  await foldDeltas(db, ASSISTANCE_DELTAS);
}

/** Per region: households assisted and meeting the target, and the sums, for a year and the households' status. */
export async function assistancePerRegion(db: Q, year: number, status: string, regionCode?: string) {
  return db.selectFrom('assistance_tally')
    .select((eb) => ['region_code', eb.fn.sum<number>('assisted').as('assisted'), eb.fn.sum<number>('records').as('records'), eb.fn.sum<number>('visits').as('visits'),
      eb.fn.sum<number>('money').as('money'), eb.fn.sum<number>('solved').as('solved'), eb.fn.sum<number>('met').as('met')])
    .where('year', '=', year).where('status', '=', status).$if(!!regionCode, (q) => q.where('region_code', '=', regionCode!))
    .groupBy('region_code').execute();
}

/** Per recording user: records, visits, distinct households, money, solved, for a year (and region), most records first. */
export async function assistancePerCadre(db: Q, year: number, regionCode?: string) {
  return db.selectFrom('assistance_cadre_tally').innerJoin('users', 'users.id', 'assistance_cadre_tally.user_id')
    .select((eb) => ['users.username', 'users.display_name', eb.fn.sum<number>('records').as('records'), eb.fn.sum<number>('visits').as('visits'),
      eb.fn.sum<number>('households').as('households'), eb.fn.sum<number>('money').as('money'), eb.fn.sum<number>('solved').as('solved')])
    .where('assistance_cadre_tally.year', '=', year).$if(!!regionCode, (q) => q.where('assistance_cadre_tally.region_code', '=', regionCode!))
    .groupBy(['users.username', 'users.display_name'])
    .having((eb) => eb.fn.sum('records'), '<>', 0)
    .orderBy('records', 'desc').orderBy('users.username')
    .execute();
}

/** The keys whose kept counts differ from a full recount (empty when they agree). */
export async function assistanceTallyDifferences(db: Q): Promise<string[]> {
  const householdYear = { table: 'assistance_household_year', keys: ['household_id', 'year'], values: ['records', 'visits', 'money', 'solved'] };
  return [
    ...await keptCountDifferences(db, 'household-year', householdYear, RECOUNT_HOUSEHOLD_YEAR),
    ...await keptCountDifferences(db, 'tally', ASSISTANCE_TALLY, RECOUNT_ASSISTANCE_TALLY),
    ...await keptCountDifferences(db, 'cadre', CADRE_TALLY, RECOUNT_CADRE_TALLY),
  ];
}

const visitOf = "case when r.type = '走访' then 1 else 0 end";

/**
 * Moves every assistance record of one household to another (a duplicate merged into the file
 * kept), with the kept counts: the two households' contributions come out as negative deltas, the
 * records move, and the kept household's contribution goes back in. Records are otherwise never
 * moved, so the triggers do not follow an update; this does. Returns the records moved.
 */
export async function moveRecordsCounted(trx: Q, fromId: number, toId: number): Promise<number> {
  const tallyCols = `${ASSISTANCE_TALLY.keys.join(', ')}, ${ASSISTANCE_TALLY.values.join(', ')}`;
  const cadreCols = `${CADRE_TALLY.keys.join(', ')}, ${CADRE_TALLY.values.join(', ')}`;
  const yearRows = (sign: 1 | -1, ids: number[]) => sql.raw(`insert into assistance_tally (${tallyCols})
    select y.year, h.region_code, h.status, ${sign}, ${sign} * y.records, ${sign} * y.visits, ${sign} * y.money, ${sign} * y.solved, ${sign} * (case when y.solved >= ${YEARLY_SOLVED_TARGET} then 1 else 0 end)
    from assistance_household_year y join households h on h.id = y.household_id where y.household_id in (${ids.join(', ')})`);
  // a household counts once per (year, region, cadre): its share is 1 with its sums
  const cadreRows = (sign: 1 | -1, ids: number[]) => sql.raw(`insert into assistance_cadre_tally (${cadreCols})
    select r.year, r.region_code, r.recorded_by, ${sign} * count(*), ${sign} * sum(${visitOf}), ${sign}, ${sign} * sum(coalesce(r.amount_fen, 0)), ${sign} * sum(r.solved_problem)
    from assistance_records r where r.household_id in (${ids.join(', ')}) group by r.year, r.region_code, r.recorded_by, r.household_id`);
  const both = [Number(fromId), Number(toId)];
  await yearRows(-1, both).execute(trx);
  await cadreRows(-1, both).execute(trx);
  await trx.deleteFrom('assistance_household_year').where('household_id', 'in', both).execute();
  const moved = await trx.updateTable('assistance_records').set({ household_id: toId }).where('household_id', '=', fromId).executeTakeFirst();
  await sql.raw(`insert into assistance_household_year (household_id, year, records, visits, money, solved)
    select r.household_id, r.year, count(*), sum(${visitOf}), sum(coalesce(r.amount_fen, 0)), sum(r.solved_problem)
    from assistance_records r where r.household_id = ${Number(toId)} group by r.household_id, r.year`).execute(trx);
  await yearRows(1, [Number(toId)]).execute(trx);
  await cadreRows(1, [Number(toId)]).execute(trx);
  return Number(moved.numUpdatedRows);
}
