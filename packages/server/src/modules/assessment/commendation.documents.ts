// The approved commendations of a year as a printable list (PDF, A4, in the bulletin's type) and
// as a workbook: 先进单位 then 先进个人, each with its title, and for a person the year's record.
import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';
import { BULLETIN_ISSUER, chineseDate, COMMENDATION_KIND_LABELS, fenToYuan, todayInChina, type Commendation } from '@bangfu/core';
import type { PdfFonts } from '../print/pdf.font.js';

const MM = 72 / 25.4;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const NUMERALS = ['一', '二'];

export const commendationListTitle = (year: number) => `${year}年度精准帮扶工作先进单位和先进个人名单`;

/** The lines of the list, grouped by kind and title: what both documents print. */
export function commendationLines(items: Commendation[]): { heading: string; lines: string[] }[] {
  const groups: { heading: string; lines: string[] }[] = [];
  (['org', 'person'] as const).forEach((kind) => {
    const mine = items.filter((c) => c.kind === kind);
    if (!mine.length) return;
    const titles = [...new Set(mine.map((c) => c.title))];
    for (const title of titles) {
      const of = mine.filter((c) => c.title === title);
      groups.push({
        heading: `${NUMERALS[groups.length] ?? `${groups.length + 1}.`}${NUMERALS[groups.length] ? '、' : ''}${title}（${of.length}${kind === 'org' ? '个' : '名'}）`,
        lines: of.map((c) => (kind === 'org' ? c.orgName : `${c.displayName}（${c.orgName}）`)),
      });
    }
  });
  return groups;
}

export function commendationPdf(year: number, items: Commendation[], fonts: PdfFonts): PDFKit.PDFDocument {
  const title = commendationListTitle(year);
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, lang: 'zh-CN', displayTitle: true, info: { Title: title, Creator: 'bangfu 困难职工帮扶管理系统' } });
  doc.registerFont('cn', fonts.regular.data, fonts.regular.face as string);
  doc.registerFont('cn-bold', fonts.bold.data, fonts.bold.face as string);
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const x = MARGIN.left;
  doc.font('cn-bold').fontSize(20).fillColor('#000').text(title, x, MARGIN.top, { width, align: 'center', lineGap: 6 });
  doc.moveDown(1);
  const groups = commendationLines(items);
  if (!groups.length) doc.font('cn').fontSize(16).text('本年度尚无批准的表彰。', x, doc.y, { width, indent: 32 });
  for (const g of groups) {
    doc.moveDown(0.5).font('cn-bold').fontSize(16).text(g.heading, x, doc.y, { width, indent: 32, lineGap: 10 });
    for (const l of g.lines) doc.font('cn').fontSize(16).text(l, x, doc.y, { width, indent: 32, lineGap: 10 });
  }
  doc.moveDown(2).font('cn').fontSize(16)
    .text(`${BULLETIN_ISSUER.head}${BULLETIN_ISSUER.office}`, x, doc.y, { width, align: 'right' }).text(chineseDate(todayInChina()), { width, align: 'right' });
  doc.end();
  return doc;
}

export async function commendationWorkbook(year: number, items: Commendation[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表彰名单', { views: [{ state: 'frozen', ySplit: 2 }] });
  const head = ['类别', '荣誉称号', '单位', '姓名', '推荐理由', '考核排名', '考核总分', '帮扶户数', '帮扶记录', '解决实际问题', '帮扶金额（元）', '批准时间'];
  ws.getCell(1, 1).value = commendationListTitle(year);
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.mergeCells(1, 1, 1, head.length);
  const r = ws.getRow(2);
  head.forEach((t, i) => {
    r.getCell(i + 1).value = t;
    r.getCell(i + 1).font = { bold: true };
    r.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  [10, 24, 28, 10, 50, 9, 9, 9, 9, 12, 14, 22].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  for (const c of items) {
    ws.addRow([
      COMMENDATION_KIND_LABELS[c.kind], c.title, c.orgName, c.displayName, c.reason, c.assessment?.rank ?? null, c.assessment?.total ?? null,
      c.record?.households ?? null, c.record?.records ?? null, c.record?.solved ?? null, c.record ? fenToYuan(c.record.money) : null, c.decidedAt,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
