// Workbooks in the end-to-end tests: read what the browser downloaded, and fill the downloaded
// import template as a cadre would (by the Chinese column headers, never by position).
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { UI_TIMEOUT } from './ui.js';

/** A header as people retype it: spaces and a leading * (required mark) removed. */
const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/^\*/, '');

/** Plain text of an exceljs cell value (rich text, formulas and dates included). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result as ExcelJS.CellValue);
    if ('text' in o) return String(o.text);
    return '';
  }
  return String(v).trim();
}

/** Clicks `trigger` and returns the file the browser downloads, with its bytes. */
export async function downloadBy(page: Page, trigger: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT * 3 }), trigger()]);
  const file = await download.path();
  return { download, bytes: await readFile(file) };
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export interface SheetTable {
  /** 1-based row number of the header row */
  headerRow: number;
  /** normalized header → 1-based column number */
  columns: Map<string, number>;
}

/** Finds the header row (the one with `anchor`, e.g. 姓名) in the first rows of a sheet. */
export function tableOf(ws: ExcelJS.Worksheet, anchor = '姓名'): SheetTable {
  for (let r = 1; r <= 6; r++) {
    const columns = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const h = norm(cellText(cell.value));
      if (h && !columns.has(h)) columns.set(h, col);
    });
    if (columns.has(anchor)) return { headerRow: r, columns };
  }
  throw new Error(`sheet ${ws.name}: no header row with ${anchor} in the first 6 rows`);
}

/** The data rows under the header as { header: text } records (blank rows skipped). */
export function sheetRecords(ws: ExcelJS.Worksheet, anchor = '姓名'): Record<string, string>[] {
  const t = tableOf(ws, anchor);
  const out: Record<string, string>[] = [];
  for (let r = t.headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const rec: Record<string, string> = {};
    for (const [h, c] of t.columns) rec[h] = cellText(row.getCell(c).value);
    if (Object.values(rec).some((v) => v !== '')) out.push(rec);
  }
  return out;
}

/**
 * Replaces the data rows of a sheet (the template's example rows included) by `records`, keyed by
 * header text; returns the 1-based row number each record landed on.
 */
export function writeRecords(ws: ExcelJS.Worksheet, records: Record<string, string | number>[], anchor = '姓名'): number[] {
  const t = tableOf(ws, anchor);
  if (ws.rowCount > t.headerRow) ws.spliceRows(t.headerRow + 1, ws.rowCount - t.headerRow);
  return records.map((rec, i) => {
    const rowNo = t.headerRow + 1 + i;
    const row = ws.getRow(rowNo);
    for (const [label, value] of Object.entries(rec)) {
      const col = t.columns.get(norm(label));
      if (!col) throw new Error(`sheet ${ws.name} has no column ${label}; columns: ${[...t.columns.keys()].join(' ')}`);
      row.getCell(col).value = value;
    }
    row.commit();
    return rowNo;
  });
}
