// The look of every household workbook (template and export): a title row, the header row with
// the form's labels and notes, text format where Excel would mangle digits (identity numbers,
// phones), money with two decimals, and drop-down lists fed by a hidden 字典 sheet. Written with
// exceljs' streaming writer, one sheet after the other, so memory stays flat for any row count.
import ExcelJS from 'exceljs';
import { columnLetter, DICT_SHEET, type OutCell, type SheetColumn } from '@bangfu/core';

export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
const TEXT_KINDS = new Set(['id', 'text', 'date', 'causes']);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };

export function openWorkbook(filename: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  wb.creator = 'bangfu 帮扶';
  wb.created = new Date();
  return wb;
}

/** Each enumeration gets one column of the dictionary sheet; the lists are referenced, not inlined (Excel caps inline lists at 255 characters). */
export function dictionaryLayout(columnSets: readonly (readonly SheetColumn[])[]): { lists: { title: string; values: readonly string[] }[]; refOf: Map<readonly string[], string> } {
  const lists: { title: string; values: readonly string[] }[] = [];
  const refOf = new Map<readonly string[], string>();
  for (const cols of columnSets)
    for (const c of cols) {
      if (!c.values || refOf.has(c.values)) continue;
      const letter = columnLetter(lists.length);
      lists.push({ title: c.label, values: c.values });
      refOf.set(c.values, `${DICT_SHEET}!$${letter}$2:$${letter}$${c.values.length + 1}`);
    }
  return { lists, refOf };
}

export function startSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly SheetColumn[], title: string, opts: { notes: boolean }) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: c.width + 2,
    style: c.kind === 'money' || c.kind === 'derived' ? { numFmt: '0.00' } : TEXT_KINDS.has(c.kind) || c.key === 'phone' || c.key === 'workerNo' || c.key === 'unitId' ? { numFmt: '@' } : {},
  }));
  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 12 };
  titleRow.height = 22;
  ws.mergeCells(1, 1, 1, Math.min(columns.length, 12));
  titleRow.commit();
  const header = ws.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = c.required ? REQUIRED_FONT : { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    if (opts.notes && (c.note || c.required)) cell.note = [c.required ? '必填' : '', c.note ?? ''].filter(Boolean).join('；');
  });
  header.height = 32;
  header.commit();
  return ws;
}

/**
 * exceljs' streaming writer never waits for the zip: a committed row goes into a PassThrough that
 * feeds the deflater, whatever its backlog. Waiting here until that backlog is small keeps memory
 * flat however many rows follow (without it a million-row export held gigabytes of XML).
 */
export async function drainSheet(ws: ExcelJS.Worksheet, maxBytes = 1 << 20): Promise<void> {
  const pipe = (ws as unknown as { stream?: { pipes?: { _writableState?: { length: number } }[] } }).stream?.pipes?.[0];
  while ((pipe?._writableState?.length ?? 0) > maxBytes) await new Promise((r) => setImmediate(r));
}

/**
 * Text that a spreadsheet would take for a formula once the sheet goes through CSV (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe, as Excel itself writes such text; the importer
 * takes it off again (core's cellToText).
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function writeRow(ws: ExcelJS.Worksheet, rowNo: number, cells: OutCell[]): void {
  const row = ws.getRow(rowNo);
  row.values = cells.map((c) => (c === null ? null : typeof c === 'string' ? defuseFormula(c) : c)) as ExcelJS.CellValue[];
  row.commit();
}

/** Drop-down lists over the data rows; an open list (健康状况, 致困原因) suggests without refusing other text. */
export function addValidations(ws: ExcelJS.Worksheet, columns: readonly SheetColumn[], refOf: Map<readonly string[], string>, lastRow: number): void {
  // the streaming worksheet has dataValidations, but exceljs' typings only declare it on the in-memory one
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    if (!c.values) return;
    const letter = columnLetter(i);
    validations.add(`${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [refOf.get(c.values)!],
      showErrorMessage: !c.open,
      errorStyle: 'stop',
      errorTitle: c.label,
      error: `请从下拉列表中选择${c.label}`,
      showInputMessage: !!c.note,
      promptTitle: c.label,
      prompt: c.note,
    });
  });
}

export function writeDictionary(wb: ExcelJS.stream.xlsx.WorkbookWriter, lists: { title: string; values: readonly string[] }[]): void {
  const ws = wb.addWorksheet(DICT_SHEET, { state: 'hidden' });
  const longest = Math.max(...lists.map((l) => l.values.length));
  for (let r = 0; r <= longest; r++) {
    const row = ws.getRow(r + 1);
    lists.forEach((l, i) => {
      row.getCell(i + 1).value = r === 0 ? l.title : (l.values[r - 1] ?? null);
    });
    row.commit();
  }
  ws.commit();
}
