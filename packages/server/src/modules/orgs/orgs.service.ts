// Organizations: the city union → the eight county unions → grassroots unions (基层工会). Admins
// create, rename, move and deactivate grassroots unions, or import a list of them. Codes are
// `<region>-<4 digits>` at creation and never change, so files and users keep pointing at them.
import { z } from 'zod';
import { toFieldErrors } from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/scope.js';
import { audit, type AuditActor } from '../audit/audit.repository.js';
import * as repo from './orgs.repository.js';
import { findOrg } from './orgs.repository.js';
import { unitHasLiveFiles } from './orgs.queries.js';

const name = z.string({ error: '请填写组织名称' }).trim().min(2, { error: '组织名称至少2个字' }).max(100, { error: '组织名称不能超过100个字' });

export const newOrgSchema = z.object({
  name,
  parentCode: z.string({ error: '请选择上级组织' }).regex(/^[A-Z]\d{2}$/, { error: '基层工会的上级应为县（市、区）工会，例如 H01' }),
  largeEnterprise: z.boolean({ error: '大中型企事业单位应为 true 或 false' }).optional(),
});

export const orgPatchSchema = z.object({
  name: name.optional(),
  parentCode: z.string().regex(/^[A-Z]\d{2}$/, { error: '上级组织应为县（市、区）工会，例如 H01' }).optional(),
  active: z.boolean({ error: '启用状态应为 true 或 false' }).optional(),
  largeEnterprise: z.boolean({ error: '大中型企事业单位应为 true 或 false' }).optional(),
});

async function activeRegion(q: Q, code: string, path: string) {
  const parent = await findOrg(q, code);
  if (!parent || parent.kind !== 'region' || !parent.active)
    throw validationFailed([{ path, message: `上级组织 ${code} 不是启用中的县（市、区）工会` }], 'org');
  return parent;
}

/** Next free code under a region: H01-0001, H01-0002, … */
async function nextUnitCode(q: Q, regionCode: string): Promise<string> {
  const last = await repo.lastUnitCode(q, regionCode);
  const n = last ? Number(last.slice(regionCode.length + 1)) + 1 : 1;
  if (!Number.isInteger(n) || n > 9999) throw new AppError('ORG_CODES_EXHAUSTED', { message: `${regionCode} 下的基层工会代码已用完` });
  return `${regionCode}-${String(n).padStart(4, '0')}`;
}

async function insertUnit(trx: Q, actor: AuditActor, orgName: string, parentCode: string, source: string, largeEnterprise = false) {
  await activeRegion(trx, parentCode, 'parentCode');
  const dup = await repo.findUnitByName(trx, parentCode, orgName);
  if (dup) throw new AppError('ORG_EXISTS', { message: `${parentCode} 下已有同名基层工会（${dup.code}）`, errors: [{ path: 'name', message: `已有同名基层工会 ${dup.code}` }] });
  const code = await nextUnitCode(trx, parentCode);
  await repo.insertUnit(trx, { code, name: orgName, parentCode, largeEnterprise });
  await audit(trx, actor, 'org.create', 'org', code, { name: orgName, parentCode, source, ...(largeEnterprise ? { largeEnterprise } : {}) });
  return code;
}

/** A unit made by the system (the demo's units): the same checks and audit row as an administrator's. */
export async function addUnit(db: Db, who: AuditActor, u: { name: string; parentCode: string; largeEnterprise?: boolean }, source: string): Promise<string> {
  return inTransaction(db, (trx) => insertUnit(trx, who, u.name, u.parentCode, source, u.largeEnterprise));
}

export async function createOrg(db: Db, actor: Actor, input: unknown) {
  if (!isAdmin(actor)) throw forbidden('只有系统管理员可以管理组织');
  const o = parseInput(newOrgSchema, input, 'new org');
  const code = await inTransaction(db, (trx) => insertUnit(trx, actor, o.name, o.parentCode, 'api', o.largeEnterprise));
  return (await findOrg(db, code))!;
}

export async function updateOrg(db: Db, actor: Actor, code: string, input: unknown) {
  if (!isAdmin(actor)) throw forbidden('只有系统管理员可以管理组织');
  const patch = parseInput(orgPatchSchema, input, 'org update');
  // an empty PATCH once reached the database as "update orgs set  where …" (a 500)
  if (patch.name === undefined && patch.parentCode === undefined && patch.active === undefined && patch.largeEnterprise === undefined)
    throw validationFailed([{ path: 'name', message: '请至少修改一项：名称、上级组织、启用状态或大中型企事业单位' }], 'empty org update');
  if (patch.largeEnterprise !== undefined && code.length < 8) throw validationFailed([{ path: 'largeEnterprise', message: '只有基层工会可以标为大中型企事业单位' }], 'org update');
  const org = await findOrg(db, code);
  if (!org) throw notFound('组织');
  if (org.kind !== 'unit' && patch.parentCode !== undefined) throw validationFailed([{ path: 'parentCode', message: '只有基层工会可以调整上级组织' }], 'org update');
  if (org.kind === 'city' && patch.active === false) throw validationFailed([{ path: 'active', message: '市总工会不能停用' }], 'org update');
  await inTransaction(db, async (trx) => {
    if (patch.parentCode !== undefined && patch.parentCode !== org.parentCode) {
      await activeRegion(trx, patch.parentCode, 'parentCode');
      // a unit's files carry worker numbers of their region; they cannot follow it elsewhere
      if (await unitHasLiveFiles(trx, code)) throw new AppError('ORG_HAS_FILES', { message: '该基层工会下有在册档案，不能调整到其他县（市、区）', errors: [{ path: 'parentCode', message: '有在册档案，不能调整' }] });
    }
    await repo.updateOrgRow(trx, code, patch);
    await audit(trx, actor, 'org.update', 'org', code, { before: { name: org.name, parentCode: org.parentCode, active: org.active }, patch });
  });
  return (await findOrg(db, code))!;
}

export interface ImportRow {
  row: number;
  name: unknown;
  parentCode: unknown;
}

/** Creates the listed units in one transaction: all or nothing, with every bad row reported. */
export async function importUnits(db: Db, actor: Actor, rows: ImportRow[]) {
  if (!isAdmin(actor)) throw forbidden('只有系统管理员可以管理组织');
  if (rows.length === 0) throw validationFailed([{ path: 'file', message: '文件中没有数据行' }], 'org import');
  if (rows.length > 5000) throw validationFailed([{ path: 'file', message: '一次最多导入5000个基层工会' }], 'org import');
  const errors: { path: string; message: string }[] = [];
  const clean: { row: number; name: string; parentCode: string }[] = [];
  const seen = new Set<string>();
  const regions = await repo.activeRegionCodes(db);
  for (const r of rows) {
    const parsed = newOrgSchema.safeParse({ name: typeof r.name === 'string' ? r.name : String(r.name ?? ''), parentCode: String(r.parentCode ?? '').trim() });
    if (!parsed.success) {
      for (const e of toFieldErrors(parsed.error)) errors.push({ path: `rows[${r.row}].${e.path}`, message: `第 ${r.row} 行：${e.message}` });
      continue;
    }
    if (!regions.has(parsed.data.parentCode)) {
      errors.push({ path: `rows[${r.row}].parentCode`, message: `第 ${r.row} 行：上级组织 ${parsed.data.parentCode} 不是启用中的县（市、区）工会` });
      continue;
    }
    const key = `${parsed.data.parentCode}/${parsed.data.name}`;
    if (seen.has(key)) errors.push({ path: `rows[${r.row}].name`, message: `第 ${r.row} 行：与前面的行重复` });
    seen.add(key);
    clean.push({ row: r.row, ...parsed.data });
  }
  if (errors.length) throw validationFailed(errors, 'org import');
  const created: string[] = [];
  await inTransaction(db, async (trx) => {
    for (const r of clean) {
      try {
        created.push(await insertUnit(trx, actor, r.name, r.parentCode, 'import'));
      } catch (e) {
        if (e instanceof AppError) {
          const fields = (e.fieldErrors ?? [{ path: '', message: e.userMessage }]).map((f) => ({
            path: f.path ? `rows[${r.row}].${f.path}` : `rows[${r.row}]`, message: `第 ${r.row} 行：${f.message}`,
          }));
          throw new AppError(e.code, { message: `第 ${r.row} 行：${fields[0].message.replace(/^第 \d+ 行：/, '')}`, errors: fields });
        }
        throw e;
      }
    }
  });
  return { created: created.length, codes: created };
}
