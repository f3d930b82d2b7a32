// 帮扶统计 as a workbook: per region (with the 合计 row) and per recording cadre, the same numbers
// as the page for the same year and scope.
import ExcelJS from 'exceljs';
import { nowInChinaText, type AssistanceSummary } from '@bangfu/core';

function sheet(wb: ExcelJS.Workbook, name: string, title: string, head: { title: string; width: number }[], rows: (string | number)[][], total?: (string | number)[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.mergeCells(1, 1, 1, head.length);
  head.forEach((h, i) => {
    const c = ws.getRow(2).getCell(i + 1);
    c.value = h.title;
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    ws.getColumn(i + 1).width = h.width;
  });
  for (const r of rows) ws.addRow(r);
  if (total) ws.addRow(total).font = { bold: true };
}

export async function assistanceSummaryWorkbook(s: AssistanceSummary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const stamp = `统计时间 ${nowInChinaText()}（北京时间）`;
  const sum = (k: keyof AssistanceSummary['regions'][number]) => s.regions.reduce((n, r) => n + Number(r[k]), 0);
  sheet(wb, '按地区', `${s.year}年帮扶统计（已建档户；每户每年解决${s.target}个以上实际问题为达标；超过${s.overdueDays}天未帮扶为逾期） · ${stamp}`, [
    { title: '地区', width: 22 }, { title: '建档户数', width: 10 }, { title: '已帮扶户数', width: 10 }, { title: '帮扶次数', width: 10 }, { title: '走访次数', width: 10 },
    { title: '帮扶金额（元）', width: 14 }, { title: '解决问题', width: 10 }, { title: '达标户数', width: 10 }, { title: '逾期未帮扶', width: 11 },
  ], s.regions.map((r) => [r.regionName, r.households, r.assisted, r.records, r.visits, r.money, r.solved, r.metTarget, r.overdue]),
  ['合计', sum('households'), sum('assisted'), sum('records'), sum('visits'), Math.round(sum('money') * 100) / 100, sum('solved'), sum('metTarget'), sum('overdue')]);
  sheet(wb, '按帮扶人', `${s.year}年各帮扶人帮扶情况 · ${stamp}`, [
    { title: '帮扶人', width: 22 }, { title: '帮扶户数', width: 10 }, { title: '帮扶次数', width: 10 }, { title: '走访次数', width: 10 },
    { title: '帮扶金额（元）', width: 14 }, { title: '解决问题', width: 10 },
  ], s.cadres.map((c) => [c.displayName, c.households, c.records, c.visits, c.money, c.solved]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
