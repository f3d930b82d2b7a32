// Read models of the assessment over the households' tables: what the kept counts do not hold per
// unit (filed households now, overdue, assisted and meeting the target) and the returns in review
// per organization. Units are few (the required large ones), each read through households_unit_status.
import { sql } from 'kysely';
import { YEARLY_SOLVED_TARGET } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';

export interface UnitAssistance { filed: number; overdue: number; assisted: number; met: number }

/** Per unit: filed households now (every fill year), those not visited since the cutoff, and those assisted / meeting the target in the year. */
export async function unitAssistance(db: Q, units: string[], year: number, cutoff: string): Promise<Map<string, UnitAssistance>> {
  const out = new Map<string, UnitAssistance>();
  if (!units.length) return out;
  const rows = await db.selectFrom('households as h')
    .leftJoin('assistance_household_year as y', (j) => j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', year))
    .select((eb) => [
      'h.unit_id',
      eb.fn.countAll<number>().as('filed'),
      sql<number>`sum(case when h.last_assisted_on is null or h.last_assisted_on < ${cutoff} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when y.household_id is not null then 1 else 0 end)`.as('assisted'),
      sql<number>`sum(case when y.solved >= ${YEARLY_SOLVED_TARGET} then 1 else 0 end)`.as('met'),
    ])
    .where('h.unit_id', 'in', units).where('h.status', '=', 'filed')
    .groupBy('h.unit_id').execute();
  for (const r of rows) out.set(r.unit_id!, { filed: Number(r.filed), overdue: Number(r.overdue ?? 0), assisted: Number(r.assisted ?? 0), met: Number(r.met ?? 0) });
  return out;
}

/** Returns in review (either level) of the fill year's files, per region or per one of the units. */
export async function returnsByOrg(db: Q, year: number, by: { level: 'region' } | { level: 'unit'; units: string[] }): Promise<Map<string, number>> {
  if (by.level === 'unit' && !by.units.length) return new Map();
  const key = by.level === 'region' ? 'h.region_code' : 'h.unit_id';
  const rows = await db.selectFrom('review_opinions as o').innerJoin('households as h', 'h.id', 'o.household_id')
    .select([sql<string>`${sql.ref(key)}`.as('code'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.decision', '=', 'return').where('h.fill_year', '=', year)
    .$if(by.level === 'unit', (q) => q.where('h.unit_id', 'in', (by as { units: string[] }).units))
    .groupBy(key).execute();
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
