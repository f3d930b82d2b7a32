// The kept counts of regular assistance (assistance-tally.sql.ts): read them for 帮扶统计, recount
// them, and compare them with a full recount. Only this file and the triggers write them.
import { sql, type Kysely } from 'kysely';
import type { Q } from '../../db/transaction.js';
import { foldDeltas } from '../../db/deltas.js';
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
  const out: string[] = [];
  const check = async (what: string, keys: readonly string[], values: readonly string[], kept: string, fresh: string) => {
    const sums = values.map((v) => `sum(${v}) as ${v}`).join(', ');
    const a = (await sql.raw<Record<string, unknown>>(`select ${keys.join(', ')}, ${sums} from ${kept} group by ${keys.join(', ')}`).execute(db)).rows;
    const b = (await sql.raw<Record<string, unknown>>(fresh).execute(db)).rows;
    const key = (r: Record<string, unknown>) => keys.map((k) => String(r[k])).join('|');
    const val = (r: Record<string, unknown> | undefined) => values.map((v) => Number(r?.[v] ?? 0)).join(',');
    const am = new Map(a.map((r) => [key(r), r]));
    const bm = new Map(b.map((r) => [key(r), r]));
    const zero = values.map(() => 0).join(',');
    for (const k of new Set([...am.keys(), ...bm.keys()])) {
      const x = val(am.get(k));
      const y = val(bm.get(k));
      if (x !== y && !(x === zero && !bm.has(k))) out.push(`${what} ${k}: kept ${x}, recount ${y}`);
    }
  };
  await check('household-year', ['household_id', 'year'], ['records', 'visits', 'money', 'solved'], 'assistance_household_year', RECOUNT_HOUSEHOLD_YEAR);
  await check('tally', ASSISTANCE_TALLY.keys, ASSISTANCE_TALLY.values, 'assistance_tally', RECOUNT_ASSISTANCE_TALLY);
  await check('cadre', CADRE_TALLY.keys, CADRE_TALLY.values, 'assistance_cadre_tally', RECOUNT_CADRE_TALLY);
  return out;
}
