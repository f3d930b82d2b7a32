// Streams the rows of a 民政低保名单 (.csv in UTF-8 or GBK, or .xlsx): the header is looked for in
// the first rows of each sheet (the bureau's exports often carry a title line or two), by the
// person's column mapping when given, else by the known labels and their aliases. Each data row
// is checked (core's checkDibaoRow) and handed on; the file is never held whole.
import { cellToText, checkDibaoRow, DIBAO_COLUMN_KEYS, isBlankRow, mapDibaoHeader, type CellValue, type DibaoCellError, type DibaoColumnKey, type DibaoRow } from '@bangfu/core';
import { FileProblem, streamSheets, type UploadedFile } from '../exchange/import.read.js';

const HEADER_SCAN_ROWS = 10;

/** No header row was found: the texts of the likeliest one, for the person to map. */
export class ColumnsMissing extends Error {
  constructor(readonly headers: string[], readonly missing: DibaoColumnKey[]) {
    super('dibao list header not found');
  }
}

/** `bad` for a row with a bad cell; `good` for a row whose name and number are good (a row may be both). */
export interface ListRowVisitor {
  good(rowNo: number, row: DibaoRow): Promise<void>;
  bad(rowNo: number, errors: DibaoCellError[]): void;
}

export async function readDibaoList(file: UploadedFile, mapping: Partial<Record<DibaoColumnKey, string>>, visit: ListRowVisitor): Promise<void> {
  let found = false;
  // the row with the most filled cells among the first rows: what the mapping dialog offers
  let likeliest: string[] = [];
  await streamSheets(file, () => {
    if (found) return null; // the first sheet with a header holds the list
    let index: Partial<Record<DibaoColumnKey, number>> | null = null;
    let scanned = 0;
    return {
      async row(rowNo: number, cells: CellValue[]) {
        if (!index) {
          if (++scanned > HEADER_SCAN_ROWS) return;
          const texts = cells.map(cellToText);
          if (texts.filter(Boolean).length > likeliest.filter(Boolean).length) likeliest = texts;
          const m = mapDibaoHeader(texts, mapping);
          if (m.missing.length === 0) { index = m.index; found = true; }
          return;
        }
        if (isBlankRow(cells)) return;
        const byKey: Partial<Record<DibaoColumnKey, string>> = {};
        for (const k of DIBAO_COLUMN_KEYS) {
          const i = index[k];
          if (i !== undefined) byKey[k] = cellToText(cells[i]);
        }
        const checked = checkDibaoRow(byKey);
        if (checked.errors.length) visit.bad(rowNo, checked.errors);
        if (checked.row) await visit.good(rowNo, checked.row);
      },
      end() {},
    };
  });
  if (!found) {
    const headers = [...new Set(likeliest.map((t) => t.trim().slice(0, 200)).filter(Boolean))].slice(0, 60);
    throw new ColumnsMissing(headers, mapDibaoHeader(likeliest, mapping).missing);
  }
}

export { FileProblem };
