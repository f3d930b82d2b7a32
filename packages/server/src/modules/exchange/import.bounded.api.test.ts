// Security issue points 6 and 7: an upload is bounded in memory and in what it writes. A 3.4 MB
// workbook of huge inline cells once ran the server out of memory; a CSV repeating one identity
// number made every row's message list every row number (493 MB from 529 KB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { WORKER_COLUMNS } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { craftedXlsx, rowsOf } from '../../../test/fixtures/workbooks.js';

let ctx: TestContext;
let city: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

async function check(name: string, content: Buffer) {
  const res = await city.upload('/api/imports', [{ name, content }]);
  expect(res.statusCode, res.body).toBe(202);
  await ctx.app.jobs.idle();
  return (await city.get(`/api/imports/${res.json().id}`)).json();
}


const inline = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

describe('bounded uploads', () => {
  it('refuses an inline cell longer than Excel allows, without reading it whole', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const v = await check('huge-cell.xlsx', await craftedXlsx(`<row r="1">${inline('A1', '姓名')}</row><row r="2">${inline('A2', 'x'.repeat(5_000_000))}</row>`));
    expect(v.status).toBe('failed');
    expect(v.fileError).toContain('超出了 Excel 表格的范围');
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a row of many cells that together hold too much text', async () => {
    const cells = Array.from({ length: 200 }, (_, i) => inline(`${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}2`, 'y'.repeat(1000))).join('');
    const v = await check('huge-row.xlsx', await craftedXlsx(`<row r="1">${inline('A1', '姓名')}</row><row r="2">${cells}</row>`));
    expect(v.status).toBe('failed');
  });

  it('refuses a zip bomb: an entry that inflates past the limit, without inflating it all', async () => {
    process.env.BANGFU_XLSX_MAX_ENTRY_MB = '8';
    try {
      const started = Date.now();
      const v = await check('bomb.xlsx', await craftedXlsx(`<row r="1">${inline('A1', '姓名')}</row>${' '.repeat(40 * 1024 * 1024)}`));
      expect(v.status).toBe('failed');
      expect(v.fileError).toContain('超出了 Excel 表格的范围');
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      delete process.env.BANGFU_XLSX_MAX_ENTRY_MB;
    }
  });

  it('does not expand entities a workbook declares (the billion laughs)', async () => {
    const lol = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="职工" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?>${lol}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline('A1', '&c;')}</row></sheetData></worksheet>`);
    const v = await check('lol.xlsx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(v.status).toBe('failed');
    expect(JSON.stringify(v)).not.toContain('aaaaaaaaaa');
  });

  it('refuses a CSV cell longer than a cell can hold', async () => {
    const header = WORKER_COLUMNS.map((c) => c.label).join(',');
    const v = await check('huge.csv', Buffer.from(`${header}\n${'z'.repeat(40_000)},x\n`, 'utf8'));
    expect(v.status).toBe('failed');
  });

  it('one identity number repeated on many rows: each message names at most ten rows', async () => {
    const { worker } = rowsOf(makeHousehold({ regionCode: 'H02' }));
    const header = WORKER_COLUMNS.map((c) => c.label).join(',');
    const line = worker.map((c) => (c === null || c === undefined ? '' : String(c).includes(',') ? `"${c}"` : String(c))).join(',');
    const v = await check('repeated.csv', Buffer.from(`${header}\n${Array.from({ length: 300 }, () => line).join('\n')}\n`, 'utf8'));
    expect(v.status).toBe('analyzed');
    const errors = (await city.get(`/api/imports/${v.id}/errors?pageSize=100`)).json();
    const repeated = errors.items.filter((e: { message: string }) => e.message.includes('出现了300次'));
    expect(repeated.length).toBeGreaterThan(0);
    for (const e of repeated) expect(e.message.length).toBeLessThan(120);
  });
});
