// A streaming .xlsx row reader. exceljs' own streaming reader decodes each zip chunk on its own
// and breaks a Chinese character that straddles two chunks (seen on 10,000-row exports), so rows
// are read here: the zip by random access (yauzl), each sheet's XML through one UTF-8 decoder
// into a SAX parser (saxes), one row at a time. Shared strings are kept (Excel and LibreOffice
// write them); sheet data never is. Dates are recognized by their number format, as Excel shows them.
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type XlsxCell = string | number | boolean | Date | null;

/** Excel's own limits (XFD, 1,048,576 rows); a file beyond them is damaged or crafted to exhaust memory. */
export const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
/** Shared strings are kept while sheets are read: bounded so that a small crafted file cannot take the server down. */
const MAX_SHARED_STRINGS = 5_000_000;
const MAX_SHARED_CHARS = 200_000_000;
/** Excel holds at most 32,767 characters in a cell. */
export const MAX_CELL_CHARS = 32_767;
/** A household's row is a few thousand characters; far more is a file made to exhaust memory. */
export const MAX_ROW_CHARS = 65_536;

/**
 * The most an entry of the zip may inflate to (a zip bomb is a few KB of zeros that inflate to GBs).
 * 100,000 households are about 300 MB of sheet XML; BANGFU_XLSX_MAX_ENTRY_MB changes it.
 */
export function maxEntryBytes(): number {
  return Number(process.env.BANGFU_XLSX_MAX_ENTRY_MB ?? 768) * 1024 * 1024;
}

/** The workbook itself is unreadable or exceeds what a spreadsheet can hold. */
export class XlsxLimit extends Error {}

export interface XlsxSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  path: string;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip!))));
}

async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(e.fileName.replace(/^\//, ''), e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s!))));
}

/** Feeds an entry's XML to SAX handlers, decoding UTF-8 across chunk boundaries; `each` runs after every chunk. */
async function parseEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, on: {
  open?: (tag: SaxesTagPlain) => void; close?: (tag: SaxesTagPlain) => void; text?: (t: string) => void;
}, each?: () => Promise<void>): Promise<void> {
  const parser = new SaxesParser();
  if (on.open) parser.on('opentag', on.open);
  if (on.close) parser.on('closetag', on.close);
  if (on.text) parser.on('text', on.text);
  const decoder = new StringDecoder('utf8');
  const max = maxEntryBytes();
  if (entry.uncompressedSize > max) throw new XlsxLimit(`${entry.fileName} inflates to ${entry.uncompressedSize} bytes`);
  let bytes = 0;
  for await (const chunk of await entryStream(zip, entry)) {
    bytes += (chunk as Buffer).length;
    // the declared size can lie: count what really comes out
    if (bytes > max) throw new XlsxLimit(`${entry.fileName} inflates past ${max} bytes`);
    parser.write(decoder.write(chunk as Buffer));
    if (each) await each();
  }
  parser.write(decoder.end());
  parser.close();
  if (each) await each();
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

// Excel's built-in date formats (ECMA-376 18.8.30)
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel serial day → UTC date; the 1904 system (old Mac Excel) counts 1,462 days fewer. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400) * 1000);
}

export class XlsxReader {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    readonly sheets: XlsxSheet[],
    private readonly shared: string[],
    private readonly dateStyles: Set<number>,
    private readonly date1904: boolean,
  ) {}

  static async open(file: string): Promise<XlsxReader> {
    const zip = await openZip(file);
    try {
      const entries = await listEntries(zip);
      const workbook = entries.get('xl/workbook.xml');
      if (!workbook) throw new Error('not a workbook: xl/workbook.xml is missing');
      const rels = new Map<string, string>();
      const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
      if (relsEntry)
        await parseEntry(zip, relsEntry, {
          open: (t) => {
            if (local(t.name) === 'Relationship') rels.set(String(t.attributes.Id), String(t.attributes.Target));
          },
        });
      const sheets: XlsxSheet[] = [];
      let date1904 = false;
      await parseEntry(zip, workbook, {
        open: (t) => {
          if (local(t.name) === 'workbookPr') date1904 = ['1', 'true'].includes(String(t.attributes.date1904 ?? ''));
          if (local(t.name) !== 'sheet') return;
          const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1];
          const target = rels.get(String(rid)) ?? `worksheets/sheet${sheets.length + 1}.xml`;
          const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
          sheets.push({ name: String(t.attributes.name), state: (t.attributes.state as XlsxSheet['state']) ?? 'visible', path });
        },
      });
      const shared: string[] = [];
      const sst = entries.get('xl/sharedStrings.xml');
      if (sst) {
        let current: string | null = null;
        let sharedChars = 0;
        let inText = false;
        let inPhonetic = false;
        await parseEntry(zip, sst, {
          open: (t) => {
            const n = local(t.name);
            if (n === 'si') current = '';
            else if (n === 'rPh') inPhonetic = true;
            else if (n === 't' && !inPhonetic) inText = true;
          },
          text: (s) => {
            if (inText && current !== null) {
              current += s;
              if (current.length > MAX_CELL_CHARS) throw new XlsxLimit('a shared string longer than a cell can hold');
            }
          },
          close: (t) => {
            const n = local(t.name);
            if (n === 't') inText = false;
            else if (n === 'rPh') inPhonetic = false;
            else if (n === 'si') {
              shared.push(current ?? '');
              sharedChars += (current ?? '').length;
              current = null;
              if (shared.length > MAX_SHARED_STRINGS || sharedChars > MAX_SHARED_CHARS) throw new XlsxLimit('too many shared strings');
            }
          },
        });
      }
      const dateStyles = new Set<number>();
      const styles = entries.get('xl/styles.xml');
      if (styles) {
        const custom = new Map<number, string>();
        let inXfs = false;
        let xf = 0;
        await parseEntry(zip, styles, {
          open: (t) => {
            const n = local(t.name);
            if (n === 'numFmt') custom.set(Number(t.attributes.numFmtId), String(t.attributes.formatCode ?? ''));
            else if (n === 'cellXfs') inXfs = true;
            else if (n === 'xf' && inXfs) {
              const id = Number(t.attributes.numFmtId ?? 0);
              if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dateStyles.add(xf);
              xf++;
            }
          },
          close: (t) => {
            if (local(t.name) === 'cellXfs') inXfs = false;
          },
        });
      }
      return new XlsxReader(zip, entries, sheets, shared, dateStyles, date1904);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  close(): void {
    this.zip.close();
  }

  /** Rows of a sheet in order: 1-based row number and 0-based cells (gaps filled with null). */
  async readRows(sheet: XlsxSheet, onRow: (rowNo: number, cells: XlsxCell[]) => Promise<void>): Promise<void> {
    const entry = this.entries.get(sheet.path);
    if (!entry) return;
    const ready: [number, XlsxCell[]][] = [];
    let rowNo = 0;
    let cells: XlsxCell[] = [];
    let col = -1;
    let type = 'n';
    let style = 0;
    let text: string | null = null;
    let value: string | null = null;
    let capture = false;
    let rowChars = 0;
    await parseEntry(this.zip, entry, {
      open: (t) => {
        switch (local(t.name)) {
          case 'row':
            rowNo = t.attributes.r ? Number(t.attributes.r) : rowNo + 1;
            if (!(rowNo >= 1 && rowNo <= MAX_ROWS)) throw new XlsxLimit(`row number ${String(t.attributes.r)} out of range`);
            cells = [];
            col = -1;
            rowChars = 0;
            break;
          case 'c': {
            const ref = String(t.attributes.r ?? '');
            const letters = /^[A-Z]+/.exec(ref)?.[0];
            col = letters && letters.length <= 3 ? [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : letters ? MAX_COLUMNS : col + 1;
            if (col >= MAX_COLUMNS) throw new XlsxLimit(`cell ${ref} beyond column XFD`);
            type = String(t.attributes.t ?? 'n');
            style = Number(t.attributes.s ?? 0);
            value = null;
            text = null;
            break;
          }
          case 'v':
            capture = true;
            value = '';
            break;
          case 't':
            capture = true;
            text = text ?? '';
            break;
          case 'rPh':
            capture = false;
            break;
        }
      },
      text: (s) => {
        if (!capture) return;
        rowChars += s.length;
        if (rowChars > MAX_ROW_CHARS) throw new XlsxLimit(`row ${rowNo} holds more than ${MAX_ROW_CHARS} characters`);
        if (value !== null && text === null) value += s;
        else if (text !== null) text += s;
        if ((text ?? value ?? '').length > MAX_CELL_CHARS) throw new XlsxLimit(`a cell of row ${rowNo} is longer than a cell can hold`);
      },
      close: (t) => {
        switch (local(t.name)) {
          case 'v':
          case 't':
            capture = false;
            break;
          case 'c':
            cells[col] = this.cellValue(type, style, value, text);
            break;
          case 'row':
            for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
            ready.push([rowNo, cells]);
            break;
        }
      },
    }, async () => {
      while (ready.length) {
        const [n, c] = ready.shift()!;
        await onRow(n, c);
      }
    });
  }

  private cellValue(type: string, style: number, v: string | null, t: string | null): XlsxCell {
    switch (type) {
      case 's':
        return v === null ? null : (this.shared[Number(v)] ?? null);
      case 'inlineStr':
        return t ?? null;
      case 'str':
        return v ?? t ?? null;
      case 'b':
        return v === '1';
      case 'e':
        return v;
      case 'd':
        // ISO 8601 text as written; read as a Date it would shift by the machine's time zone
        return v ? v.slice(0, 10) : null;
      default: {
        if (v === null || v === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        return this.dateStyles.has(style) ? excelDate(n, this.date1904) : n;
      }
    }
  }
}
