// One PDF holding the forms of one or many households. Each form starts on a new page; its pages
// are buffered only until the form is done (to write "第 n 页 / 共 m 页" in the footers) and are
// then flushed to the output stream, so a batch of thousands of forms never sits in memory.
import PDFDocument from 'pdfkit';
import type { HouseholdFile } from '../households/households.service.js';
import { FONT, FONT_BOLD, FormPainter } from './form.painter.js';
import type { PdfFonts } from './pdf.font.js';
import { drawSurveyForm, formTitle, type FormContext } from './survey.form.js';

const MARGIN = { top: 42, bottom: 46, left: 42, right: 42 };

export function surveyDocument(fonts: PdfFonts, title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4', margins: MARGIN, autoFirstPage: false, bufferPages: true, lang: 'zh-CN', displayTitle: true,
    info: { Title: title, Creator: 'bangfu 城镇困难职工精准帮扶档案系统' },
  });
  doc.registerFont(FONT, fonts.regular.data, fonts.regular.face as string);
  doc.registerFont(FONT_BOLD, fonts.bold.data, fonts.bold.face as string);
  return doc;
}

export interface FooterInfo {
  /** who printed and when, on every page: a printout stays traceable to the audit row */
  printedBy: string;
  printedOn: string;
}

export function addSurveyForm(doc: PDFKit.PDFDocument, file: HouseholdFile, ctx: FormContext, footer: FooterInfo): void {
  const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  doc.addPage();
  const page = doc.page;
  const left = page.margins.left;
  const width = page.width - page.margins.left - page.margins.right;
  const painter: FormPainter = new FormPainter(doc, {
    left, width, top: page.margins.top, bottom: page.height - page.margins.bottom,
    onNewPage: () => {
      painter.textLine(`${formTitle(file.fillDate)}（续）　职工编号：${file.workerNo}　姓名：${file.name}`, left, painter.y, width, { size: 8 });
      painter.y += painter.lineHeight(8) + 6;
    },
  });
  drawSurveyForm(painter, file, ctx);

  const { start, count } = doc.bufferedPageRange();
  const total = start + count - first;
  for (let i = first; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 14;
    painter.textLine(`职工编号：${file.workerNo}`, left, y, width, { size: 8 });
    painter.textLine(`打印：${footer.printedBy}　${footer.printedOn}`, left, y, width, { size: 8, align: 'center' });
    painter.textLine(`第 ${i - first + 1} 页 / 共 ${total} 页`, left, y, width, { size: 8, align: 'right' });
  }
  doc.flushPages();
}
