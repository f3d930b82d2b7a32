// SQL of the assistance module's tables: the measure catalog, each household's plan, the
// assistance records, the responsibility links (household_links) and their changes, and the
// working groups. Reads that span other modules' tables are in assistance.queries.ts.
import type { Insertable } from 'kysely';
import type { AssistanceRecordTable, FollowUpTable, HouseholdPlanTable, ResponsibilityChangeTable } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';
import type { FollowUpOutcome } from '@bangfu/core';

// ---- measures and plans ----------------------------------------------------------------------

export async function listMeasureRows(q: Q) {
  return q.selectFrom('measures').selectAll().orderBy('sort').execute();
}

export async function countMeasures(q: Q): Promise<number> {
  const n = await q.selectFrom('measures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n.n);
}

export async function insertMeasure(q: Q, m: { code: string; name: string; category: string; description: string; active: boolean; sort: number; by: number; at: string }) {
  await q.insertInto('measures').values({ code: m.code, name: m.name, category: m.category, description: m.description, active: m.active ? 1 : 0, sort: m.sort, updated_by: m.by, updated_at: m.at }).execute();
}

/** false when there is no measure with this code */
export async function updateMeasure(q: Q, code: string, m: { name: string; category: string; description: string; active: boolean; by: number; at: string }): Promise<boolean> {
  const res = await q.updateTable('measures').set({ name: m.name, category: m.category, description: m.description, active: m.active ? 1 : 0, updated_by: m.by, updated_at: m.at })
    .where('code', '=', code).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The plan's measures in catalog order, with who last changed each. */
export async function planItems(q: Q, householdId: number) {
  return q
    .selectFrom('household_plans')
    .innerJoin('measures', 'measures.code', 'household_plans.measure_code')
    .leftJoin('users', 'users.id', 'household_plans.updated_by')
    .select(['household_plans.measure_code', 'measures.name', 'measures.category', 'household_plans.recommended', 'household_plans.reason', 'household_plans.target_date',
      'household_plans.status', 'household_plans.outcome', 'household_plans.updated_at', 'users.display_name'])
    .where('household_plans.household_id', '=', householdId)
    .orderBy('measures.sort')
    .execute();
}

export async function replacePlan(q: Q, householdId: number, items: Insertable<HouseholdPlanTable>[]): Promise<void> {
  await q.deleteFrom('household_plans').where('household_id', '=', householdId).execute();
  if (items.length) await q.insertInto('household_plans').values(items).execute();
}

// ---- assistance records ----------------------------------------------------------------------

export async function insertRecord(q: Q, r: Insertable<AssistanceRecordTable>): Promise<number> {
  const { id } = await q.insertInto('assistance_records').values(r).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function listRecordRows(q: Q, householdId: number) {
  return q.selectFrom('assistance_records').innerJoin('users', 'users.id', 'assistance_records.recorded_by')
    .select(['assistance_records.id', 'assistance_records.date', 'assistance_records.type', 'assistance_records.amount_fen', 'assistance_records.description',
      'assistance_records.solved_problem', 'assistance_records.recorded_at', 'users.display_name'])
    .where('assistance_records.household_id', '=', householdId).orderBy('assistance_records.date', 'desc').orderBy('assistance_records.id', 'desc').execute();
}

// ---- responsibility and links ----------------------------------------------------------------

/** The responsible leader or cadre of a household (one link of that kind), or none. */
export async function setResponsibleLink(q: Q, householdId: number, userId: number | null, kind: 'leader' | 'cadre', at: string): Promise<void> {
  await q.deleteFrom('household_links').where('household_id', '=', householdId).where('kind', '=', kind).execute();
  if (userId !== null) await q.insertInto('household_links').values({ household_id: householdId, user_id: userId, kind, created_at: at }).execute();
}

export async function hasLink(q: Q, householdId: number, userId: number): Promise<boolean> {
  return !!(await q.selectFrom('household_links').select('user_id').where('household_id', '=', householdId).where('user_id', '=', userId).where('kind', '=', 'link').executeTakeFirst());
}

export async function insertLink(q: Q, householdId: number, userId: number, at: string): Promise<void> {
  await q.insertInto('household_links').values({ household_id: householdId, user_id: userId, kind: 'link', created_at: at }).execute();
}

/** false when there was no such link */
export async function deleteLink(q: Q, householdId: number, userId: number): Promise<boolean> {
  const res = await q.deleteFrom('household_links').where('household_id', '=', householdId).where('user_id', '=', userId).where('kind', '=', 'link').executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function insertResponsibilityChange(q: Q, c: Insertable<ResponsibilityChangeTable>): Promise<void> {
  await q.insertInto('responsibility_changes').values(c).execute();
}

export async function responsibilityHistory(q: Q, householdId: number) {
  return q
    .selectFrom('responsibility_changes')
    .leftJoin('users as by', 'by.id', 'responsibility_changes.changed_by')
    .leftJoin('users as ol', 'ol.id', 'responsibility_changes.old_leader_id')
    .leftJoin('users as nl', 'nl.id', 'responsibility_changes.new_leader_id')
    .leftJoin('users as oc', 'oc.id', 'responsibility_changes.old_cadre_id')
    .leftJoin('users as nc', 'nc.id', 'responsibility_changes.new_cadre_id')
    .select(['responsibility_changes.changed_at', 'responsibility_changes.reason', 'by.display_name as by_name', 'ol.display_name as old_leader',
      'nl.display_name as new_leader', 'oc.display_name as old_cadre', 'nc.display_name as new_cadre'])
    .where('responsibility_changes.household_id', '=', householdId)
    .orderBy('responsibility_changes.id', 'desc')
    .execute();
}

// ---- working groups --------------------------------------------------------------------------

export async function listGroupRows(q: Q) {
  return q.selectFrom('working_groups').leftJoin('users', 'users.id', 'working_groups.leader_user_id')
    .select(['working_groups.region_code', 'working_groups.name', 'users.username', 'users.display_name']).orderBy('working_groups.region_code').execute();
}

export async function groupMemberRows(q: Q) {
  return q.selectFrom('working_group_members').innerJoin('users', 'users.id', 'working_group_members.user_id')
    .select(['working_group_members.region_code', 'users.id', 'users.username', 'users.display_name']).orderBy('users.username').execute();
}

/** The group's members, replaced (a user in another group leaves it: one group each). */
export async function saveGroupMembers(q: Q, regionCode: string, userIds: number[]): Promise<void> {
  await q.deleteFrom('working_group_members').where('region_code', '=', regionCode).execute();
  if (userIds.length) {
    await q.deleteFrom('working_group_members').where('user_id', 'in', userIds).execute();
    await q.insertInto('working_group_members').values(userIds.map((user_id) => ({ region_code: regionCode, user_id }))).execute();
  }
}

export async function saveGroup(q: Q, regionCode: string, values: { name: string; leader_user_id: number | null; updated_at: string }): Promise<void> {
  const exists = await q.selectFrom('working_groups').select('region_code').where('region_code', '=', regionCode).executeTakeFirst();
  if (exists) await q.updateTable('working_groups').set(values).where('region_code', '=', regionCode).execute();
  else await q.insertInto('working_groups').values({ region_code: regionCode, ...values }).execute();
}

/** The end of retention: the assistance records' and plans' free text of these files (dates, types, money and counts stay). */
export async function eraseAssistanceText(trx: Q, householdIds: number[]): Promise<void> {
  if (!householdIds.length) return;
  await trx.updateTable('assistance_records').set({ description: '（已删除）' }).where('household_id', 'in', householdIds).execute();
  await trx.updateTable('household_plans').set({ reason: null, outcome: null }).where('household_id', 'in', householdIds).execute();
  await trx.updateTable('follow_ups').set({ note: '（已删除）' }).where('household_id', 'in', householdIds).execute();
}

// ---- 脱困回访 ---------------------------------------------------------------------------------

export async function insertFollowUp(q: Q, row: Insertable<FollowUpTable>): Promise<number> {
  const r = await q.insertInto('follow_ups').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Every follow-up of a household, newest first, with who recorded it. */
export async function followUpsOf(q: Q, householdId: number) {
  return q.selectFrom('follow_ups').innerJoin('users', 'users.id', 'follow_ups.recorded_by')
    .select(['follow_ups.id', 'follow_ups.exit_date', 'follow_ups.date', 'follow_ups.outcome', 'follow_ups.note', 'follow_ups.reopened', 'follow_ups.recorded_at', 'users.display_name'])
    .where('follow_ups.household_id', '=', householdId).orderBy('follow_ups.date', 'desc').orderBy('follow_ups.id', 'desc').execute();
}

/** The follow-ups of these households' current exits (date and outcome), per household, for their schedules. */
export async function followUpsOfExits(q: Q, exits: { id: number; exitDate: string }[]): Promise<Map<number, { date: string; outcome: FollowUpOutcome }[]>> {
  const byHousehold = new Map<number, { date: string; outcome: FollowUpOutcome }[]>();
  if (exits.length === 0) return byHousehold;
  const rows = await q.selectFrom('follow_ups').select(['household_id', 'exit_date', 'date', 'outcome'])
    .where('household_id', 'in', exits.map((e) => e.id)).execute();
  const current = new Map(exits.map((e) => [e.id, e.exitDate]));
  for (const r of rows) {
    const id = Number(r.household_id);
    if (current.get(id) !== r.exit_date) continue; // an earlier exit's
    byHousehold.set(id, [...(byHousehold.get(id) ?? []), { date: r.date, outcome: r.outcome as FollowUpOutcome }]);
  }
  return byHousehold;
}

// ---- a duplicate merged into the file kept ---------------------------------------------------

export async function linksOfHousehold(q: Q, householdId: number) {
  return q.selectFrom('household_links').select(['user_id', 'kind', 'created_at']).where('household_id', '=', householdId).execute();
}

/** Moves the given links (user and kind) from one household to the other. */
export async function moveLinks(q: Q, fromId: number, toId: number, links: readonly { user_id: number; kind: string }[]): Promise<void> {
  for (const l of links)
    await q.updateTable('household_links').set({ household_id: toId }).where('household_id', '=', fromId).where('user_id', '=', l.user_id).where('kind', '=', l.kind).execute();
}

export async function deleteLinksOf(q: Q, householdId: number): Promise<void> {
  await q.deleteFrom('household_links').where('household_id', '=', householdId).execute();
}

/** Moves the plan items of these measures from one household to the other. */
export async function movePlanItems(q: Q, fromId: number, toId: number, measures: readonly string[]): Promise<number> {
  if (!measures.length) return 0;
  const r = await q.updateTable('household_plans').set({ household_id: toId }).where('household_id', '=', fromId).where('measure_code', 'in', measures).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function moveFollowUps(q: Q, fromId: number, toId: number): Promise<number> {
  const r = await q.updateTable('follow_ups').set({ household_id: toId }).where('household_id', '=', fromId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function moveResponsibilityChanges(q: Q, fromId: number, toId: number): Promise<number> {
  const r = await q.updateTable('responsibility_changes').set({ household_id: toId }).where('household_id', '=', fromId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function latestRecordDate(q: Q, householdId: number): Promise<string | null> {
  const r = await q.selectFrom('assistance_records').select((eb) => eb.fn.max('date').as('d')).where('household_id', '=', householdId).executeTakeFirst();
  return (r?.d as string | null) ?? null;
}
