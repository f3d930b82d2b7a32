// 包干到户、责任到人: each filed household's responsible leader (责任领导) and cadre (具体责任人),
// stable once set (a change needs a reason and is audited); the city union's own links (每个市总
// 领导联系 2 户、每个机关干部联系 1 户); the seven working groups, each led by a city leader and
// linked to one county union.
import { z } from 'zod';
import { JINGMEN_REGIONS, todayInChina } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor, Role } from '../access/actor.js';
import { canEditPolicy, canFile } from '../access/scope.js';
import { appendAudit } from '../audit/audit.repository.js';
import * as repo from '../households/households.repository.js';
import type { Q } from '../households/households.repository.js';

export const LINK_QUOTA: Partial<Record<Role, number>> = { leader: 2, staff: 1 };
const LEADER_ROLES: Role[] = ['leader', 'city', 'region', 'unit'];
const CADRE_ROLES: Role[] = ['staff', 'city', 'region', 'unit', 'leader'];

async function userByName(q: Q, username: string, roles: Role[], path: string, label: string) {
  const u = await q.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'org_code', 'active']).where('username', '=', username).executeTakeFirst();
  if (!u || !u.active) throw validationFailed([{ path, message: `用户 ${username} 不存在或已停用` }], 'responsibility');
  if (!roles.includes(u.role as Role)) throw validationFailed([{ path, message: `${label}应为市总领导、市总工会、县区工会或基层工会的工作人员` }], 'responsibility');
  return u;
}

async function setLink(q: Q, householdId: number, userId: number | null, kind: 'leader' | 'cadre', at: string) {
  await q.deleteFrom('household_links').where('household_id', '=', householdId).where('kind', '=', kind).execute();
  if (userId !== null) await q.insertInto('household_links').values({ household_id: householdId, user_id: userId, kind, created_at: at }).execute();
}

export const responsibilitySchema = z.object({
  leaderUsername: z.string({ error: '请选择责任领导' }).trim().min(1, { error: '请选择责任领导' }),
  cadreUsername: z.string({ error: '请选择具体责任人' }).trim().min(1, { error: '请选择具体责任人' }),
  reason: z.string().trim().max(500, { error: '变更原因不能超过500个字' }).optional(),
});

export async function getResponsibility(db: Db, actor: Actor, id: number) {
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  const name = async (uid: number | null) =>
    uid === null ? null : (await db.selectFrom('users').select(['username', 'display_name']).where('id', '=', uid).executeTakeFirst()) ?? null;
  const history = await db
    .selectFrom('responsibility_changes')
    .leftJoin('users as by', 'by.id', 'responsibility_changes.changed_by')
    .leftJoin('users as ol', 'ol.id', 'responsibility_changes.old_leader_id')
    .leftJoin('users as nl', 'nl.id', 'responsibility_changes.new_leader_id')
    .leftJoin('users as oc', 'oc.id', 'responsibility_changes.old_cadre_id')
    .leftJoin('users as nc', 'nc.id', 'responsibility_changes.new_cadre_id')
    .select(['responsibility_changes.changed_at', 'responsibility_changes.reason', 'by.display_name as by_name', 'ol.display_name as old_leader',
      'nl.display_name as new_leader', 'oc.display_name as old_cadre', 'nc.display_name as new_cadre'])
    .where('responsibility_changes.household_id', '=', id)
    .orderBy('responsibility_changes.id', 'desc')
    .execute();
  const [l, c] = await Promise.all([name(row.leader_user_id), name(row.cadre_user_id)]);
  return {
    leader: l && { username: l.username, displayName: l.display_name },
    cadre: c && { username: c.username, displayName: c.display_name },
    history: history.map((h) => ({ changedAt: h.changed_at, reason: h.reason, changedBy: h.by_name, oldLeader: h.old_leader, newLeader: h.new_leader, oldCadre: h.old_cadre, newCadre: h.new_cadre })),
  };
}

/** Names (or changes, with a reason) the responsible leader and cadre of a filed household. */
export async function setResponsibility(db: Db, actor: Actor, id: number, input: unknown) {
  const p = parseInput(responsibilitySchema, input, 'responsibility');
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (!canFile(actor, row.region_code, row.unit_id)) throw forbidden('只有本地区、本单位工会或市总工会可以确定帮扶责任人');
  if (row.status !== 'filed') throw new AppError(409, 'NOT_FILED', '只有已建档的档案可以确定帮扶责任人');
  const leader = await userByName(db, p.leaderUsername, LEADER_ROLES, 'leaderUsername', '责任领导');
  const cadre = await userByName(db, p.cadreUsername, CADRE_ROLES, 'cadreUsername', '具体责任人');
  // a county or grassroots cadre must be one who can see the file; city people get to see it by the link
  const reaches = (u: { role: string; org_code: string }) =>
    u.role === 'region' ? u.org_code.slice(0, 3) === row.region_code
      : u.role === 'unit' ? !!row.unit_id && (row.unit_id === u.org_code || row.unit_id.startsWith(`${u.org_code}-`)) : true;
  const outOfReach = [
    ...(reaches(leader) ? [] : [{ path: 'leaderUsername', message: `${leader.display_name} 不属于该户所在地区或单位的工会` }]),
    ...(reaches(cadre) ? [] : [{ path: 'cadreUsername', message: `${cadre.display_name} 不属于该户所在地区或单位的工会` }]),
  ];
  if (outOfReach.length) throw validationFailed(outOfReach, 'responsibility');
  const changing = (row.leader_user_id !== null && row.leader_user_id !== Number(leader.id)) || (row.cadre_user_id !== null && row.cadre_user_id !== Number(cadre.id));
  if (changing && !p.reason) throw validationFailed([{ path: 'reason', message: '帮扶责任人确定后原则上保持不变，变更须填写原因' }], 'responsibility');
  if (row.leader_user_id === Number(leader.id) && row.cadre_user_id === Number(cadre.id)) return getResponsibility(db, actor, id);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('households').set({ leader_user_id: Number(leader.id), cadre_user_id: Number(cadre.id) }).where('id', '=', id).execute();
    await setLink(trx, id, Number(leader.id), 'leader', at);
    await setLink(trx, id, Number(cadre.id), 'cadre', at);
    await trx.insertInto('responsibility_changes').values({
      household_id: id, old_leader_id: row.leader_user_id, new_leader_id: Number(leader.id), old_cadre_id: row.cadre_user_id, new_cadre_id: Number(cadre.id),
      reason: p.reason ?? null, changed_by: actor.id, changed_at: at,
    }).execute();
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: changing ? 'responsibility.change' : 'responsibility.set', entity: 'household', entityId: id,
      detail: { leader: leader.username, cadre: cadre.username, reason: p.reason }, ip: actor.ip });
  });
  return getResponsibility(db, actor, id);
}

/** 定点联系: links a city leader or staff member to a filed household (city union only). */
export async function addLink(db: Db, actor: Actor, id: number, username: unknown) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以安排定点联系');
  if (typeof username !== 'string' || !username) throw validationFailed([{ path: 'username', message: '请选择市总领导或机关干部' }], 'link');
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (row.status !== 'filed') throw new AppError(409, 'NOT_FILED', '只有已建档的档案可以安排定点联系');
  const u = await userByName(db, username, ['leader', 'staff'], 'username', '定点联系人');
  await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('household_links').select('user_id').where('household_id', '=', id).where('user_id', '=', Number(u.id)).where('kind', '=', 'link').executeTakeFirst();
    if (exists) throw new AppError(409, 'ALREADY_LINKED', `${u.display_name} 已定点联系该户`);
    await trx.insertInto('household_links').values({ household_id: id, user_id: Number(u.id), kind: 'link', created_at: nowIso() }).execute();
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'link.add', entity: 'household', entityId: id, detail: { user: u.username }, ip: actor.ip });
  });
  return quota(db, actor);
}

export async function removeLink(db: Db, actor: Actor, id: number, username: string) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以安排定点联系');
  const u = await db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirst();
  if (!u) throw notFound('用户');
  await db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('household_links').where('household_id', '=', id).where('user_id', '=', Number(u.id)).where('kind', '=', 'link').executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw notFound('定点联系');
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'link.remove', entity: 'household', entityId: id, detail: { user: u.username }, ip: actor.ip });
  });
  return quota(db, actor);
}

/** Each city leader should link exactly 2 households and each staff member 1: who has fewer or more. */
export async function quota(db: Db, actor: Actor) {
  if (!['admin', 'city', 'viewer'].includes(actor.role)) throw forbidden('只有市总工会可以查看定点联系情况');
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role']).where('role', 'in', ['leader', 'staff']).where('active', '=', 1).orderBy('role').orderBy('id').execute();
  const links = await db
    .selectFrom('household_links')
    .innerJoin('households', 'households.id', 'household_links.household_id')
    .select(['household_links.user_id', 'households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on'])
    .where('household_links.kind', '=', 'link')
    .execute();
  return {
    items: users.map((u) => {
      const mine = links.filter((l) => Number(l.user_id) === Number(u.id));
      const expected = LINK_QUOTA[u.role as Role] ?? 0;
      return {
        username: u.username, displayName: u.display_name, role: u.role, expected, linked: mine.length,
        status: mine.length < expected ? 'fewer' : mine.length > expected ? 'more' : 'ok',
        households: mine.map((l) => ({ id: Number(l.id), workerNo: l.worker_no, name: l.name, regionCode: l.region_code, lastAssistedOn: l.last_assisted_on })),
      };
    }),
  };
}

export const groupsSchema = z.object({
  groups: z.array(z.object({
    regionCode: z.string().regex(/^[A-Z]\d{2}$/, { error: '地区代码格式不正确' }),
    name: z.string().trim().min(2, { error: '工作组名称至少2个字' }).max(64, { error: '工作组名称不能超过64个字' }),
    leaderUsername: z.string().trim().nullish(),
  })).max(20, { error: '工作组最多20个' }),
});

/** The seven groups of the document link the county unions H01–H07 (市直 H08 is the city's own). */
const GROUP_REGIONS = JINGMEN_REGIONS.filter((r) => r.code !== 'H08').map((r) => r.code as string);

export async function listGroups(db: Db, actor: Actor) {
  if (!['admin', 'city', 'viewer', 'leader'].includes(actor.role)) throw forbidden('只有市总工会可以查看工作组');
  const year = Number(todayInChina().slice(0, 4));
  const rows = await db.selectFrom('working_groups').leftJoin('users', 'users.id', 'working_groups.leader_user_id')
    .select(['working_groups.region_code', 'working_groups.name', 'users.username', 'users.display_name']).orderBy('working_groups.region_code').execute();
  const byRegion = new Map(rows.map((r) => [r.region_code, r]));
  const progress = await db
    .selectFrom('households')
    .leftJoin('assistance_records', (j) => j.onRef('assistance_records.household_id', '=', 'households.id').on('assistance_records.year', '=', year))
    .select((eb) => [
      'households.region_code',
      eb.fn.count<number>('households.id').distinct().as('filed'),
      eb.fn.count<number>('assistance_records.household_id').distinct().as('assisted'),
      eb.fn.count<number>('assistance_records.id').as('records'),
    ])
    .where('households.status', '=', 'filed')
    .groupBy('households.region_code')
    .execute();
  const p = new Map(progress.map((r) => [r.region_code, r]));
  return {
    year,
    items: GROUP_REGIONS.map((code) => {
      const g = byRegion.get(code);
      const pr = p.get(code);
      const region = JINGMEN_REGIONS.find((r) => r.code === code)!;
      return {
        regionCode: code, regionName: region.name, name: g?.name ?? `${region.name}工作组`,
        leader: g?.username ? { username: g.username, displayName: g.display_name } : null,
        filed: Number(pr?.filed ?? 0), assistedThisYear: Number(pr?.assisted ?? 0), recordsThisYear: Number(pr?.records ?? 0),
      };
    }),
  };
}

export async function saveGroups(db: Db, actor: Actor, input: unknown) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以调整工作组');
  const p = parseInput(groupsSchema, input, 'working groups');
  const errors: { path: string; message: string }[] = [];
  const leaders = new Map<number, number | null>();
  for (const [i, g] of p.groups.entries()) {
    if (!GROUP_REGIONS.includes(g.regionCode)) errors.push({ path: `groups[${i}].regionCode`, message: `工作组联系的应为县（市、区）工会 H01–H07，${g.regionCode} 不是` });
    if (g.leaderUsername) {
      const u = await db.selectFrom('users').select(['id', 'role', 'active']).where('username', '=', g.leaderUsername).executeTakeFirst();
      if (!u || !u.active || u.role !== 'leader') errors.push({ path: `groups[${i}].leaderUsername`, message: '工作组应由市总领导带队' });
      else leaders.set(i, Number(u.id));
    }
  }
  if (errors.length) throw validationFailed(errors, 'working groups');
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    for (const [i, g] of p.groups.entries()) {
      const exists = await trx.selectFrom('working_groups').select('region_code').where('region_code', '=', g.regionCode).executeTakeFirst();
      const values = { name: g.name, leader_user_id: leaders.get(i) ?? null, updated_at: at };
      if (exists) await trx.updateTable('working_groups').set(values).where('region_code', '=', g.regionCode).execute();
      else await trx.insertInto('working_groups').values({ region_code: g.regionCode, ...values }).execute();
    }
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'groups.update', entity: 'working_groups', detail: p.groups, ip: actor.ip });
  });
  return listGroups(db, actor);
}
