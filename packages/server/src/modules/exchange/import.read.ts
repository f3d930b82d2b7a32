// Streams the rows of an uploaded workbook (.xlsx) or CSV file (UTF-8 or GBK) without loading
// it whole: each data row goes to the callback with its sheet and row number as the user sees it.
// Which sheet holds households and which members is told by the sheet name (职工 / 家庭成员)
// or, for CSV and renamed sheets, by the header.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse';
import {
  cellToText, DICT_SHEET, normalizeHeader, isBlankRow, mapHeader, MASKED_MARKER, MEMBER_COLUMNS, MEMBER_KEY_LABEL, MEMBER_SHEET, WORKER_COLUMNS, WORKER_SHEET,
  type CellValue, type HeaderMap, type SheetColumn,
} from '@bangfu/core';
import { fileKind, type UploadedFile } from '../../lib/upload.js';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS, XlsxLimit, XlsxReader, type XlsxCell } from './xlsx.stream-reader.js';

export type SheetKind = 'w' | 'm';
export const SHEET_NAMES: Record<SheetKind, string> = { w: WORKER_SHEET, m: MEMBER_SHEET };

/** A problem with the whole file: nothing can be checked row by row. */
export class FileProblem extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

export type { UploadedFile };

export interface ReadCallbacks {
  /** a data row in canonical column order (WORKER_COLUMNS / MEMBER_COLUMNS), blank rows skipped */
  row(kind: SheetKind, rowNo: number, cells: CellValue[]): Promise<void>;
}

export interface ReadSummary {
  /** each sheet found, with the columns its header has (a column that is absent is not "blank") */
  sheets: Partial<Record<SheetKind, { name: string; unknownColumns: string[]; present: Set<string> }>>;
}

const HEADER_SCAN_ROWS = 5;

/** Dates become YYYY-MM-DD text before staging, so that a staged row is plain JSON. */
function plainCell(v: XlsxCell): CellValue {
  return v instanceof Date ? cellToText(v) : v;
}

function kindOfHeader(cells: CellValue[]): SheetKind | null {
  const texts = new Set(cells.map((c) => normalizeHeader(cellToText(c))));
  if (texts.has(MEMBER_KEY_LABEL) && texts.has('关系')) return 'm';
  if (texts.has('姓名') && texts.has('身份证号')) return 'w';
  return null;
}

/** Tracks one sheet: finds its header in the first rows, then hands rows over in canonical order. */
class SheetState {
  kind: SheetKind | null;
  header: HeaderMap | null = null;
  private scanned = 0;
  private lastRow = 0;

  constructor(
    readonly name: string,
    nameKind: SheetKind | null,
    private readonly summary: ReadSummary,
    private readonly cb: ReadCallbacks,
  ) {
    this.kind = nameKind;
  }

  async take(rowNo: number, cells: CellValue[]): Promise<void> {
    // rows come in order; a repeated or backward row number means a damaged (or crafted) file
    if (rowNo <= this.lastRow || !Number.isSafeInteger(rowNo)) throw new FileProblem(`工作表“${this.name}”的行号有误（第${rowNo}行重复或顺序错乱），文件可能已损坏`);
    this.lastRow = rowNo;
    if (!this.header) {
      if (++this.scanned > HEADER_SCAN_ROWS) return;
      const first = cells.map(cellToText).join('');
      if (first.includes(MASKED_MARKER))
        throw new FileProblem(`工作表“${this.name}”是脱敏导出的文件（身份证号、电话已隐去），不能用于导入；请使用有完整信息权限的账号导出，或使用导入模板`);
      const kind = kindOfHeader(cells);
      if (!kind) return;
      if (this.kind && kind !== this.kind) return;
      if (this.summary.sheets[kind])
        throw new FileProblem(`文件中有两个${SHEET_NAMES[kind]}工作表（“${this.summary.sheets[kind]!.name}”和“${this.name}”），请只保留一个`);
      this.kind = kind;
      const columns = kind === 'w' ? WORKER_COLUMNS : MEMBER_COLUMNS;
      this.header = mapHeader(cells, columns);
      if (this.header.missing.length)
        throw new FileProblem(`工作表“${this.name}”缺少必填列：${this.header.missing.map((c) => c.label).join('、')}（第${rowNo}行应为表头，请使用导入模板）`);
      this.summary.sheets[kind] = { name: this.name, unknownColumns: this.header.unknown, present: new Set(this.header.index.keys()) };
      return;
    }
    if (isBlankRow(cells)) return;
    await this.cb.row(this.kind!, rowNo, canonical(cells, this.header, this.kind === 'w' ? WORKER_COLUMNS : MEMBER_COLUMNS));
  }

  /** A sheet named 职工 / 家庭成员 whose header was never found must not be skipped quietly. */
  finish(): void {
    if (!this.header && this.kind)
      throw new FileProblem(`工作表“${this.name}”的前${HEADER_SCAN_ROWS}行中没有找到表头（${this.kind === 'm' ? '应包含“职工身份证号”“关系”“姓名”等列' : '应包含“姓名”“身份证号”等列'}），请使用导入模板的表头`);
  }
}

function canonical(cells: CellValue[], header: HeaderMap, columns: readonly SheetColumn[]): CellValue[] {
  return columns.map((c) => {
    const i = header.index.get(c.key);
    return i === undefined ? null : (cells[i] ?? null);
  });
}

function nameKind(name: string): SheetKind | null {
  const n = name.trim();
  if (n === WORKER_SHEET || n.startsWith(WORKER_SHEET + '（') || n === '职工信息') return 'w';
  if (n === MEMBER_SHEET || n === '家庭成员信息') return 'm';
  return null;
}

/** One sheet's rows as they stream; `end` after its last row. */
export interface SheetVisitor {
  row(rowNo: number, cells: CellValue[]): Promise<void>;
  end(): void;
}

/**
 * Streams every sheet of a workbook (.xlsx) or a CSV file (UTF-8 or GBK: one sheet named after the
 * file) to the visitor `open` gives for it (null: the sheet is skipped). A damaged or oversized file
 * becomes a FileProblem that names it; a visitor's own FileProblem passes through.
 */
export async function streamSheets(file: UploadedFile, open: (sheetName: string) => SheetVisitor | null): Promise<void> {
  const kind = fileKind(file.name);
  if (kind === 'xlsx') await streamXlsx(file, open);
  else if (kind === 'csv') await streamCsv(file, open);
  else throw new FileProblem(`不支持的文件类型“${file.name}”：请上传 .xlsx 工作簿或 .csv 文件`);
}

async function streamXlsx(file: UploadedFile, open: (sheetName: string) => SheetVisitor | null): Promise<void> {
  let reader: XlsxReader;
  try {
    reader = await XlsxReader.open(file.path);
  } catch (e) {
    if (e instanceof XlsxLimit) throw new FileProblem(`“${file.name}”超出了 Excel 表格的范围（文字过多），文件可能已损坏，请另存后重新上传`);
    throw new FileProblem(`“${file.name}”不是有效的 Excel（.xlsx）工作簿，或文件已损坏；旧版 .xls 请先另存为 .xlsx`);
  }
  try {
    for (const sheet of reader.sheets) {
      const visitor = open(sheet.name);
      if (!visitor) continue;
      await reader.readRows(sheet, (rowNo, cells) => visitor.row(rowNo, cells.map(plainCell)));
      visitor.end();
    }
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    if (e instanceof XlsxLimit) throw new FileProblem(`“${file.name}”超出了 Excel 表格的范围（行、列或文字过多），文件可能已损坏，请另存后重新上传`);
    throw new FileProblem(`读取“${file.name}”时出错，文件可能已损坏（${e instanceof Error ? e.message.slice(0, 80) : String(e)}）`);
  } finally {
    reader.close();
  }
}

/** UTF-8 when the first 64 KB decode as UTF-8 (a BOM or not); otherwise GBK, as Excel saves CSV on Chinese Windows. */
async function detectEncoding(path: string): Promise<'utf8' | 'gbk'> {
  const fd = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fd.read(buf, 0, buf.length, 0);
    let sample = buf.subarray(0, bytesRead);
    // do not judge a multi-byte character cut at the end of the sample
    let end = sample.length;
    for (let i = 1; i <= 3 && end - i >= 0; i++) {
      const b = sample[end - i];
      if ((b & 0xc0) === 0xc0) { end -= i; break; }
      if ((b & 0x80) === 0) break;
    }
    sample = sample.subarray(0, end);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample);
      return 'utf8';
    } catch {
      return 'gbk';
    }
  } finally {
    await fd.close();
  }
}

async function streamCsv(file: UploadedFile, open: (sheetName: string) => SheetVisitor | null): Promise<void> {
  const visitor = open(file.name);
  if (!visitor) return;
  const encoding = await detectEncoding(file.path);
  const parser = fs.createReadStream(file.path).pipe(iconv.decodeStream(encoding)).pipe(parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_ROW_CHARS }));
  let rowNo = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNo++;
      if (record.length > MAX_COLUMNS) throw new FileProblem(`“${file.name}”第${rowNo}行有 ${record.length} 列，超出表格范围`);
      if (record.some((c) => c.length > MAX_CELL_CHARS)) throw new FileProblem(`“${file.name}”第${rowNo}行有超过 ${MAX_CELL_CHARS} 个字的单元格，超出表格范围`);
      await visitor.row(rowNo, record.map((c) => (c === '' ? null : c)));
    }
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new FileProblem(`“${file.name}”第${rowNo + 1}行附近不是有效的 CSV（${detail.slice(0, 80)}）`);
  }
  visitor.end();
}

async function readXlsx(file: UploadedFile, summary: ReadSummary, cb: ReadCallbacks): Promise<void> {
  await streamSheets(file, (name) => {
    if (name === DICT_SHEET) return null; // the template's drop-down lists; hidden sheets are read like the others
    const state = new SheetState(name, nameKind(name), summary, cb);
    return { row: (rowNo, cells) => state.take(rowNo, cells), end: () => state.finish() };
  });
}

async function readCsv(file: UploadedFile, summary: ReadSummary, cb: ReadCallbacks): Promise<void> {
  const state = new SheetState(file.name, null, summary, cb);
  await streamSheets(file, () => ({ row: (rowNo, cells) => state.take(rowNo, cells), end: () => {} }));
  if (!state.header) throw new FileProblem(`“${file.name}”的前${HEADER_SCAN_ROWS}行中没有表头（应包含“姓名”“身份证号”，成员表另含“职工身份证号”“关系”）`);
}

export { fileKind };

/** Reads every file of an import; the 职工 sheet must be among them. */
export async function readImportFiles(files: UploadedFile[], cb: ReadCallbacks): Promise<ReadSummary> {
  const summary: ReadSummary = { sheets: {} };
  for (const f of files) {
    const kind = fileKind(f.name);
    if (kind === 'xlsx') await readXlsx(f, summary, cb);
    else if (kind === 'csv') await readCsv(f, summary, cb);
    else throw new FileProblem(`不支持的文件类型“${f.name}”：请上传 .xlsx 工作簿或 .csv 文件`);
  }
  if (!summary.sheets.w) throw new FileProblem(`文件中没有“${WORKER_SHEET}”工作表（表头应包含“姓名”“身份证号”等列，请使用导入模板）`);
  return summary;
}
