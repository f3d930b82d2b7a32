// Checked against real spreadsheet software (issue #6 part 5): LibreOffice Calc headless reads
// an exported workbook and shows the same values, and a workbook that LibreOffice wrote imports
// into a fresh database as the same files. Runs in the `office` project, which needs `soffice`
// (Debian's libreoffice-calc); npm test skips it with a notice where it is missing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Client, TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { readSheet, rowsOf, workbookOf, type Cells } from '../../../test/fixtures/workbooks.js';
import { iterateSyntheticHouseholds } from '../../demo/synthetic.js';
import { allFiles, importAndCommit, twoDatabases } from '../../../test/fixtures/imports.js';

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE_PATH || 'soffice';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-lo-'));
const profile = `file://${path.join(work, 'profile')}`;

/** One LibreOffice conversion, in a private profile so parallel runs never share a lock. */
async function convert(file: string, to: string, outdir: string): Promise<void> {
  fs.mkdirSync(outdir, { recursive: true });
  await run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, file], { timeout: 120_000 });
}

let a: TestContext;
let b: TestContext;
let cityA: Client;
let cityB: Client;
let closeAll: () => Promise<void>;

beforeAll(async () => {
  ({ a, b, cityA, cityB, close: closeAll } = await twoDatabases());
}, 60_000);
afterAll(async () => {
  await closeAll?.();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A cell as LibreOffice's CSV shows it vs. the workbook's value: numbers compared as numbers. */
function same(csv: string, value: unknown): boolean {
  if (value === null || value === undefined) return csv === '';
  if (typeof value === 'number') return csv !== '' && Number(csv) === value;
  return csv === String(value);
}

describe('LibreOffice Calc', () => {
  it('reads an export with the same values, and its own re-save imports as identical files', async () => {
    const workers: Cells[] = [];
    const members: Cells[] = [];
    const odd = rowsOf(makeHousehold({ name: '欧阳·娜仁', address: '荆门市东宝区"象山"一路12号，3单元', otherHardship: '多行\n说明', householdAnnualIncome: 18000.05 }));
    workers.push(odd.worker);
    members.push(...odd.members);
    for (const h of iterateSyntheticHouseholds(60, 77)) {
      const r = rowsOf(h);
      workers.push(r.worker);
      members.push(...r.members);
    }
    expect((await importAndCommit(a, cityA, 'start.xlsx', await workbookOf(workers, members))).done.result.created).toBe(61);
    const exported = await cityA.get('/api/households/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const file = path.join(work, 'export.xlsx');
    fs.writeFileSync(file, exported.rawPayload);

    // 1. LibreOffice shows the same values: every sheet to CSV (sheet -1 = all, UTF-8, as shown)
    await convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', path.join(work, 'csv'));
    for (const sheet of ['职工', '家庭成员']) {
      const csvFile = path.join(work, 'csv', `export-${sheet}.csv`);
      expect(fs.existsSync(csvFile), `LibreOffice wrote ${csvFile}`).toBe(true);
      const shown = parseCsv(fs.readFileSync(csvFile, 'utf8'), { relax_column_count: true }) as string[][];
      const ours = await readSheet(exported.rawPayload, sheet);
      expect(shown.length).toBeGreaterThanOrEqual(ours.length);
      for (let r = 1; r < ours.length; r++) // row 1 is the title (merged): its text is checked below
        for (let c = 0; c < ours[r].length; c++)
          if (!same(shown[r][c] ?? '', ours[r][c])) expect(`${sheet} R${r + 1}C${c + 1}: ${shown[r][c]}`).toBe(`${sheet} R${r + 1}C${c + 1}: ${String(ours[r][c])}`);
      expect(shown[0][0]).toBe(String(ours[0][0]));
    }

    // 2. a workbook written by LibreOffice (shared strings, its own styles) imports as the same files
    await convert(file, 'xlsx:Calc MS Excel 2007 XML', path.join(work, 'lo'));
    const loFile = path.join(work, 'lo', 'export.xlsx');
    const loBytes = fs.readFileSync(loFile);
    expect(loBytes.equals(exported.rawPayload)).toBe(false);
    const { done } = await importAndCommit(b, cityB, 'libreoffice.xlsx', loBytes);
    expect(done.result).toEqual({ created: 61, updated: 0, skipped: 0, stale: 0 });
    expect(await allFiles(b.db)).toEqual(await allFiles(a.db));
  }, 300_000);
});
