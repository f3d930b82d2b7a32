// A bulletin laid out as an official document (GB/T 9704-2012 党政机关公文格式): A4 with the
// standard's margins; the 版头 (the issuing body in red, the 发文字号, the red separator line); the
// title; 主送机关; the body with its 一、 headings; 落款 and 成文日期; then the 附件 table of every
// organization in the order of its rank. Two writers of the same content: PDF (pdfkit, with the CJK
// font the printed forms use: a sans face, as no free 仿宋 is at hand) and Word (`docx`, naming
// 仿宋_GB2312 / 黑体 / 小标宋 that Word and WPS in China carry).
import PDFDocument from 'pdfkit';
import {
  AlignmentType, BorderStyle, Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { BULLETIN_ISSUER, chineseDate, isBulletinHeading, todayInChina, type Bulletin, type BulletinRow } from '@bangfu/core';
import type { PdfFonts } from '../print/pdf.font.js';
import { pct } from './bulletin.draft.js';

const RED = '#D40000';
const MM = 72 / 25.4;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const issuer = `${BULLETIN_ISSUER.head}${BULLETIN_ISSUER.office}`;

const SUBMISSION_TEXT: Record<BulletinRow['submission'], string> = { onTime: '按时', late: '逾期', missing: '未上报', notDue: '—' };

/** The 附件 table: its head and one line of cells per organization, in the order of rank. */
export function tableLines(b: Bulletin): { head: string[]; rows: string[][] } {
  return {
    head: ['排名', '单位', '档案数', '已建档', '建档率', '覆盖率', '数据上报', '调研报告', '帮扶覆盖'],
    rows: b.rows.map((r) => [
      r.rank === null ? '—' : String(r.rank), r.orgName, String(r.total), String(r.filed), pct(r.filedRate), pct(r.coverage), SUBMISSION_TEXT[r.submission],
      r.reportsOwed ? `${r.reportsSent}/${r.reportsOwed}` : '—', pct(r.assistedShare),
    ]),
  };
}
const tableTitle = (b: Bulletin) => `各地各单位工作进展情况（截至${chineseDate(b.asOf)}；排名按建档率，县（市、区）与大中型企事业单位分列）`;
/** 成文日期: the day (China) it was published, or for a draft the day it was last saved. */
const dateOf = (b: Bulletin) => chineseDate(todayInChina(new Date(b.publishedAt ?? b.updatedAt)));
const numberOf = (b: Bulletin) => b.number ?? '（发布时编号）';

export function bulletinPdf(b: Bulletin, fonts: PdfFonts): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, lang: 'zh-CN', displayTitle: true, info: { Title: `${numberOf(b)} ${b.title}`, Creator: 'bangfu 困难职工帮扶管理系统' } });
  doc.registerFont('cn', fonts.regular.data, fonts.regular.face as string);
  doc.registerFont('cn-bold', fonts.bold.data, fonts.bold.face as string);
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const x = MARGIN.left;
  // 版头
  // the issuing body on one line: the largest size up to 26 pt that fits the text width
  doc.font('cn-bold');
  let size = 26;
  while (size > 14 && doc.fontSize(size).widthOfString(issuer) > width) size -= 1;
  doc.fontSize(size).fillColor(RED).text(issuer, x, MARGIN.top, { width, align: 'center' });
  doc.moveDown(0.8).font('cn').fontSize(16).fillColor('#000').text(numberOf(b), { width, align: 'center' });
  const lineY = doc.y + 8;
  doc.moveTo(x, lineY).lineTo(x + width, lineY).lineWidth(1.5).strokeColor(RED).stroke();
  doc.y = lineY + 28;
  // 标题, 主送机关, 正文
  doc.font('cn-bold').fontSize(20).fillColor('#000').text(b.title, x, doc.y, { width, align: 'center', lineGap: 6 });
  doc.moveDown(1).font('cn').fontSize(16).text(b.recipients, x, doc.y, { width, lineGap: 10 });
  for (const p of b.paragraphs) doc.font(isBulletinHeading(p) ? 'cn-bold' : 'cn').fontSize(16).text(p, x, doc.y, { width, indent: 32, lineGap: 10 });
  // 落款 and 成文日期, right-aligned with some room
  doc.moveDown(2).font('cn').fontSize(16).text(issuer, x, doc.y, { width, align: 'right' }).text(dateOf(b), { width, align: 'right' });
  // 附件
  doc.addPage();
  doc.font('cn-bold').fontSize(16).text('附件', x, MARGIN.top);
  doc.moveDown(0.5).font('cn-bold').fontSize(13).text(tableTitle(b), x, doc.y, { width, align: 'center' });
  doc.moveDown(0.5);
  const t = tableLines(b);
  const cols = [0.07, 0.27, 0.09, 0.09, 0.09, 0.09, 0.1, 0.1, 0.1].map((f) => f * width);
  const row = (cells: string[], bold: boolean) => {
    const h = 20;
    if (doc.y + h > doc.page.height - MARGIN.bottom) doc.addPage();
    const y = doc.y;
    let cx = x;
    cells.forEach((c, i) => {
      doc.rect(cx, y, cols[i], h).lineWidth(0.5).strokeColor('#000').stroke();
      doc.font(bold ? 'cn-bold' : 'cn').fontSize(9).fillColor('#000').text(c, cx + 2, y + 5, { width: cols[i] - 4, align: i === 1 ? 'left' : 'center', lineBreak: false, ellipsis: true });
      cx += cols[i];
    });
    doc.y = y + h;
  };
  row(t.head, true);
  for (const r of t.rows) row(r, false);
  doc.end();
  return doc;
}

const FS = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const XBS = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const LINE = { line: 560, lineRule: 'exact' as const };

export async function bulletinDocx(b: Bulletin): Promise<Buffer> {
  const run = (text: string, font = FS, size = 32, extra: { bold?: boolean; color?: string } = {}) => new TextRun({ text, font, size, ...extra });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, bold: boolean) => new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, bold ? HEI : FS, 21)] })],
  });
  const t = tableLines(b);
  const doc = new Document({
    creator: 'bangfu 困难职工帮扶管理系统', title: `${numberOf(b)} ${b.title}`,
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(issuer, XBS, 44, { color: 'D40000' })] }),
        // 发文字号 above the red line (the paragraph's bottom border)
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 480 }, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'D40000', space: 8 } }, children: [run(numberOf(b))] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, ...LINE }, children: [run(b.title, XBS, 44)] }),
        new Paragraph({ spacing: LINE, children: [run(b.recipients)] }),
        ...b.paragraphs.map((p) => new Paragraph({ spacing: LINE, indent: { firstLineChars: 200 }, children: [run(p, isBulletinHeading(p) ? HEI : FS)] })),
        new Paragraph({ spacing: { before: 560, ...LINE }, alignment: AlignmentType.RIGHT, children: [run(issuer)] }),
        new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, children: [run(dateOf(b))] }),
        new Paragraph({ children: [new PageBreak()] }),
        new Paragraph({ spacing: LINE, children: [run('附件', HEI)] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(tableTitle(b), XBS, 28)] }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: t.head.map((h) => cell(h, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) }))],
        }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
