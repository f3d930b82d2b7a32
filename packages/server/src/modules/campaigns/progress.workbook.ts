// The progress table as a workbook: one row per region (or unit), the 合计 row, the same numbers as
// the page (percentages as numbers formatted 0.0%).
import ExcelJS from 'exceljs';
import { HOUSEHOLD_STATUS_LABELS, nowInChinaText, SUBMISSION_STATE_LABELS, type Campaign, type ProgressResponse } from '@bangfu/core';

type Counts = ProgressResponse['totals'];
const COLUMNS: { title: string; width: number; value: (r: Counts & Partial<ProgressResponse['items'][number]>) => string | number | null; percent?: boolean }[] = [
  { title: '单位', width: 28, value: (r) => r.orgName ?? '合计' },
  { title: '档案数', width: 9, value: (r) => r.total },
  ...(['draft', 'submitted', 'unitApproved', 'filed', 'removed', 'exited'] as const).map((s) => ({ title: HOUSEHOLD_STATUS_LABELS[s], width: 10, value: (r: Counts) => r.byStatus[s] })),
  { title: '本周新增', width: 9, value: (r) => r.newThisWeek },
  { title: '建档率', width: 9, value: (r) => r.filedRate, percent: true },
  { title: '原数据库户数', width: 12, value: (r) => r.baseline },
  { title: '覆盖率', width: 9, value: (r) => r.coverage, percent: true },
  { title: '待审核', width: 8, value: (r) => r.waiting },
  { title: '待审核最久（天）', width: 12, value: (r) => r.oldestWaitingDays },
  { title: '退回未重报', width: 10, value: (r) => r.returned },
  { title: '上报状态', width: 10, value: (r) => (r.submission ? SUBMISSION_STATE_LABELS[r.submission.status] : r.orgName ? '—' : null) },
  { title: '是否按时', width: 9, value: (r) => (r.submission?.onTime === true ? '按时' : r.submission?.onTime === false ? '逾期' : null) },
];

export async function progressWorkbook(c: Campaign, p: ProgressResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进度', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  const scope = p.level === 'region' ? '按地区' : `${p.items[0]?.orgName.replace(/（县区工会直接建档）$/, '') ?? p.parentCode}各基层工会`;
  ws.getCell(1, 1).value = `${c.name}（${c.year}年档案）进度 · ${scope}${p.deadline ? ` · 上报状态对应“${p.deadline.label}”（${p.deadline.dueDate}截止）` : ''} · ${p.asOf ? `截至 ${p.asOf} 日终（按各户审核环节的日期回溯）· 导出时间` : '统计时间'} ${nowInChinaText()}（北京时间）`;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const head = ws.getRow(2);
  COLUMNS.forEach((col, i) => {
    const cell = head.getCell(i + 1);
    cell.value = col.title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    ws.getColumn(i + 1).width = col.width;
    if (col.percent) ws.getColumn(i + 1).numFmt = '0.0%';
  });
  for (const r of p.items) ws.addRow(COLUMNS.map((col) => col.value(r)));
  ws.addRow(COLUMNS.map((col) => col.value(p.totals))).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
