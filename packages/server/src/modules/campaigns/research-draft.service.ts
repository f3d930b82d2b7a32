// 调研报告 data draft: for a region or a unit (with its sub-units) and a fill year, the numbers a
// cadre turns into the report, with last year's beside them, charts, and the typical cases with
// names and identity numbers masked; written as Word (research-draft.docx.ts). Who may: the
// organization itself (a county union also for its units) and the city's people. Audited.
import { z } from 'zod';
import {
  CATEGORIES, CAUSES, ENTERPRISE_STATUSES, HOUSEHOLD_STATUSES, householdFilterSchema, INCOME_BANDS, todayInChina, WORK_STATUSES,
} from '@bangfu/core';
import type { Db } from '../../db/transaction.js';
import { parseQuery } from '../../lib/validate.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { auditNow } from '../audit/audit.repository.js';
import type { Actor } from '../access/actor.js';
import { listOrgs, unitSubtree } from '../orgs/orgs.repository.js';
import { inOrgSubtree } from '@bangfu/core';
import {
  assistanceOfYear, eligibleCount, liveCauseCounts, liveCountsBy, memberNames, statusCounts, typicalCases, type CaseRow, type DraftScope,
} from './research-draft.queries.js';

const querySchema = z.object({
  orgCode: z.string({ error: '请选择单位' }).regex(/^H\d{2}(-\d{4})*$/, { error: '单位代码格式不正确（如 H01 或 H01-0003）' }),
  year: householdFilterSchema.shape.fillYear.unwrap(),
});

export interface GroupRow { label: string; cur: number; prev: number }
export interface DraftCase { criterion: string; row: CaseRow & { solved?: number }; names: string[] }
export interface DraftData {
  orgCode: string; orgName: string; year: number; today: string;
  status: { cur: Record<string, number>; prev: Record<string, number> };
  eligible: { cur: number; prev: number };
  groups: { key: 'category' | 'cause' | 'band' | 'work' | 'enterprise'; title: string; rows: GroupRow[] }[];
  assistance: { cur: Awaited<ReturnType<typeof assistanceOfYear>>; prev: Awaited<ReturnType<typeof assistanceOfYear>> };
  cases: DraftCase[];
}

const byKey = (rows: { key: string; n: number }[]) => new Map(rows.map((r) => [r.key, r.n]));
function group(labels: readonly (string | { key: string; label: string })[], cur: { key: string; n: number }[], prev: { key: string; n: number }[]): GroupRow[] {
  const c = byKey(cur);
  const p = byKey(prev);
  return labels.map((l) => (typeof l === 'string' ? { key: l, label: l } : l)).map((l) => ({ label: l.label, cur: c.get(l.key) ?? 0, prev: p.get(l.key) ?? 0 }));
}

export async function draftData(db: Db, actor: Actor, query: unknown, today = todayInChina()): Promise<DraftData> {
  const { orgCode, year } = parseQuery(querySchema, query, 'research draft');
  const orgs = await listOrgs(db);
  const org = orgs.find((o) => o.code === orgCode);
  // the cases are households' stories: for the organization's own subtree and the city's people who see
  // every file (not leaders and staff, who see only the households linked to them)
  if (!org || !inOrgSubtree(actor, orgCode.slice(0, 3), org.kind === 'unit' ? orgCode : null)) throw notFound('单位');
  if (org.kind !== 'region' && org.kind !== 'unit') throw forbidden('数据稿按县（市、区）或基层单位生成');
  const scope: DraftScope = org.kind === 'region' ? { regionCode: org.code } : { units: unitSubtree(orgs, org.code) };
  const both = <T>(f: (y: number) => Promise<T>) => Promise.all([f(year), f(year - 1)]);
  const [status, eligible, category, cause, band, work, enterprise, assistance, cases] = await Promise.all([
    both((y) => statusCounts(db, scope, y)), both((y) => eligibleCount(db, scope, y)),
    both((y) => liveCountsBy(db, scope, y, 'category')), both((y) => liveCauseCounts(db, scope, y)), both((y) => liveCountsBy(db, scope, y, 'band')),
    both((y) => liveCountsBy(db, scope, y, 'work_status')), both((y) => liveCountsBy(db, scope, y, 'enterprise_status')),
    both((y) => assistanceOfYear(db, scope, y)), typicalCases(db, scope, year),
  ]);
  const statusOf = (rows: { key: string; n: number }[]) => Object.fromEntries(HOUSEHOLD_STATUSES.map((s) => [s, byKey(rows).get(s) ?? 0]));
  const picked: Omit<DraftCase, 'names'>[] = [
    ...cases.urgent.map((row, i) => ({ criterion: i === 0 ? '本年度已建档中紧迫度最高的一户' : '本年度已建档中紧迫度次高的一户', row })),
    ...(cases.solved && !cases.urgent.some((u) => Number(u.id) === Number(cases.solved!.id)) ? [{ criterion: '本年解决实际问题最多的一户', row: cases.solved }] : []),
    ...(cases.removed ? [{ criterion: '本年度最近剔除的一户', row: cases.removed }] : []),
    ...(cases.exited ? [{ criterion: '本年度最近脱困的一户', row: cases.exited }] : []),
  ].slice(0, 5);
  const families = await memberNames(db, picked.map((p) => Number(p.row.id)));
  const data: DraftData = {
    orgCode, orgName: org.name, year, today,
    status: { cur: statusOf(status[0]), prev: statusOf(status[1]) },
    eligible: { cur: eligible[0], prev: eligible[1] },
    groups: [
      { key: 'category', title: '困难类别', rows: group(CATEGORIES, category[0], category[1]) },
      { key: 'cause', title: '致困原因（可多选）', rows: group(CAUSES, cause[0], cause[1]) },
      { key: 'band', title: '家庭年人均收入', rows: group(INCOME_BANDS.map((b) => ({ key: b.key, label: b.label })), band[0], band[1]) },
      { key: 'work', title: '工作状况', rows: group(WORK_STATUSES, work[0], work[1]) },
      { key: 'enterprise', title: '所在企业状况', rows: group(ENTERPRISE_STATUSES, enterprise[0], enterprise[1]) },
    ],
    assistance: { cur: assistance[0], prev: assistance[1] },
    cases: picked.map((p) => ({ ...p, names: [p.row.name, ...(families.get(Number(p.row.id)) ?? [])] })),
  };
  await auditNow(db, actor, 'report.draft', 'org', orgCode, { year, cases: picked.length });
  return data;
}
