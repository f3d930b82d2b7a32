// The one place that decides which households a user may read or write. Every query of personal
// data goes through householdScope; a record outside it is reported as "not found".
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from './actor.js';

export type Scope = { all: true } | { all: false; regionCode: string };

export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'admin' || actor.role === 'city') return { all: true };
  // region users hold a region org (H01…); their subtree is that region's files
  return { all: false, regionCode: actor.orgCode.slice(0, 3) };
}

/** A where-clause for `households` limited to the actor's scope. */
export function householdScope(actor: Actor) {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<Database, 'households'>) =>
    scope.all ? eb.lit(true) : eb('households.region_code', '=', scope.regionCode);
}

export function canWriteRegion(actor: Actor, regionCode: string): boolean {
  const scope = scopeOf(actor);
  return scope.all || scope.regionCode === regionCode;
}
