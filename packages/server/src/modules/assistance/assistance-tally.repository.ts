// The kept counts of regular assistance (assistance-tally.sql.ts): read them for 帮扶统计, recount
// them, and compare them with a full recount. Only this file and the triggers write them.
import { sql, type Kysely } from 'kysely';
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
