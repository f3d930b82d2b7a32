// The assessment as a workbook: the ranking (each indicator's value and score, the weighted score,
// the adjustment, the total), the rubric it was scored by, and the adjustments with their reasons.
import ExcelJS from 'exceljs';
import { ASSESSMENT_LEVEL_LABELS, INDICATORS, nowInChinaText, type Assessment, type Rubric } from '@bangfu/core';

const head = (ws: ExcelJS.Worksheet, titles: string[], row: number) => {
  const r = ws.getRow(row);
  titles.forEach((t, i) => {
    const c = r.getCell(i + 1);
    c.value = t;
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
};

export async function assessmentWorkbook(a: Assessment, rubric: Rubric): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核结果', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const codes = rubric.items.map((i) => i.code);
  const titles = ['排名', '单位', ...codes.flatMap((c) => [`${INDICATORS[c].name}`, `${INDICATORS[c].name}得分`]), '加权得分', '加减分', '总分'];
  ws.getCell(1, 1).value = `${a.year}年度精准帮扶工作考核结果 · ${ASSESSMENT_LEVEL_LABELS[a.level]} · 计算截至 ${a.asOf}${a.finalized ? ` · 已定稿（${a.finalized.by}，${a.finalized.at.slice(0, 10)}）` : ''} · 导出时间 ${nowInChinaText()}（北京时间）`;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.mergeCells(1, 1, 1, titles.length);
  head(ws, titles, 2);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 28;
  codes.forEach((c, i) => {
    const col = ws.getColumn(3 + 2 * i);
    col.width = 11;
    col.numFmt = INDICATORS[c].unit === 'rate' ? '0.0%' : '0.0';
    ws.getColumn(4 + 2 * i).width = 9;
  });
  for (const it of a.items) {
    ws.addRow([
      it.rank, it.orgName,
      ...codes.flatMap((c) => {
        const x = it.indicators.find((i) => i.code === c);
        return [x?.value ?? null, x?.score ?? null];
      }),
      it.base, it.adjustment || null, it.total,
    ]);
  }
  const rules = wb.addWorksheet('考核细则');
  head(rules, ['指标', '权重', '0分对应值', '100分对应值', '计算方法'], 1);
  [14, 8, 12, 12, 70].forEach((w, i) => { rules.getColumn(i + 1).width = w; });
  const shown = (c: (typeof codes)[number], v: number) => (INDICATORS[c].unit === 'rate' ? `${Math.round(v * 1000) / 10}%` : String(v));
  for (const r of rubric.items) rules.addRow([r.name, r.weight, shown(r.code, r.zero), shown(r.code, r.full), r.how]);
  rules.addRow([]);
  rules.addRow(['得分规则：指标值在“0分对应值”与“100分对应值”之间按直线折算为0至100分（超出两端按0分或100分计），保留一位小数；加权得分＝各适用指标得分按权重加权平均（无数据可计的指标不计入，其权重不参与平均）；总分＝加权得分＋加减分。']);
  const adj = wb.addWorksheet('加减分明细');
  head(adj, ['单位', '加减分', '理由', '操作人', '时间'], 1);
  [28, 8, 50, 12, 22].forEach((w, i) => { adj.getColumn(i + 1).width = w; });
  for (const it of a.items) for (const x of it.adjustments) adj.addRow([it.orgName, x.points, x.reason, x.by, x.at]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
