// The 调研报告 data draft opened by real word-processing software: LibreOffice Writer (headless)
// converts the .docx to PDF, and the PDF's text (pdftotext) holds the organization's numbers, the
// masked case and the chart pages. Runs in the `office` project (soffice with Writer, poppler).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE_PATH || 'soffice';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-writer-'));
const year = Number(todayInChina().slice(0, 4));

let ctx: TestContext;
let city: Client;
let filed: { name: string; idNumber: string };

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  const res = await city.post('/api/households', makeHousehold({ regionCode: 'H02', fillDate: `${year}-03-01`, name: '上官明月', category: '低保边缘户', causes: ['因病'] }));
  filed = res.json();
  await ctx.fileThrough(res.json().id, city);
  await city.post('/api/households', makeHousehold({ regionCode: 'H02', fillDate: `${year}-03-02`, category: '低保户' }));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('LibreOffice Writer', () => {
  it('opens the draft: its PDF holds the numbers, the masked case, and the charts as images', async () => {
    const res = await city.get(`/api/research-drafts.docx?orgCode=H02&year=${year}`);
    expect(res.statusCode).toBe(200);
    const docx = path.join(work, 'draft.docx');
    fs.writeFileSync(docx, res.rawPayload);
    await run(SOFFICE, [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx], { timeout: 120_000 });
    const pdf = path.join(work, 'draft.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
    const text = stdout.replace(/\s+/g, '');
    expect(text).toContain(`${year}年度困难职工精准帮扶工作调研报告`);
    expect(text).toContain('档案共2户');
    expect(text).toContain('已建档1户');
    expect(text).toContain(maskName(filed.name));
    expect(text).not.toContain(maskIdNumber(filed.idNumber));
    expect(text).not.toContain(filed.name);
    // the two charts (困难类别, 家庭年人均收入) came through as images
    const { stdout: images } = await run('pdfimages', ['-list', pdf]);
    expect(images.trim().split('\n').length - 2).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
