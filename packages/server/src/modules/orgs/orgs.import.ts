// Reads a list of grassroots unions from .xlsx: a header row with 名称 and 上级组织代码 (or 所属县区代码).
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.js';
import type { ImportRow } from './orgs.service.js';

const NAME_HEADERS = ['名称', '基层工会名称', '组织名称', 'name'];
const PARENT_HEADERS = ['上级组织代码', '所属县区代码', '上级代码', 'parentCode'];

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

export async function readUnitsXlsx(buffer: Buffer): Promise<ImportRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_FILE', { message: '文件不是有效的 Excel（.xlsx）工作簿', errors: [{ path: 'file', message: '请上传 .xlsx 文件' }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INVALID_FILE', { message: '工作簿中没有工作表', errors: [{ path: 'file', message: '工作簿中没有工作表' }] });
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v).trim());
  const nameCol = header.findIndex((h) => NAME_HEADERS.includes(h));
  const parentCol = header.findIndex((h) => PARENT_HEADERS.includes(h));
  if (nameCol < 0 || parentCol < 0)
    throw new AppError('INVALID_FILE', { message: '第1行应为表头，包含“名称”和“上级组织代码”两列', errors: [{ path: 'file', message: '缺少“名称”或“上级组织代码”列' }] });
  const rows: ImportRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const nameV = cellText(row.getCell(nameCol).value).trim();
    const parentV = cellText(row.getCell(parentCol).value).trim();
    if (!nameV && !parentV) return;
    rows.push({ row: n, name: nameV, parentCode: parentV });
  });
  return rows;
}
