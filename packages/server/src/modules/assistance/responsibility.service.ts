// 包干到户、责任到人: each filed household's responsible leader (责任领导) and cadre (具体责任人),
// stable once set (a change needs a reason and is audited); the city union's own links (每个市总
// 领导联系 2 户、每个机关干部联系 1 户); the seven working groups, each led by a city leader and
// linked to one county union.
import { z } from 'zod';
import { addDays, JINGMEN_REGIONS, reachesFile, todayInChina, type GroupHouseholds, type QuotaItem, type Responsibility, type WorkingGroupsResponse } from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import * as repo from './assistance.repository.js';
import { cityLinks, householdsLinkedTo } from './assistance.queries.js';
import { assistancePerRegion } from './assistance-tally.repository.js';
import { tallyByRegion } from '../households/tally.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import * as users from '../users/users.repository.js';
import { nowIso } from '../../lib/clock.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor, Role } from '../access/actor.js';
import { canEditPolicy, canFile } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import * as households from '../households/households.repository.js';

export const LINK_QUOTA: Partial<Record<Role, number>> = { leader: 2, staff: 1 };
const LEADER_ROLES: Role[] = ['leader', 'city', 'region', 'unit'];
const CADRE_ROLES: Role[] = ['staff', 'city', 'region', 'unit', 'leader'];

async function userByName(q: Q, username: string, roles: Role[], path: string, label: string) {
  const u = await users.findUserByName(q, username);
  if (!u || !u.active) throw validationFailed([{ path, message: `用户 ${username} 不存在或已停用` }], 'responsibility');
  if (!roles.includes(u.role as Role)) throw validationFailed([{ path, message: `${label}应为市总领导、市总工会、县区工会或基层工会的工作人员` }], 'responsibility');
  return u;
}

export const responsibilitySchema = z.object({
  leaderUsername: z.string({ error: '请选择责任领导' }).trim().min(1, { error: '请选择责任领导' }),
  cadreUsername: z.string({ error: '请选择具体责任人' }).trim().min(1, { error: '请选择具体责任人' }),
  reason: z.string().trim().max(500, { error: '变更原因不能超过500个字' }).optional(),
});

export async function getResponsibility(db: Db, actor: Actor, id: number): Promise<Responsibility> {
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  const name = async (uid: number | null) => (uid === null ? null : (await users.findUserNames(db, uid)) ?? null);
  const history = await repo.responsibilityHistory(db, id);
  const [l, c] = await Promise.all([name(row.leader_user_id), name(row.cadre_user_id)]);
  return {
    leader: l && { username: l.username, displayName: l.display_name },
    cadre: c && { username: c.username, displayName: c.display_name },
    history: history.map((h) => ({ changedAt: h.changed_at, reason: h.reason, changedBy: h.by_name, oldLeader: h.old_leader, newLeader: h.new_leader, oldCadre: h.old_cadre, newCadre: h.new_cadre })),
  };
}

const CANDIDATE_LIMIT = 20;

/**
 * The people who may be named for this file, matching `text` by name or username: for 责任领导
 * (kind leader) or 具体责任人 (cadre), active, and — county and grassroots cadres — of the file's
 * own region or unit (the same rules as setResponsibility).
 */
export async function responsibilityCandidates(db: Db, actor: Actor, id: number, kind: unknown, text: unknown) {
  if (kind !== 'leader' && kind !== 'cadre') throw validationFailed([{ path: 'kind', message: 'kind 应为 leader（责任领导）或 cadre（具体责任人）' }], 'candidates');
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (!canFile(actor, row.region_code, row.unit_id)) throw forbidden('只有本地区、本单位工会或市总工会可以确定帮扶责任人');
  const found = await users.searchActiveUsers(db, kind === 'leader' ? LEADER_ROLES : CADRE_ROLES, typeof text === 'string' ? text.slice(0, 40) : '', 200);
  const items = found
    .filter((u) => reachesFile({ role: u.role, orgCode: u.org_code }, row.region_code, row.unit_id))
    .slice(0, CANDIDATE_LIMIT)
    .map((u) => ({ username: u.username, displayName: u.display_name, orgName: u.org_name ?? u.org_code, role: u.role }));
  return { items };
}

/** Names (or changes, with a reason) the responsible leader and cadre of a filed household. */
export async function setResponsibility(db: Db, actor: Actor, id: number, input: unknown) {
  const p = parseInput(responsibilitySchema, input, 'responsibility');
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (!canFile(actor, row.region_code, row.unit_id)) throw forbidden('只有本地区、本单位工会或市总工会可以确定帮扶责任人');
  if (row.status !== 'filed') throw new AppError('NOT_FILED', { message: '只有已建档的档案可以确定帮扶责任人' });
  const leader = await userByName(db, p.leaderUsername, LEADER_ROLES, 'leaderUsername', '责任领导');
  const cadre = await userByName(db, p.cadreUsername, CADRE_ROLES, 'cadreUsername', '具体责任人');
  // core's reach rule: a county or grassroots cadre must be one who can see the file
  const reaches = (u: { role: string; org_code: string }) => reachesFile({ role: u.role, orgCode: u.org_code }, row.region_code, row.unit_id);
  const outOfReach = [
    ...(reaches(leader) ? [] : [{ path: 'leaderUsername', message: `${leader.display_name} 不属于该户所在地区或单位的工会` }]),
    ...(reaches(cadre) ? [] : [{ path: 'cadreUsername', message: `${cadre.display_name} 不属于该户所在地区或单位的工会` }]),
  ];
  if (outOfReach.length) throw validationFailed(outOfReach, 'responsibility');
  const changing = (row.leader_user_id !== null && row.leader_user_id !== Number(leader.id)) || (row.cadre_user_id !== null && row.cadre_user_id !== Number(cadre.id));
  if (changing && !p.reason) throw validationFailed([{ path: 'reason', message: '帮扶责任人确定后原则上保持不变，变更须填写原因' }], 'responsibility');
  if (row.leader_user_id === Number(leader.id) && row.cadre_user_id === Number(cadre.id)) return getResponsibility(db, actor, id);
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await households.setHouseholdColumns(trx, id, { leader_user_id: Number(leader.id), cadre_user_id: Number(cadre.id) });
    await repo.setResponsibleLink(trx, id, Number(leader.id), 'leader', at);
    await repo.setResponsibleLink(trx, id, Number(cadre.id), 'cadre', at);
    await repo.insertResponsibilityChange(trx, {
      household_id: id, old_leader_id: row.leader_user_id, new_leader_id: Number(leader.id), old_cadre_id: row.cadre_user_id, new_cadre_id: Number(cadre.id),
      reason: p.reason ?? null, changed_by: actor.id, changed_at: at,
    });
    await audit(trx, actor, changing ? 'responsibility.change' : 'responsibility.set', 'household', id, { leader: leader.username, cadre: cadre.username, reason: p.reason });
  });
  return getResponsibility(db, actor, id);
}

/** 定点联系: links a city leader or staff member to a filed household (city union only). */
export async function addLink(db: Db, actor: Actor, id: number, username: unknown) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以安排定点联系');
  if (typeof username !== 'string' || !username) throw validationFailed([{ path: 'username', message: '请选择市总领导或机关干部' }], 'link');
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (row.status !== 'filed') throw new AppError('NOT_FILED', { message: '只有已建档的档案可以安排定点联系' });
  const u = await userByName(db, username, ['leader', 'staff'], 'username', '定点联系人');
  await inTransaction(db, async (trx) => {
    if (await repo.hasLink(trx, id, Number(u.id))) throw new AppError('ALREADY_LINKED', { message: `${u.display_name} 已定点联系该户` });
    await repo.insertLink(trx, id, Number(u.id), nowIso());
    await audit(trx, actor, 'link.add', 'household', id, { user: u.username });
  });
  return quota(db, actor);
}

export async function removeLink(db: Db, actor: Actor, id: number, username: string) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以安排定点联系');
  const u = await users.findUserByName(db, username);
  if (!u) throw notFound('用户');
  await inTransaction(db, async (trx) => {
    if (!(await repo.deleteLink(trx, id, Number(u.id)))) throw notFound('定点联系');
    await audit(trx, actor, 'link.remove', 'household', id, { user: u.username });
  });
  return quota(db, actor);
}

/** Each city leader should link exactly 2 households and each staff member 1: who has fewer or more. */
export async function quota(db: Db, actor: Actor): Promise<{ items: QuotaItem[] }> {
  if (!['admin', 'city', 'viewer'].includes(actor.role)) throw forbidden('只有市总工会可以查看定点联系情况');
  const people = await users.activeUsersOfRoles(db, ['leader', 'staff']);
  const links = await cityLinks(db);
  return {
    items: people.map((u) => {
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
    /** the 机关干部 in the group; absent: unchanged */
    memberUsernames: z.array(z.string().trim(), { error: '组员应为用户名列表' }).max(30, { error: '每组组员最多30人' }).optional(),
  })).max(20, { error: '工作组最多20个' }),
});

/** The seven groups of the document link the county unions H01–H07 (市直 H08 is the city's own). */
const GROUP_REGIONS = JINGMEN_REGIONS.filter((r) => r.code !== 'H08').map((r) => r.code as string);

export async function listGroups(db: Db, actor: Actor): Promise<WorkingGroupsResponse> {
  if (!['admin', 'city', 'viewer', 'leader', 'staff'].includes(actor.role)) throw forbidden('只有市总工会可以查看工作组');
  const year = Number(todayInChina().slice(0, 4));
  const [rows, members, filed, assistance] = await Promise.all([
    repo.listGroupRows(db), repo.groupMemberRows(db),
    // the kept counts: filed files per region, and this year's assistance of the filed ones
    tallyByRegion(db, 'category', ['filed']), assistancePerRegion(db, year, 'filed'),
  ]);
  const byRegion = new Map(rows.map((r) => [r.region_code, r]));
  const linked = new Map<number, number>();
  for (const l of await householdsLinkedTo(db, members.map((m) => Number(m.id)))) linked.set(Number(l.user_id), (linked.get(Number(l.user_id)) ?? 0) + 1);
  const a = new Map(assistance.map((r) => [r.region_code, r]));
  return {
    year,
    items: GROUP_REGIONS.map((code) => {
      const g = byRegion.get(code);
      const region = JINGMEN_REGIONS.find((r) => r.code === code)!;
      return {
        regionCode: code, regionName: region.name, name: g?.name ?? `${region.name}工作组`,
        // left-joined: a row with a username has its (not null) display name
        leader: g?.username ? { username: g.username, displayName: g.display_name! } : null,
        members: members.filter((m) => m.region_code === code).map((m) => ({ username: m.username, displayName: m.display_name, linked: linked.get(Number(m.id)) ?? 0 })),
        filed: filed.filter((r) => r.region_code === code).reduce((n, r) => n + Number(r.n), 0),
        assistedThisYear: Number(a.get(code)?.assisted ?? 0), recordsThisYear: Number(a.get(code)?.records ?? 0),
      };
    }),
  };
}

/** The households linked to the group's leader and members, overdue ones marked: the group page. */
export async function groupHouseholds(db: Db, actor: Actor, regionCode: string): Promise<GroupHouseholds> {
  if (!GROUP_REGIONS.includes(regionCode)) throw notFound('工作组');
  const [rows, members] = await Promise.all([repo.listGroupRows(db), repo.groupMemberRows(db)]);
  const group = rows.find((r) => r.region_code === regionCode);
  const people = members.filter((m) => m.region_code === regionCode).map((m) => ({ id: Number(m.id), username: m.username, displayName: m.display_name }));
  const leader = group?.username ? await users.findUserByName(db, group.username) : undefined;
  if (leader) people.unshift({ id: Number(leader.id), username: leader.username, displayName: leader.display_name });
  // the city's people see every group; a leader or a member their own
  const own = people.some((p) => p.id === actor.id);
  if (!['admin', 'city', 'viewer'].includes(actor.role) && !own) throw forbidden('只能查看本人所在工作组的帮扶对象');
  const { overdueDays } = await getAssistanceSettings(db);
  const cutoff = addDays(todayInChina(), -overdueDays);
  const byId = new Map(people.map((p) => [p.id, p]));
  const items = (await householdsLinkedTo(db, people.map((p) => p.id))).map((h) => ({
    username: byId.get(Number(h.user_id))!.username, displayName: byId.get(Number(h.user_id))!.displayName,
    id: Number(h.id), workerNo: h.worker_no, name: h.name, regionCode: h.region_code, status: h.status, lastAssistedOn: h.last_assisted_on,
    overdue: h.status === 'filed' && (!h.last_assisted_on || h.last_assisted_on < cutoff),
  }));
  return { regionCode, overdueDays, items };
}

export async function saveGroups(db: Db, actor: Actor, input: unknown) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以调整工作组');
  const p = parseInput(groupsSchema, input, 'working groups');
  const errors: { path: string; message: string }[] = [];
  const leaders = new Map<number, number | null>();
  const memberIds = new Map<number, number[]>();
  const seen = new Map<string, number>();
  for (const [i, g] of p.groups.entries()) {
    if (!g.memberUsernames) continue;
    const ids: number[] = [];
    for (const [j, name] of g.memberUsernames.entries()) {
      const u = await users.findUserByName(db, name);
      if (!u || !u.active || u.role !== 'staff') errors.push({ path: `groups[${i}].memberUsernames[${j}]`, message: `${name} 不是启用中的机关干部账号` });
      else if (seen.has(name)) errors.push({ path: `groups[${i}].memberUsernames[${j}]`, message: `${u.display_name} 已在另一个工作组，每人只能在一个组` });
      else { seen.set(name, i); ids.push(Number(u.id)); }
    }
    memberIds.set(i, ids);
  }
  for (const [i, g] of p.groups.entries()) {
    if (!GROUP_REGIONS.includes(g.regionCode)) errors.push({ path: `groups[${i}].regionCode`, message: `工作组联系的应为县（市、区）工会 H01–H07，${g.regionCode} 不是` });
    if (g.leaderUsername) {
      const u = await users.findUserByName(db, g.leaderUsername);
      if (!u || !u.active || u.role !== 'leader') errors.push({ path: `groups[${i}].leaderUsername`, message: '工作组应由市总领导带队' });
      else leaders.set(i, Number(u.id));
    }
  }
  if (errors.length) throw validationFailed(errors, 'working groups');
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    for (const [i, g] of p.groups.entries()) {
      await repo.saveGroup(trx, g.regionCode, { name: g.name, leader_user_id: leaders.get(i) ?? null, updated_at: at });
      if (memberIds.has(i)) await repo.saveGroupMembers(trx, g.regionCode, memberIds.get(i)!);
    }
    await audit(trx, actor, 'groups.update', 'working_groups', null, p.groups);
  });
  return listGroups(db, actor);
}
