import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '@bangfu/core';
import { buildApp } from '../../app.js';
import { ADMIN_PASSWORD, createTestContext, loginClient, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';
import { loadActor } from '../auth/auth.service.js';
import { MAX_BATCH, printBatch } from './print.service.js';
import { defaultFontCandidates, fontProvider } from './pdf.font.js';

let ctx: TestContext;
let clerk: Client; // 市总工会: identity and phone numbers in full
let county: Client; // 县区工会 of H01: in full, its own region only
let other: Client; // 县区工会 of H02
let admin: Client; // 系统管理员: both masked
const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPdftotext = fs.existsSync(PDFTOTEXT);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-print-'));

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.userIn('H', 'city');
  county = await ctx.userIn('H01', 'region');
  other = await ctx.userIn('H02', 'region');
  admin = await ctx.admin();
  if (!hasPdftotext) console.warn(`NOTICE: ${PDFTOTEXT} (poppler-utils) is absent: the PDF text checks are left out, the structure checks still run`);
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;

/** The text of the PDF (or of one page) as poppler reads it; undefined without pdftotext. */
function textOf(pdf: Buffer, page?: number): string | undefined {
  if (!hasPdftotext) return undefined;
  const file = path.join(tmp, `t${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync(PDFTOTEXT, [...range, '-layout', file, '-'], { encoding: 'utf8' });
}

async function createIn(regionCode: string, overrides: Parameters<typeof makeHousehold>[0] = {}) {
  const res = await clerk.post('/api/households', makeHousehold({ regionCode, ...overrides }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; workerNo: string; name: string; idNumber: string; phone: string; members: { idNumber: string }[] };
}

async function printRows(entityId?: number) {
  return ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.print')
    .$if(entityId !== undefined, (q) => q.where('entity_id', '=', String(entityId)))
    .orderBy('id').execute();
}

describe('GET /api/households/:id/print.pdf', () => {
  it('sends the filed household\'s form as one A4 page of PDF with the Chinese font embedded', async () => {
    const h = await createIn('H01', { name: '王建国', causes: ['因病', '子女上学'], needs: '希望得到大病医疗救助' });
    await ctx.fileThrough(h.id);
    const res = await clerk.get(`/api/households/${h.id}/print.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`调查表-${h.workerNo}.pdf`)}`);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${h.workerNo}\\.pdf"; `));
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2'); // the TrueType font is embedded (subset), so any reader shows the Chinese
    expect(raw).toContain('/ToUnicode'); // and the text can be copied and searched
    const text = textOf(pdf);
    if (text !== undefined) {
      expect(text).toContain('年全市工会“三万”活动困难职工调查表');
      expect(text).toContain('姓名');
      expect(text).toContain('王建国');
      expect(text).toContain('因病致困');
      expect(text).toContain('希望得到大病医疗救助');
      expect(text).toContain(h.workerNo);
      expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/);
      // the latest opinions of both levels, from ctx.fileThrough
      expect(text).toContain('情况属实，同意上报');
      expect(text).toContain('同意纳入精准帮扶');
    }
  });

  it('keeps a filed file with a plan of five measures and both opinions on one A4 page, with room for 职工签字 and 单位盖章', async () => {
    // (a plan once pushed 四、工会审核意见 onto an almost empty second page)
    const h = await createIn('H01', {
      causes: ['因病', '子女上学'], causeDescription: '配偶长期患病需要服药，两名子女上学，本人收入不稳定',
      needs: '希望得到大病医疗救助和子女助学', measures: '推荐就业岗位，申请金秋助学和医疗互助',
    });
    await ctx.fileThrough(h.id);
    const plan = await clerk.put(`/api/households/${h.id}/plan`, { items: [
      { measure: 'jobReferral', targetDate: '2016-09-30', status: 'inProgress' },
      { measure: 'skillTraining', targetDate: '2016-10-30', status: 'planned' },
      { measure: 'medicalMutualAid', targetDate: '2016-11-30', status: 'planned' },
      { measure: 'jinqiuEducation', targetDate: '2016-09-01', status: 'planned' },
      { measure: 'winterWarmth', targetDate: '2017-01-20', status: 'planned' },
    ] });
    expect(plan.statusCode, plan.body).toBe(200);
    const res = await clerk.get(`/api/households/${h.id}/print.pdf`);
    expect(res.statusCode).toBe(200);
    expect(pageCount(res.rawPayload)).toBe(1);
    const text = textOf(res.rawPayload);
    if (text !== undefined) {
      expect(text).toContain('职工签字');
      expect(text).toContain('单位盖章');
      expect(text).toContain('签字');
      expect(text).toContain('本人承诺以上所填情况真实无误');
      expect(text).toContain('帮扶计划');
      expect(text).toContain('同意纳入精准帮扶');
    }
  });

  it('a household of 19 members runs onto a second page, where the members table header is repeated', async () => {
    const base = makeHousehold({ regionCode: 'H01' });
    const members = Array.from({ length: 19 }, (_, i) => ({ ...base.members![i % 2], name: `成员${String(i + 1).padStart(2, '0')}`,
      idNumber: i % 2 ? makeIdNumber('20020918', '男') : makeIdNumber('19700705', '女') }));
    const h = await createIn('H01', { members, householdSize: 20 });
    const res = await clerk.get(`/api/households/${h.id}/print.pdf`);
    expect(res.statusCode).toBe(200);
    expect(pageCount(res.rawPayload)).toBe(2);
    const page2 = textOf(res.rawPayload, 2);
    if (page2 !== undefined) {
      expect(page2).toMatch(/家\s+庭\s+成\s+员/);
      expect(page2).toMatch(/姓名\s+关系\s+性别\s+文化程度\s+身份证号/);
      expect(page2).toContain('成员19');
      expect(page2).toMatch(/第\s*2\s*页\s*\/\s*共\s*2\s*页/);
      const all = textOf(res.rawPayload)!;
      for (let i = 1; i <= 19; i++) expect(all).toContain(`成员${String(i).padStart(2, '0')}`);
    }
  });

  it('shows identity and phone numbers as the viewer\'s role sees them, and audits whether they were in full', async () => {
    const h = await createIn('H01');
    const full = await county.get(`/api/households/${h.id}/print.pdf`);
    const masked = await admin.get(`/api/households/${h.id}/print.pdf`);
    expect([full.statusCode, masked.statusCode]).toEqual([200, 200]);
    const rows = await printRows(h.id);
    expect(rows.map((r) => [r.username, JSON.parse(r.detail!).fullIdentity])).toEqual([[county.username, true], ['admin', false]]);
    const fullText = textOf(full.rawPayload);
    const maskedText = textOf(masked.rawPayload);
    if (fullText !== undefined && maskedText !== undefined) {
      expect(fullText).toContain(h.idNumber);
      expect(fullText).toContain(h.phone);
      expect(fullText).toContain(h.members[0].idNumber);
      expect(maskedText).not.toContain(h.idNumber);
      expect(maskedText).not.toContain(h.phone);
      expect(maskedText).not.toContain(h.members[0].idNumber);
      expect(maskedText).toContain(maskIdNumber(h.idNumber));
      expect(maskedText).toContain(maskPhone(h.phone));
      expect(maskedText).toContain(maskIdNumber(h.members[0].idNumber));
    }
  });

  it('answers another region\'s household exactly like a missing one (404) and audits nothing', async () => {
    const h = await createIn('H01');
    const theirs = await other.get(`/api/households/${h.id}/print.pdf`);
    const missing = await other.get('/api/households/99999999/print.pdf');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(missing.json());
    expect(theirs.json()).toEqual({ code: 'NOT_FOUND', message: '档案不存在或无权查看' });
    expect((await other.get('/api/households/abc/print.pdf')).statusCode).toBe(404);
    expect(await printRows(h.id)).toEqual([]);
  });

  it('writes one audit row per print, with the worker number', async () => {
    const h = await createIn('H01');
    await clerk.get(`/api/households/${h.id}/print.pdf`);
    await clerk.get(`/api/households/${h.id}/print.pdf`);
    const rows = await printRows(h.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ entity: 'household', username: clerk.username });
    expect(JSON.parse(rows[0].detail!)).toEqual({ workerNo: h.workerNo, fullIdentity: true });
  });
});

describe('GET /api/households/print.pdf (batch)', () => {
  let h05: { id: number; workerNo: string }[];
  beforeAll(async () => {
    h05 = [];
    for (let i = 0; i < 3; i++) h05.push(await createIn('H05', { name: `批量户${i + 1}` }));
  });

  it('prints every file the filters select, one form after another, and audits one row with the count and filter', async () => {
    const before = (await printRows()).length;
    const res = await clerk.get('/api/households/print.pdf?regionCode=H05&status=draft&q=&page=3&sort=name:asc');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-bangfu-forms']).toBe('3');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''%E8%B0%83%E6%9F%A5%E8%A1%A8-%E6%89%B9%E9%87%8F-\d{8}\.pdf$/);
    expect(pageCount(res.rawPayload)).toBe(3);
    const rows = await printRows();
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1)!;
    expect(row.entity_id).toBeNull();
    expect(JSON.parse(row.detail!)).toEqual({ batch: true, count: 3, filter: { regionCode: 'H05', status: 'draft' }, fullIdentity: true });
    const text = textOf(res.rawPayload);
    if (text !== undefined) for (const h of h05) expect(text).toContain(h.workerNo);
  });

  it('covers only the caller\'s scope: another county\'s user finds nothing to print', async () => {
    const res = await other.get('/api/households/print.pdf?regionCode=H05');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'NOTHING_TO_PRINT', message: expect.stringContaining('没有符合筛选条件的档案') });
  });

  it('refuses an invalid filter with the list\'s field errors', async () => {
    const res = await clerk.get('/api/households/print.pdf?regionCode=hubei&status=gone');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['regionCode', 'status']);
  });

  it('refuses a batch above the cap with a Chinese message to narrow the filter, before printing or auditing', async () => {
    expect(MAX_BATCH).toBe(2000);
    const clerkRow = await ctx.db.selectFrom('users').select('id').where('username', '=', clerk.username).executeTakeFirstOrThrow();
    const actor = (await loadActor(ctx.db, Number(clerkRow.id), null))!;
    const fonts = fontProvider(() => defaultFontCandidates());
    const before = (await printRows()).length;
    await expect(printBatch(ctx.db, actor, { regionCode: 'H05' }, fonts, { max: 2 })).rejects.toMatchObject({
      status: 400, code: 'PRINT_BATCH_TOO_LARGE', userMessage: expect.stringMatching(/有 3 份，超过一次批量打印的上限 2 份。请.*缩小范围/),
    });
    expect((await printRows()).length).toBe(before);
    // at the cap itself it prints
    const ok = await printBatch(ctx.db, actor, { regionCode: 'H05' }, fonts, { max: 3 });
    expect(ok.count).toBe(3);
    const chunks: Buffer[] = [];
    for await (const c of ok.doc) chunks.push(c as Buffer);
    expect(pageCount(Buffer.concat(chunks))).toBe(3);
  });
});

describe('a batch and a slow reader', () => {
  it('draws the next form only when the reader has caught up, and still finishes every form', async () => {
    const clerkRow = await ctx.db.selectFrom('users').select('id').where('username', '=', clerk.username).executeTakeFirstOrThrow();
    const actor = (await loadActor(ctx.db, Number(clerkRow.id), null))!;
    for (let i = 0; i < 3; i++) await createIn('H03');
    const printed = await printBatch(ctx.db, actor, { regionCode: 'H03' }, fontProvider(() => defaultFontCandidates()), { maxBuffered: 1 });
    // a reader that takes the first chunk and then stalls until the gate opens
    let open!: () => void;
    const gate = new Promise<void>((r) => { open = r; });
    const chunks: Buffer[] = [];
    const stalled = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        void gate.then(() => cb());
      },
    });
    const done = pipeline(printed.doc, stalled);
    await new Promise((r) => setTimeout(r, 300));
    const waiting = printed.doc.readableLength;
    open();
    await done;
    const whole = Buffer.concat(chunks);
    expect(pageCount(whole)).toBe(3);
    // without waiting, all three forms and the font would sit in the buffer by now
    expect(waiting).toBeLessThan(whole.length / 2);
  });
});

describe('without a Chinese font', () => {
  it('answers 503 PDF_FONT_MISSING with the fix in Chinese, and audits no print', async () => {
    const app = await buildApp({
      config: { port: 0, host: '127.0.0.1', db: { kind: 'sqlite', file: ':memory:' }, logLevel: 'silent', cookieSecure: false, webDist: '/nonexistent' },
      db: ctx.db, logger: false, pdfFontCandidates: () => [{ source: 'system', regular: { path: path.join(tmp, 'no-such-font.ttc') } }],
    });
    try {
      const h = await createIn('H01');
      const c = await loginClient(app, 'admin', ADMIN_PASSWORD);
      const before = (await printRows()).length;
      for (const url of [`/api/households/${h.id}/print.pdf`, '/api/households/print.pdf?regionCode=H01']) {
        const res = await c.get(url);
        expect(res.statusCode).toBe(503);
        expect(res.json().code).toBe('PDF_FONT_MISSING');
        expect(res.json().message).toMatch(/缺少中文字体.*npm install.*fonts-noto-cjk.*BANGFU_PDF_FONT/);
      }
      expect((await printRows()).length).toBe(before);
    } finally {
      await app.close();
    }
  });
});
