// 表彰: a county union or the city union nominates an organization (先进单位) or a cadre (先进个人)
// of a year, from the assessment's ranking or by hand with a reason; the city union approves or
// declines. Approved commendations are the year's honours, visible to everyone and shown on the
// organization's and the person's pages; nominations still open are seen by the city's people and
// by the nominee's own region. Each step is one transaction with its audit row.
import { z } from 'zod';
import {
  commendationDecisionSchema, commendationInputSchema, inOrgSubtree, type Commendation, type CommendationKind,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { audit, auditNow } from '../audit/audit.repository.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import { findUserByName, searchActiveUsers } from '../users/users.repository.js';
import { assistancePerCadre } from '../assistance/assistance-tally.repository.js';
import { computeAssessment } from './assessment.service.js';
import * as repo from './commendations.repository.js';

const CITY_PEOPLE = ['admin', 'city', 'leader', 'viewer'];
/** Who nominates: the city union, and a county union within its own region. */
export const canPropose = (actor: Actor) => actor.role === 'city' || actor.role === 'region';
/** Who approves: the city union. */
export const canDecide = (actor: Actor) => actor.role === 'city';
/** The roles a person commended may have: the cadres who keep and help the files. */
const COMMENDABLE_ROLES = ['city', 'leader', 'staff', 'region', 'unit'];

/** Whether the caller sees a nomination not yet approved: the city's people, and the nominee's own county or unit union. */
const seesOpen = (actor: Actor, orgCode: string) =>
  CITY_PEOPLE.includes(actor.role) || inOrgSubtree(actor, orgCode.slice(0, 3), orgCode.length > 3 ? orgCode : null);

const listQuery = z.object({
  year: z.coerce.number({ error: '年度应为四位年份' }).int({ error: '年度应为四位年份' }).min(2000).max(2100).optional(),
  orgCode: z.string().regex(/^H\d{2}(-\d{4})*$/, { error: '组织代码格式不正确' }).optional(),
  username: z.string().max(64).optional(),
  status: z.enum(['proposed', 'approved', 'declined'], { error: '状态应为 proposed、approved 或 declined' }).optional(),
});

async function views(db: Q, rows: repo.CommendationRow[]): Promise<Commendation[]> {
  // a person's record of the year (every region); an organization's assessment of the year
  const years = [...new Set(rows.filter((r) => r.kind === 'person').map((r) => Number(r.year)))];
  const records = new Map<string, Awaited<ReturnType<typeof assistancePerCadre>>>(await Promise.all(years.map(async (y) => [String(y), await assistancePerCadre(db, y)] as const)));
  const levels = [...new Set(rows.filter((r) => r.kind === 'org').map((r) => `${r.year}|${r.org_code.length === 3 ? 'region' : 'unit'}`))];
  const scores = new Map(await Promise.all(levels.map(async (k) => {
    const [y, level] = k.split('|');
    return [k, await computeAssessment(db, Number(y), level as 'region' | 'unit')] as const;
  })));
  return rows.map((r) => {
    const rec = r.kind === 'person' ? records.get(String(r.year))?.find((x) => x.username === r.username) : undefined;
    const score = r.kind === 'org' ? scores.get(`${r.year}|${r.org_code.length === 3 ? 'region' : 'unit'}`)?.items.find((i) => i.orgCode === r.org_code) : undefined;
    return {
      id: Number(r.id), year: Number(r.year), kind: r.kind as CommendationKind, orgCode: r.org_code, orgName: r.org_name,
      username: r.username ?? null, displayName: r.display_name ?? null, title: r.title, reason: r.reason, source: r.source as 'manual',
      status: r.status as Commendation['status'], proposedBy: r.proposer, proposedAt: r.proposed_at, decidedBy: r.decider ?? null, decidedAt: r.decided_at, opinion: r.opinion,
      record: r.kind !== 'person' ? null : {
        households: Number(rec?.households ?? 0), records: Number(rec?.records ?? 0), visits: Number(rec?.visits ?? 0), solved: Number(rec?.solved ?? 0), money: Number(rec?.money ?? 0),
      },
      assessment: r.kind !== 'org' ? null : { total: score?.total ?? null, rank: score?.rank ?? null },
    };
  });
}

export async function listCommendations(db: Q, actor: Actor, query: unknown): Promise<{ items: Commendation[] }> {
  const q = parseQuery(listQuery, query, 'commendation query');
  let userId: number | undefined;
  if (q.username) {
    const u = await findUserByName(db, q.username);
    if (!u) return { items: [] };
    userId = Number(u.id);
  }
  const rows = await repo.commendationRows(db, { year: q.year, orgCode: q.orgCode, userId, status: q.status });
  return { items: await views(db, rows.filter((r) => r.status === 'approved' || seesOpen(actor, r.org_code))) };
}

async function one(db: Q, actor: Actor, id: number): Promise<Commendation> {
  const [row] = await repo.commendationRows(db, { id });
  if (!row || (row.status !== 'approved' && !seesOpen(actor, row.org_code))) throw notFound('表彰推荐');
  return (await views(db, [row]))[0]!;
}

export async function proposeCommendation(db: Db, actor: Actor, input: unknown): Promise<Commendation> {
  if (!canPropose(actor)) throw forbidden('只有市总工会和县（市、区）工会可以推荐表彰');
  const c = parseInput(commendationInputSchema, input, 'commendation');
  const own = actor.role === 'region' ? actor.orgCode.slice(0, 3) : null;
  let orgCode: string;
  let userId: number | null = null;
  if (c.kind === 'org') {
    const org = (await listOrgs(db)).find((o) => o.code === c.orgCode && o.kind !== 'city');
    if (!org) throw validationFailed([{ path: 'orgCode', message: '推荐的单位不存在' }], 'commendation');
    if (own && org.code.slice(0, 3) !== own) throw forbidden('只能推荐本地区的单位');
    orgCode = org.code;
  } else {
    const u = await findUserByName(db, c.username!);
    if (!u || !u.active || !COMMENDABLE_ROLES.includes(u.role)) throw validationFailed([{ path: 'username', message: '推荐的个人不存在或不是帮扶干部' }], 'commendation');
    if (own && !u.org_code.startsWith(own)) throw forbidden('只能推荐本地区的个人');
    orgCode = u.org_code;
    userId = Number(u.id);
  }
  const at = nowIso();
  const id = await inTransaction(db, async (trx) => {
    try {
      const id = await repo.insertCommendation(trx, { year: c.year, kind: c.kind, orgCode, userId, title: c.title, reason: c.reason, source: c.source, by: actor.id, at });
      await audit(trx, actor, 'commendation.propose', 'commendation', id, { year: c.year, kind: c.kind, orgCode, username: c.username, title: c.title });
      return id;
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('ALREADY_NOMINATED', { detail: `already nominated: ${c.year} ${c.kind} ${orgCode} ${userId ?? ''} ${c.title}` });
      throw e;
    }
  });
  return one(db, actor, id);
}

export async function decideCommendation(db: Db, actor: Actor, rawId: string, input: unknown): Promise<Commendation> {
  if (!canDecide(actor)) throw forbidden('只有市总工会可以审批表彰');
  const id = Number(rawId);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw notFound('表彰推荐');
  const d = parseInput(commendationDecisionSchema, input, 'commendation decision');
  const [row] = await repo.commendationRows(db, { id });
  if (!row) throw notFound('表彰推荐');
  const status = d.decision === 'approve' ? 'approved' as const : 'declined' as const;
  await inTransaction(db, async (trx) => {
    if (!(await repo.decideCommendation(trx, id, { status, opinion: d.opinion || null, by: actor.id, at: nowIso() })))
      throw new AppError('COMMENDATION_DECIDED', { detail: `commendation ${id} is no longer proposed` });
    await audit(trx, actor, d.decision === 'approve' ? 'commendation.approve' : 'commendation.decline', 'commendation', id, { opinion: d.opinion });
  });
  return one(db, actor, id);
}

/** The approved commendations of a year, for the printed list and the workbook. */
export async function approvedOfYear(db: Q, query: unknown): Promise<{ year: number; items: Commendation[] }> {
  const q = parseQuery(z.object({ year: z.coerce.number({ error: '请选择年度' }).int({ error: '请选择年度' }).min(2000, { error: '年度应在2000至2100之间' }).max(2100, { error: '年度应在2000至2100之间' }) }), query, 'commendation list query');
  return { year: q.year, items: await views(db, await repo.commendationRows(db, { year: q.year, status: 'approved' })) };
}

/** Records a download of the year's list (PDF or workbook). */
export async function auditCommendationExport(db: Db, actor: Actor, year: number, format: 'pdf' | 'xlsx', rows: number): Promise<void> {
  await auditNow(db, actor, 'commendation.export', 'commendation', year, { format, rows });
}

const candidateQuery = z.object({
  year: z.coerce.number({ error: '请选择表彰年度' }).int({ error: '请选择表彰年度' }).min(2000, { error: '表彰年度应在2000至2100之间' }).max(2100, { error: '表彰年度应在2000至2100之间' }),
  q: z.string().trim().max(32, { error: '搜索内容不能超过32个字' }).default(''),
});

/**
 * The cadres the caller may nominate (the city union: any; a county union: its region's), found by
 * name, with their assistance record of the year; those who recorded the most first.
 */
export async function commendationCandidates(db: Q, actor: Actor, query: unknown) {
  if (!canPropose(actor)) throw forbidden('只有市总工会和县（市、区）工会可以推荐表彰');
  const q = parseQuery(candidateQuery, query, 'commendation candidates');
  const own = actor.role === 'region' ? actor.orgCode.slice(0, 3) : null;
  const [users, records] = await Promise.all([
    searchActiveUsers(db, own ? ['region', 'unit'] : COMMENDABLE_ROLES, q.q, 2000),
    assistancePerCadre(db, q.year, own ?? undefined),
  ]);
  const zero = { households: 0, records: 0, visits: 0, solved: 0, money: 0 };
  const items = users.filter((u) => !own || u.org_code.startsWith(own)).map((u) => {
    const r = records.find((x) => x.username === u.username);
    return {
      username: u.username, displayName: u.display_name, orgCode: u.org_code, orgName: u.org_name ?? u.org_code,
      record: r ? { households: Number(r.households), records: Number(r.records), visits: Number(r.visits), solved: Number(r.solved), money: Number(r.money) } : zero,
    };
  });
  items.sort((a, b) => b.record.records - a.record.records || a.orgCode.localeCompare(b.orgCode) || a.displayName.localeCompare(b.displayName));
  return { items: items.slice(0, 50) };
}
