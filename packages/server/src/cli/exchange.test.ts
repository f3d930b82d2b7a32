import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { makeHousehold } from '../../test/fixtures/households.js';
import { col, readSheet, rowsOf, workbookOf } from '../../test/fixtures/workbooks.js';
import { exportCommand, importCommand, templateCommand } from './exchange.js';

let ctx: TestContext;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-cli-exchange-'));
const uploadDir = path.join(tmp, 'uploads');

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function capture() {
  const lines: string[] = [];
  return { lines, print: (l: string) => lines.push(l) };
}

describe('bangfu import / export / template', () => {
  it('prints the check and the bad rows, writes only with --commit (and --good-rows-only when rows are bad)', async () => {
    const good = rowsOf(makeHousehold({ name: '命令行甲' }));
    const bad = rowsOf(makeHousehold({ name: '命令行乙' }));
    bad.worker[col('fillDate')] = '2016-13-40';
    const file = path.join(tmp, 'in.xlsx');
    fs.writeFileSync(file, await workbookOf([good.worker, bad.worker], [...good.members, ...bad.members]));
    const count = async () => Number((await ctx.db.selectFrom('households').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    const dry = capture();
    expect(await importCommand(ctx.db, [file], { commit: false, goodRowsOnly: false, uploadDir }, dry.print)).toBe(2);
    expect(dry.lines.join('\n')).toContain('新增 new 1');
    expect(dry.lines.find((l) => l.includes('✗'))).toMatch(/职工 第4行 填报日期「2016-13-40」：填报日期应为有效日期/);
    expect(await count()).toBe(0);

    const refused = capture();
    expect(await importCommand(ctx.db, [file], { commit: true, goodRowsOnly: false, uploadDir }, refused.print)).toBe(2);
    expect(await count()).toBe(0);

    const done = capture();
    expect(await importCommand(ctx.db, [file], { commit: true, goodRowsOnly: true, uploadDir }, done.print)).toBe(0);
    expect(done.lines.at(-1)).toContain('新增 created 1');
    expect(await count()).toBe(1);
    expect(fs.existsSync(file)).toBe(true); // the user's own file stays
    const audit = await ctx.db.selectFrom('audit_log').select(['username']).where('action', '=', 'import.commit').executeTakeFirstOrThrow();
    expect(audit.username).toBe('cli');
  });

  it('exports a region and writes the template', async () => {
    const out = path.join(tmp, 'out.xlsx');
    const exported = capture();
    await exportCommand(ctx.db, out, { region: 'h04' }, exported.print);
    expect(exported.lines[0]).toContain('1 户');
    const rows = await readSheet(fs.readFileSync(out), '职工');
    expect(rows[2][col('name')]).toBe('命令行甲');
    const template = path.join(tmp, 't.xlsx');
    await templateCommand(template, () => {});
    expect((await readSheet(fs.readFileSync(template), '职工'))[1][col('idNumber')]).toBe('身份证号');
  });

  it('names a missing file', async () => {
    await expect(importCommand(ctx.db, [path.join(tmp, 'nope.xlsx')], { commit: false, goodRowsOnly: false, uploadDir }, () => {})).rejects.toThrow(/文件不存在/);
  });
});
