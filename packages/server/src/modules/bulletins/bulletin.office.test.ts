// A published bulletin's PDF read back by pdftotext (poppler): the 版头, its number, the title, the
// edited text, and the 附件 table in the order the data ranks the regions; its Word opened by
// LibreOffice Writer. Runs in the `office` project (soffice with Writer, poppler).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE_PATH || 'soffice';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-bulletin-'));
const today = todayInChina();
const year = Number(today.slice(0, 4));
let ctx: TestContext;
let city: Client;
let id: number;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  // filed rates: 钟祥 (H03) 100%, 东宝 (H04) 50%, 京山 (H01) 0%: not the order of their codes
  const file = async (region: string, filed: boolean) => {
    const res = await city.post('/api/households', makeHousehold({ regionCode: region, fillDate: `${year}-01-15` }));
    if (filed) await ctx.fileThrough(res.json().id, city);
  };
  await file('H03', true);
  await file('H04', true); await file('H04', false);
  await file('H01', false);
  const c = await city.post('/api/campaigns', {
    name: '公文格式测试行动', year, startDate: addDays(today, -30), endDate: addDays(today, 30), phases: [],
    deadlines: [{ kind: 'data', label: '数据上报', dueDate: addDays(today, 5) }], requiredOrgCodes: ['H01', 'H03', 'H04'],
  });
  const b = (await city.post('/api/bulletins', { campaignId: c.json().id, asOf: today })).json();
  id = b.id;
  await city.put(`/api/bulletins/${id}`, { title: b.title, recipients: b.recipients, paragraphs: [...b.paragraphs, '特此通报。'], version: b.version });
  await city.post(`/api/bulletins/${id}/publish`);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('通报 as documents', () => {
  it('PDF: pdftotext finds the 版头, number, title, text and the ranking in order', async () => {
    const pdf = path.join(work, 'b.pdf');
    fs.writeFileSync(pdf, (await city.get(`/api/bulletins/${id}.pdf`)).rawPayload);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/[ \t]+/g, ' ');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('荆门市总工会“三万”活动工作领导小组办公室');
    expect(flat).toContain(`荆工帮通〔${year}〕1号`);
    expect(flat).toContain('关于公文格式测试行动工作进展情况的通报');
    expect(flat).toContain('特此通报。');
    const table = text.slice(text.indexOf('附件'));
    const at = (name: string) => table.search(new RegExp(`\\n\\s*\\d\\s+${name}`));
    expect([at('钟祥'), at('东宝'), at('京山')].every((i) => i > 0)).toBe(true);
    expect(at('钟祥')).toBeLessThan(at('东宝'));
    expect(at('东宝')).toBeLessThan(at('京山'));
  });

  it('Word: LibreOffice Writer opens it and its PDF holds the same ranking', async () => {
    const docx = path.join(work, 'b.docx');
    fs.writeFileSync(docx, (await city.get(`/api/bulletins/${id}.docx`)).rawPayload);
    await run(SOFFICE, [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx], { timeout: 120_000 });
    const flat = (await run('pdftotext', [path.join(work, 'b.pdf'), '-'])).stdout.replace(/\s+/g, '');
    expect(flat).toContain(`荆工帮通〔${year}〕1号`);
    // the table comes out column by column: the names in the order of rank
    const table = flat.slice(flat.indexOf('附件'));
    expect(table.indexOf('钟祥')).toBeGreaterThan(0);
    expect(table.indexOf('钟祥')).toBeLessThan(table.indexOf('东宝'));
    expect(table.indexOf('东宝')).toBeLessThan(table.indexOf('京山'));
  }, 180_000);
});
