// "As of a day" (migration 024): a file's status at the end of a past day follows from the days it
// reached its review steps; the facets of those days count the files of a fill year as of any day.
// The list filters one row by asOfStatus; the progress and the list's total sum the facets with
// asOfCounts. Both rest on the steps' days never decreasing (step-days.ts, migration 024), so that
// the files past a step are among those past the step before.
import { sql } from 'kysely';
import { addDays, type ByStatus, type HouseholdFilter } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';

/** A file's status at the end of `asOf` (China), as SQL over its row: the last step it had reached. */
export const asOfStatus = (asOf: string) => sql<string>`(case
  when status in ('removed', 'exited') and ended_on <= ${asOf} then status
  when status in ('filed', 'removed', 'exited') and filed_on <= ${asOf} then 'filed'
  when status in ('unitApproved', 'filed', 'removed', 'exited') and approved_on <= ${asOf} then 'unitApproved'
  when status <> 'draft' and submitted_on <= ${asOf} then 'submitted'
  else 'draft' end)`;


export const WAITING_AS_OF = ['submitted', 'unitApproved'] as const;

type StepCounts = { created: number; submitted: number; approved: number; filed: number; removed: number; exited: number; createdSince: number };
const zeroSteps = (): StepCounts => ({ created: 0, submitted: 0, approved: 0, filed: 0, removed: 0, exited: 0, createdSince: 0 });
const PAST_UNIT = new Set(['unitApproved', 'filed', 'removed', 'exited']);
const ON_BOOKS = new Set(['filed', 'removed', 'exited']);

/**
 * A fill year's files as of the end of a day, by status, per region and unit ('' for a county's own
 * files), from the facets of the review steps' days (migration 024): the files entered by then, those
 * of them past each step by then, and the files entered since `weekStart`. A file's status that day is
 * the last step it had reached (households.queries asOfStatus says the same of one row).
 */
export async function asOfCounts(db: Q, year: number, asOf: string, weekStart: string, regionCode?: string) {
  const upTo = `${year}|${asOf}|~`; // '~' sorts after every unit code; a step not reached ('2026||…') after every day
  const base = db.selectFrom('household_facets')
    .select(['facet', 'region_code', 'status', sql<string>`substr(value, 17)`.as('unit'), (eb) => eb.fn.sum<number>('n').as('n')])
    .$if(!!regionCode, (q) => q.where('region_code', '=', regionCode!))
    .groupBy(['facet', 'region_code', 'status', sql`substr(value, 17)`]);
  const [steps, recent] = await Promise.all([
    base.where('facet', 'in', ['asof_created', 'asof_submitted', 'asof_approved', 'asof_filed', 'asof_ended'])
      .where('value', '>=', `${year}|`).where('value', '<=', upTo).execute(),
    base.where('facet', '=', 'asof_created').where('value', '>=', `${year}|${weekStart}`).where('value', '<=', upTo).execute(),
  ]);
  const out = new Map<string, StepCounts & { regionCode: string; unit: string }>();
  const at = (region: string, unit: string) => {
    const k = `${region}/${unit}`;
    return out.get(k) ?? out.set(k, { ...zeroSteps(), regionCode: region, unit }).get(k)!;
  };
  for (const r of steps) {
    const c = at(r.region_code, r.unit);
    const n = Number(r.n);
    if (r.facet === 'asof_created') c.created += n;
    else if (r.facet === 'asof_submitted' && r.status !== 'draft') c.submitted += n;
    else if (r.facet === 'asof_approved' && PAST_UNIT.has(r.status)) c.approved += n;
    else if (r.facet === 'asof_filed' && ON_BOOKS.has(r.status)) c.filed += n;
    else if (r.facet === 'asof_ended' && (r.status === 'removed' || r.status === 'exited')) c[r.status] += n;
  }
  for (const r of recent) at(r.region_code, r.unit).createdSince += Number(r.n);
  return [...out.values()];
}

/** The statuses of files as of a day from their steps' counts (each step's files are among the previous one's). */
export function statusesOfSteps(c: StepCounts): ByStatus {
  return {
    draft: c.created - c.submitted, submitted: c.submitted - c.approved, unitApproved: c.approved - c.filed,
    filed: c.filed - c.removed - c.exited, removed: c.removed, exited: c.exited,
  };
}

/**
 * The list's total as of a day from the facets, when its filters are a progress number's: a fill year,
 * at most a region and a unit, and a status, the waiting files or the files entered since a day. Else null.
 */
export async function asOfTotal(db: Q, f: HouseholdFilter, regionCode: string | undefined): Promise<number | null> {
  const other = f.q || f.returned || f.category || f.eligible || f.condition || f.suggestedCategory || f.flag;
  const measures = [f.status, f.createdSince, f.waitingDays].filter((x) => x !== undefined).length;
  if (!f.asOf || !f.fillYear || other || measures > 1 || (f.waitingDays !== undefined && f.waitingDays !== 0)) return null;
  if (f.unitId && f.unitId !== 'none' && regionCode && f.unitId.slice(0, 3) !== regionCode) return null;
  const unit = f.unitId === 'none' ? '' : f.unitId;
  let total = 0;
  for (const c of await asOfCounts(db, f.fillYear, f.asOf, f.createdSince ?? f.asOf, regionCode)) {
    if (unit !== undefined && c.unit !== unit) continue;
    const s = statusesOfSteps(c);
    total += f.status ? s[f.status] : f.createdSince ? c.createdSince : f.waitingDays === 0 ? s.submitted + s.unitApproved : c.created;
  }
  return total;
}
