// The one place that decides which households a user may read, and what a user may do to them.
// Every query of personal data goes through householdScope; a record outside it is reported as
// "not found". Organization codes are hierarchical (H → H01 → H01-0001), so a subtree is a prefix.
import { sql, type Expression, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from './actor.js';

export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'unit'; unitCode: string }
  | { kind: 'linked'; userId: number };

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
    case 'city':
    case 'viewer':
      return { kind: 'all' };
    case 'region':
      return { kind: 'region', regionCode: actor.orgCode.slice(0, 3) };
    case 'unit':
      return { kind: 'unit', unitCode: actor.orgCode };
    case 'leader':
    case 'staff':
      // the city's leaders and staff see the households linked to them (定点联系, responsibility)
      // and a leader the county of their working group, not the whole city's files
      return { kind: 'linked', userId: actor.id };
  }
}

/**
 * A where-clause for `households` limited to the actor's scope. `searching`: the region is compared
 * as an expression no index answers (trim of it), so that a search's own indexes lead (SQLite would otherwise
 * walk the whole region in list order to find the few files a name or number matches).
 */
/** A unit column that names the unit or one of its sub-units (H01-0001, H01-0001-0002 …): a unit user's reach. */
export function inUnitSubtree<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, unit: Expression<string | null>, unitCode: string) {
  return eb.or([eb(unit, '=', unitCode), eb(unit, 'like', `${unitCode}-%`)]);
}

export function householdScope(actor: Actor, opts: { searching?: boolean } = {}) {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<Database, 'households'>) => {
    switch (scope.kind) {
      case 'all':
        return eb.lit(true);
      case 'region':
        // trim() changes no region code; it only hides the column from the planner
        return opts.searching ? eb(eb.fn<string>('trim', [eb.ref('households.region_code')]), '=', scope.regionCode) : eb('households.region_code', '=', scope.regionCode);
      case 'unit':
        return inUnitSubtree(eb, eb.ref('households.unit_id'), scope.unitCode);
      case 'linked':
        // their own links (定点联系, or named responsible), and for a leader the county of the
        // working group they lead
        return eb.or([
          eb.exists(
            eb.selectFrom('household_links').select(sql.lit(1).as('one'))
              .whereRef('household_links.household_id', '=', 'households.id')
              .where('household_links.user_id', '=', scope.userId),
          ),
          eb('households.region_code', 'in', eb.selectFrom('working_groups').select('working_groups.region_code').where('working_groups.leader_user_id', '=', scope.userId)),
        ]);
    }
  };
}

/** Whether a file at this place (region, unit) lies in the actor's organization subtree. */
function inOrgSubtree(actor: Actor, regionCode: string, unitId: string | null): boolean {
  const s = scopeOf(actor);
  if (s.kind === 'all') return true;
  if (s.kind === 'region') return s.regionCode === regionCode;
  if (s.kind === 'unit') return unitId !== null && (unitId === s.unitCode || unitId.startsWith(`${s.unitCode}-`));
  return false;
}

/** File, edit, submit: the union cadres of the file's place, and the city union. */
export function canFile(actor: Actor, regionCode: string, unitId: string | null): boolean {
  if (!['admin', 'city', 'region', 'unit'].includes(actor.role)) return false;
  return inOrgSubtree(actor, regionCode, unitId);
}

/** 单位工会意见: the unit union of the file's unit, or the county union of its region. */
export function canReviewUnit(actor: Actor, regionCode: string, unitId: string | null): boolean {
  return (actor.role === 'unit' || actor.role === 'region') && inOrgSubtree(actor, regionCode, unitId);
}

/** 市总工会意见 */
export function canReviewCity(actor: Actor): boolean {
  return actor.role === 'city' || actor.role === 'admin';
}

/** Identity and phone numbers in the clear: the cadres who work with the files. */
export function seesFullIdentity(actor: Actor): boolean {
  return actor.role === 'city' || actor.role === 'region' || actor.role === 'unit';
}

/** Phones in the clear: also the leaders and staff who visit their linked households. */
export function seesFullPhone(actor: Actor): boolean {
  return seesFullIdentity(actor) || actor.role === 'leader' || actor.role === 'staff';
}

export const canEditPolicy = (actor: Actor) => actor.role === 'admin' || actor.role === 'city';
export const canDecideProposals = (actor: Actor) => ['admin', 'city', 'region'].includes(actor.role);
export const isAdmin = (actor: Actor) => actor.role === 'admin';
