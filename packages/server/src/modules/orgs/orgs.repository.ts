// SQL of the organizations and of each region's worker-number counter (a region's serials are
// part of the region: the counter row is created with it and only ever moves forward).
import { formatWorkerNo, JINGMEN_CITY, JINGMEN_REGIONS, MAX_SERIAL } from '@bangfu/core';
import { sql } from 'kysely';
import type { Db, Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';

export interface Org {
  code: string;
  name: string;
  parentCode: string | null;
  kind: 'city' | 'region' | 'unit';
  active: boolean;
  largeEnterprise: boolean;
}

export async function listOrgs(db: Q): Promise<Org[]> {
  const rows = await db.selectFrom('orgs').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, kind: r.kind as Org['kind'], active: !!r.active, largeEnterprise: !!r.large_enterprise }));
}

/** A unit's code and its sub-units' (H01-0001, H01-0001-0001 …): the files a unit user's scope holds. */
export function unitSubtree(orgs: readonly Org[], code: string): string[] {
  return [code, ...orgs.filter((o) => o.code.startsWith(`${code}-`)).map((o) => o.code)];
}

export async function findOrg(db: Q, code: string): Promise<Org | undefined> {
  const r = await db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();
  return r && { code: r.code, name: r.name, parentCode: r.parent_code, kind: r.kind as Org['kind'], active: !!r.active, largeEnterprise: !!r.large_enterprise };
}

/** Seeds the Jingmen city union and its eight regions once; later edits are the admins'. */
export async function seedOrgs(db: Db): Promise<void> {
  const exists = await db.selectFrom('orgs').select('code').where('code', '=', JINGMEN_CITY.code).executeTakeFirst();
  if (exists) return;
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orgs').values({ code: JINGMEN_CITY.code, name: JINGMEN_CITY.name, parent_code: null, kind: 'city', active: 1, sort: 0, created_at: at }).execute();
    for (const [i, r] of JINGMEN_REGIONS.entries()) {
      await trx.insertInto('orgs').values({ code: r.code, name: `${r.name}`, parent_code: JINGMEN_CITY.code, kind: 'region', active: 1, sort: i + 1, created_at: at }).execute();
      await trx.insertInto('worker_no_counters').values({ region_code: r.code, last_serial: 0 }).execute();
    }
  });
}

/** The last unit code under a region (H01-0007), to number the next one. */
export async function lastUnitCode(q: Q, regionCode: string): Promise<string | undefined> {
  const last = await q.selectFrom('orgs').select('code').where('code', 'like', `${regionCode}-%`).orderBy('code', 'desc').executeTakeFirst();
  return last?.code;
}

export async function findUnitByName(q: Q, parentCode: string, name: string) {
  return q.selectFrom('orgs').select('code').where('parent_code', '=', parentCode).where('name', '=', name).executeTakeFirst();
}

export async function activeRegionCodes(q: Q): Promise<Set<string>> {
  return new Set((await q.selectFrom('orgs').select('code').where('kind', '=', 'region').where('active', '=', 1).execute()).map((o) => o.code));
}

export async function insertUnit(q: Q, u: { code: string; name: string; parentCode: string; largeEnterprise?: boolean }): Promise<void> {
  await q.insertInto('orgs').values({ code: u.code, name: u.name, parent_code: u.parentCode, kind: 'unit', active: 1, sort: 0, created_at: nowIso(), large_enterprise: u.largeEnterprise ? 1 : 0 }).execute();
}

export async function updateOrgRow(q: Q, code: string, patch: { name?: string; parentCode?: string; active?: boolean; largeEnterprise?: boolean }): Promise<void> {
  await q.updateTable('orgs').set({
    ...(patch.largeEnterprise !== undefined ? { large_enterprise: patch.largeEnterprise ? 1 : 0 } : {}),
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.parentCode !== undefined ? { parent_code: patch.parentCode } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
  }).where('code', '=', code).execute();
}

// ---- worker numbers (职工编号) ----------------------------------------------------------------

/**
 * The next worker number of the region: `UPDATE … SET last_serial = last_serial + 1 … RETURNING`
 * inside the creating transaction, so the counter row stays locked until it ends (parallel creates
 * wait on PostgreSQL; SQLite has one writer) and a rolled-back create never leaves a reused gap.
 */
export async function allocateWorkerNo(trx: Q, regionCode: string): Promise<string> {
  return (await allocateWorkerNos(trx, regionCode, 1))[0];
}

/** `count` consecutive worker numbers of the region in one statement (an import's batch). */
export async function allocateWorkerNos(trx: Q, regionCode: string, count: number): Promise<string[]> {
  const row = await trx
    .updateTable('worker_no_counters')
    .set((eb) => ({ last_serial: eb('last_serial', '+', count) }))
    .where('region_code', '=', regionCode)
    .where('last_serial', '<=', MAX_SERIAL - count)
    .returning('last_serial')
    .executeTakeFirst();
  if (row) return Array.from({ length: count }, (_, i) => formatWorkerNo(regionCode, Number(row.last_serial) - count + 1 + i));
  const exists = await trx.selectFrom('worker_no_counters').select('region_code').where('region_code', '=', regionCode).executeTakeFirst();
  if (!exists) throw new AppError('VALIDATION_FAILED', { message: `地区 ${regionCode} 未配置`, errors: [{ path: 'regionCode', message: `地区代码 ${regionCode} 不是已配置的地区` }] });
  throw new AppError('WORKER_NO_EXHAUSTED', {
    message: `地区 ${regionCode} 的职工编号（${MAX_SERIAL} 个）已全部用完，无法再建档，请联系市总工会`,
    errors: [{ path: 'regionCode', message: '该地区职工编号已用完' }],
  });
}

/** An existing number brought in by import: the counter moves past it so it is never handed out again. */
export async function moveCounterPast(trx: Q, regionCode: string, serial: number): Promise<void> {
  await trx
    .updateTable('worker_no_counters')
    // CASE, not max(a, b): PostgreSQL's max is only an aggregate (greatest is not in SQLite)
    .set({ last_serial: sql<number>`case when last_serial < ${serial} then ${serial} else last_serial end` })
    .where('region_code', '=', regionCode)
    .execute();
}

/** A region with its worker-number counter (the bulk demo loader adds regions past Jingmen's eight). */
export async function insertRegion(q: Q, r: { code: string; name: string; parentCode: string; sort: number; at: string }): Promise<void> {
  await q.insertInto('orgs').values({ code: r.code, name: r.name, parent_code: r.parentCode, kind: 'region', active: 1, sort: r.sort, created_at: r.at }).execute();
  await q.insertInto('worker_no_counters').values({ region_code: r.code, last_serial: 0 }).execute();
}

/** The counter after a bulk load that numbered its files itself. */
export async function setCounter(q: Q, regionCode: string, serial: number): Promise<void> {
  await q.updateTable('worker_no_counters').set({ last_serial: serial }).where('region_code', '=', regionCode).execute();
}
