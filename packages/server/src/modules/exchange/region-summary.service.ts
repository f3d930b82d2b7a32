// The region summary the city union reports from: households per region by category, cause,
// work status, enterprise status and per-capita income band, with totals. The counting is
// region-summary.queries.ts; this file lays the counts out (JSON, workbook).
import ExcelJS from 'exceljs';
import { CATEGORIES, CAUSES, ENTERPRISE_STATUSES, householdFilterSchema, INCOME_BANDS, LIVE_STATUSES, WORK_STATUSES, nowInChinaText } from '@bangfu/core';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { parseInput } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { scopeOf } from '../access/scope.js';
import { countByCause, countByColumn, countByIncomeBand } from './region-summary.queries.js';
import { listOrgs } from '../orgs/orgs.repository.js';

const querySchema = z.object({
  status: z.enum(['live', 'filed'], { error: '统计范围应为 live（在册档案）或 filed（仅已建档）' }).default('live'),
  /** the fill year (填表年度); every year without it */
  year: householdFilterSchema.shape.fillYear,
});

type Counts = Record<string, number>;
export interface SummaryRow {
  regionCode: string;
  regionName: string;
  total: number;
  category: Counts;
  cause: Counts;
  workStatus: Counts;
  enterpriseStatus: Counts;
  incomeBand: Counts;
}

export const SUMMARY_GROUPS = [
  { key: 'category', title: '困难类别', values: CATEGORIES as readonly string[] },
  { key: 'cause', title: '致困原因（可多选）', values: CAUSES as readonly string[] },
  { key: 'workStatus', title: '工作状况', values: WORK_STATUSES as readonly string[] },
  { key: 'enterpriseStatus', title: '企业状况', values: ENTERPRISE_STATUSES as readonly string[] },
  { key: 'incomeBand', title: '家庭年人均收入', values: INCOME_BANDS.map((b) => b.key) as readonly string[] },
] as const;

const zeros = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, 0]));

function emptyRow(regionCode: string, regionName: string): SummaryRow {
  return {
    regionCode, regionName, total: 0, category: zeros(CATEGORIES), cause: zeros(CAUSES), workStatus: zeros(WORK_STATUSES),
    enterpriseStatus: zeros(ENTERPRISE_STATUSES), incomeBand: zeros(INCOME_BANDS.map((b) => b.key)),
  };
}

export async function regionSummary(db: Db, actor: Actor, query: unknown) {
  const { status, year } = parseInput(querySchema, query, 'region summary query');
  const statuses: readonly string[] = status === 'filed' ? ['filed'] : LIVE_STATUSES;
  const scope = scopeOf(actor);
  const regions = (await listOrgs(db)).filter((o) => o.kind === 'region');
  const rows = new Map<string, SummaryRow>();
  // every region of the actor's reach shows, with zeros where it has no files
  for (const r of regions)
    if (scope.kind === 'all' || ((scope.kind === 'region' || scope.kind === 'unit') && r.code === actor.orgCode.slice(0, 3))) rows.set(r.code, emptyRow(r.code, r.name));
  const rowOf = (code: string) => {
    let row = rows.get(code);
    if (!row) rows.set(code, (row = emptyRow(code, regions.find((r) => r.code === code)?.name ?? code)));
    return row;
  };
  const grouped = async (column: 'category' | 'work_status' | 'enterprise_status', key: 'category' | 'workStatus' | 'enterpriseStatus') => {
    for (const r of await countByColumn(db, actor, statuses, column, year)) {
      const row = rowOf(r.region_code);
      row[key][r.v] = (row[key][r.v] ?? 0) + Number(r.n);
      if (key === 'category') row.total += Number(r.n);
    }
  };
  await grouped('category', 'category');
  await grouped('work_status', 'workStatus');
  await grouped('enterprise_status', 'enterpriseStatus');
  for (const r of await countByCause(db, actor, statuses, year)) rowOf(r.region_code).cause[r.cause] = Number(r.n);
  for (const r of await countByIncomeBand(db, actor, statuses, year)) rowOf(r.region_code).incomeBand[r.band] = Number(r.n);

  const ordered = [...rows.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  const totals = emptyRow('total', '合计');
  for (const r of ordered) {
    totals.total += r.total;
    for (const g of SUMMARY_GROUPS) for (const [k, v] of Object.entries(r[g.key])) totals[g.key][k] = (totals[g.key][k] ?? 0) + v;
  }
  return {
    status,
    year: year ?? null,
    columns: {
      category: [...CATEGORIES], cause: [...CAUSES], workStatus: [...WORK_STATUSES], enterpriseStatus: [...ENTERPRISE_STATUSES],
      incomeBand: INCOME_BANDS.map((b) => ({ key: b.key, label: b.label })),
    },
    rows: ordered,
    totals,
  };
}

/** The same table as a workbook: two header rows (group, value), one row per region, the 合计 row. */
export async function regionSummaryWorkbook(summary: Awaited<ReturnType<typeof regionSummary>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('地区汇总', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  const bandLabel = new Map(INCOME_BANDS.map((b) => [b.key as string, b.label as string]));
  const leaves: { group: (typeof SUMMARY_GROUPS)[number]['key']; value: string; label: string }[] = [];
  for (const g of SUMMARY_GROUPS) for (const v of g.values) leaves.push({ group: g.key, value: v, label: bandLabel.get(v) ?? v });
  const width = 3 + leaves.length;
  ws.getCell(1, 1).value = `困难职工地区汇总${summary.year ? `（${summary.year}年度填表）` : '（全部年度）'}（${summary.status === 'filed' ? '已建档' : '在册档案：草稿至已建档'}） · 统计时间 ${nowInChinaText()}（北京时间）`;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.mergeCells(1, 1, 1, width);
  const h1 = ws.getRow(2);
  const h2 = ws.getRow(3);
  h1.getCell(1).value = '地区代码';
  h1.getCell(2).value = '地区';
  h1.getCell(3).value = '户数';
  for (const c of [1, 2, 3]) ws.mergeCells(2, c, 3, c);
  let col = 4;
  for (const g of SUMMARY_GROUPS) {
    h1.getCell(col).value = g.title;
    ws.mergeCells(2, col, 2, col + g.values.length - 1);
    for (const v of g.values) h2.getCell(col++).value = bandLabel.get(v) ?? v;
  }
  for (const r of [h1, h2])
    r.eachCell((c) => {
      c.font = { bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
  for (const r of [...summary.rows, summary.totals]) {
    const row = ws.addRow([r.regionCode === 'total' ? '' : r.regionCode, r.regionName, r.total, ...leaves.map((l) => r[l.group][l.value] ?? 0)]);
    if (r.regionCode === 'total') row.font = { bold: true };
  }
  ws.getColumn(2).width = 22;
  for (let c = 3; c <= width; c++) ws.getColumn(c).width = 10;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
