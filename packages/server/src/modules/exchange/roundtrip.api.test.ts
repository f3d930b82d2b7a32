// Export → import of 10,000 households reproduces identical files, and the same file twice
// changes nothing the second time (issue #6's "done when").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestContext } from '../../../test/helpers.js';
import { iterateSyntheticHouseholds } from '../../demo/synthetic.js';
import { readSheet, rowsOf, workbookOf, type Cells } from '../../../test/fixtures/workbooks.js';
import { allFiles, importAndCommit, twoDatabases } from '../../../test/fixtures/imports.js';

const COUNT = Number(process.env.ROUNDTRIP_COUNT ?? 10_000);
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
});

const dataRows = (sheet: unknown[][]) => sheet.slice(2);

describe(`round trip of ${COUNT} households`, () => {
  it('imports a union spreadsheet, exports it, and a fresh database importing the export holds identical files', async () => {
    const workers: Cells[] = [];
    const members: Cells[] = [];
    for (const h of iterateSyntheticHouseholds(COUNT, 2016)) {
      const r = rowsOf(h);
      workers.push(r.worker);
      members.push(...r.members);
    }
    const first = await importAndCommit(a, cityA, 'roundtrip.xlsx', await workbookOf(workers, members));
    expect(first.check.counts).toMatchObject({ rows: COUNT, new: COUNT, error: 0 });
    expect(first.done.result).toEqual({ created: COUNT, updated: 0, skipped: 0, stale: 0 });

    const exportA = await cityA.get('/api/households/export.xlsx');
    expect(exportA.statusCode).toBe(200);
    const second = await importAndCommit(b, cityB, 'roundtrip.xlsx', exportA.rawPayload);
    expect(second.done.result).toEqual({ created: COUNT, updated: 0, skipped: 0, stale: 0 });

    const filesA = await allFiles(a.db);
    const filesB = await allFiles(b.db);
    expect(filesA.length).toBe(COUNT);
    expect(filesB).toEqual(filesA); // worker numbers included

    // the two exports hold the same cells (the title row carries the time)
    const exportB = await cityB.get('/api/households/export.xlsx');
    for (const sheet of ['职工', '家庭成员']) {
      const sa = dataRows(await readSheet(exportA.rawPayload, sheet));
      const sb = dataRows(await readSheet(exportB.rawPayload, sheet));
      expect(sb.length).toBe(sa.length);
      expect(sb).toEqual(sa);
    }
    expect(dataRows(await readSheet(exportA.rawPayload, '家庭成员')).length).toBe(members.length);

    // the same file twice: everything unchanged, nothing written
    const versions = async () => Number((await b.db.selectFrom('household_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await versions();
    const again = await importAndCommit(b, cityB, 'roundtrip.xlsx', exportA.rawPayload);
    expect(again.check.counts).toMatchObject({ new: 0, changed: 0, unchanged: COUNT, error: 0 });
    expect(again.done.result).toEqual({ created: 0, updated: 0, skipped: 0, stale: 0 });
    expect(await versions()).toBe(before);
  }, 900_000);
});
