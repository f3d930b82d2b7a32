import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/helpers.js';
import { makeHousehold } from '../../test/fixtures/households.js';
import { AppError } from '../lib/errors.js';
import { printCommand } from './print.js';

let ctx: TestContext;
let clerk: Client;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-cli-print-'));

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.userIn('H', 'city');
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const pages = (file: string) => (fs.readFileSync(file, 'latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;
const cliRows = () => ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.print').where('username', '=', 'cli').orderBy('id').execute();

describe('bangfu print', () => {
  it('writes one worker\'s form to a file and audits it as cli, with identity numbers in full', async () => {
    const h = (await clerk.post('/api/households', makeHousehold({ regionCode: 'H06' }))).json();
    const out = path.join(tmp, 'one.pdf');
    // a lower-case worker number is accepted
    const r = await printCommand(ctx.db, [h.workerNo.toLowerCase(), out]);
    expect(r).toEqual({ out, count: 1 });
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(out)).toBe(1);
    const row = (await cliRows()).at(-1)!;
    expect(row).toMatchObject({ entity_id: String(h.id) });
    expect(row.user_id).not.toBeNull(); // the built-in cli account, a real user
    expect(JSON.parse(row.detail!)).toEqual({ workerNo: h.workerNo, fullIdentity: true });
  });

  it('writes a region\'s forms in one file', async () => {
    for (let i = 0; i < 2; i++) expect((await clerk.post('/api/households', makeHousehold({ regionCode: 'H07' }))).statusCode).toBe(201);
    const out = path.join(tmp, 'region.pdf');
    expect(await printCommand(ctx.db, ['--region', 'h07', out])).toEqual({ out, count: 2 });
    expect(pages(out)).toBe(2);
    expect(JSON.parse((await cliRows()).at(-1)!.detail!)).toMatchObject({ batch: true, count: 2, filter: { regionCode: 'H07' } });
  });

  it('says in Chinese that a worker number is unknown, and writes no file', async () => {
    const out = path.join(tmp, 'none.pdf');
    const err = await printCommand(ctx.db, ['H0899999', out]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).userMessage).toBe('找不到职工编号为 H0899999 的档案，请核对职工编号（例如 H0100001）');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('explains its usage when the arguments are wrong', async () => {
    await expect(printCommand(ctx.db, ['H0100001'])).rejects.toThrow(/usage: bangfu print/);
    await expect(printCommand(ctx.db, ['H0100001', 'out.txt'])).rejects.toThrow(/should end in \.pdf/);
    await expect(printCommand(ctx.db, ['--region', 'H01', 'a.pdf', 'b.pdf'])).rejects.toThrow(/usage/);
  });
});
