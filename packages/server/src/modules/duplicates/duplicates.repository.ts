// SQL of the duplicate_pairs table. No rules here.
import { sql } from 'kysely';
import type { DuplicateKind } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import type { FoundPair } from './duplicates.queries.js';

const CHUNK = 200;

/**
 * The pairs one scan found for a rule: new ones open, known ones marked seen by this scan (a pair
 * cleared before opens again; one dismissed or merged keeps its decision).
 */
export async function upsertFound(q: Q, kind: DuplicateKind, pairs: readonly FoundPair[], scanId: number, at: string): Promise<void> {
  for (let i = 0; i < pairs.length; i += CHUNK) {
    await q.insertInto('duplicate_pairs')
      .values(pairs.slice(i, i + CHUNK).map((p) => ({ a_id: p.a, b_id: p.b, kind, shared: p.shared.slice(0, 400), region_a: p.ra, region_b: p.rb, status: 'open', found_at: at, seen_by: scanId })))
      .onConflict((oc) => oc.columns(['a_id', 'b_id', 'kind']).doUpdateSet({
        seen_by: (eb) => eb.ref('excluded.seen_by'),
        shared: (eb) => eb.ref('excluded.shared'),
        region_a: (eb) => eb.ref('excluded.region_a'),
        region_b: (eb) => eb.ref('excluded.region_b'),
        status: sql<string>`case when duplicate_pairs.status = 'cleared' then 'open' else duplicate_pairs.status end`,
      }))
      .execute();
  }
}

/** Open pairs the scan no longer found (a file edited, removed or merged since): cleared. */
export async function clearUnseen(q: Q, scanId: number): Promise<number> {
  const r = await q.updateTable('duplicate_pairs').set({ status: 'cleared' }).where('status', '=', 'open').where('seen_by', '<>', scanId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findPair(q: Q, id: number) {
  return q.selectFrom('duplicate_pairs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decides an open pair; false when someone decided it first. */
export async function decideOpen(q: Q, id: number, set: { status: 'dismissed' | 'merged'; decided_by: number; decided_at: string; note: string }): Promise<boolean> {
  const r = await q.updateTable('duplicate_pairs').set(set).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The other open pairs of a file that is gone (merged into another). */
export async function clearPairsOf(q: Q, householdId: number): Promise<void> {
  await q.updateTable('duplicate_pairs').set({ status: 'cleared' }).where('status', '=', 'open')
    .where((eb) => eb.or([eb('a_id', '=', householdId), eb('b_id', '=', householdId)])).execute();
}

/**
 * Fresh statistics after a scan wrote thousands of pairs: without them the planners guessed a
 * few rows of a status and read the pairs through the table (PostgreSQL counted 210,000 open pairs
 * in 34 ms by a bitmap heap scan).
 */
export async function analyzePairs(q: Q): Promise<void> {
  await sql`analyze duplicate_pairs`.execute(q);
}
