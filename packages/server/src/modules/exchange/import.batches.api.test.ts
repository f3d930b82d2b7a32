// The commit writes an import batch by batch (import.commit.ts): other requests are answered
// between batches (on SQLite too), a file that changed after the check is left out with its reason
// and the rest goes in, and a commit that cannot go on keeps what its batches wrote and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { col, rowsOf, workbookOf, type Cells } from '../../../test/fixtures/workbooks.js';
import { iterateSyntheticHouseholds } from '../../demo/synthetic.js';
import { commitBatchSize, STALE_REASONS } from './import.commit.js';

let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

/** A workbook of `count` synthetic new households (worker numbers left to the server), plus extra rows. */
async function bigWorkbook(count: number, seed: number, extra: { worker: Cells; members: Cells[] }[] = []) {
  const workers: Cells[] = [];
  const members: Cells[] = [];
  for (const h of [...iterateSyntheticHouseholds(count, seed)].map(rowsOf).concat(extra)) {
    workers.push(h.worker);
    members.push(...h.members);
  }
  return [{ name: '大批量.xlsx', content: await workbookOf(workers, members) }];
}

async function checked(client: Client, files: { name: string; content: Buffer }[]) {
  const res = await client.upload('/api/imports', files);
  expect(res.statusCode, res.body).toBe(202);
  await ctx.app.jobs.idle();
  return (await client.get(`/api/imports/${res.json().id}`)).json();
}

/** Polls the import until its commit has written at least one batch and is not finished. */
async function afterFirstBatch(client: Client, id: number) {
  for (;;) {
    const v = (await client.get(`/api/imports/${id}`)).json();
    expect(v.status).toBe('committing');
    if (v.progress.done >= commitBatchSize(ctx.db)) {
      expect(v.progress).toMatchObject({ phase: 'writing', total: expect.any(Number) });
      expect(v.progress.done).toBeLessThan(v.progress.total);
      return v;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The files an import wrote: their version rows name it. */
const idsOfImport = async (importId: number) =>
  (await ctx.db.selectFrom('household_versions').select('household_id').where('reason', '=', `Excel导入：大批量.xlsx（导入批次 #${importId}）`).execute())
    .map((r) => Number(r.household_id));

describe('commit in batches', () => {
  it('answers other requests between batches, and leaves out the files changed after the check with the reason', async () => {
    // A: a stored file the workbook changes; B: a new worker someone else files after the check
    const a = makeHousehold({ name: '甲改户', regionCode: 'H01' });
    const createdA = await city.post('/api/households', a);
    expect(createdA.statusCode, createdA.body).toBe(201);
    const rowA = rowsOf(a);
    rowA.worker[col('workerNo')] = createdA.json().workerNo;
    rowA.worker[col('householdAnnualIncome')] = 19000;
    const b = makeHousehold({ name: '乙新户', regionCode: 'H02' });
    const view = await checked(city, await bigWorkbook(999, 4101, [rowA, rowsOf(b)]));
    expect(view.counts).toMatchObject({ rows: 1001, new: 1000, changed: 1, error: 0 });

    // after the check: A edited by someone, B filed by someone
    const fileA = (await city.get(`/api/households/${createdA.json().id}`)).json();
    expect((await city.put(`/api/households/${fileA.id}`, { ...fileA, phone: '13900000001', version: fileA.version })).statusCode).toBe(200);
    const filedB = await city.post('/api/households', b);
    expect(filedB.statusCode, filedB.body).toBe(201);

    const started = await city.post(`/api/imports/${view.id}/commit`, {});
    expect(started.statusCode, started.body).toBe(202);
    await afterFirstBatch(city, view.id);
    // a cadre files a household while the import is writing: answered before the import ends
    const c = await city.post('/api/households', makeHousehold({ name: '丙同时户', regionCode: 'H03' }));
    expect(c.statusCode, c.body).toBe(201);
    expect((await city.get(`/api/imports/${view.id}`)).json().status).toBe('committing');
    await ctx.app.jobs.idle();

    const done = (await city.get(`/api/imports/${view.id}`)).json();
    expect(done.status).toBe('committed');
    expect(done.result).toEqual({ created: 999, updated: 0, skipped: 0, stale: 2 });
    // C went in between the import's batches
    const imported = await idsOfImport(view.id);
    expect(imported).toHaveLength(999);
    expect(Math.min(...imported)).toBeLessThan(c.json().id);
    expect(Math.max(...imported)).toBeGreaterThan(c.json().id);

    const stale = (await city.get(`/api/imports/${view.id}/rows?status=stale`)).json();
    expect(stale.total).toBe(2);
    expect(stale.items.map((r: { name: string; note: string }) => [r.name, r.note])).toEqual([
      ['甲改户', STALE_REASONS.edited],
      ['乙新户', STALE_REASONS.idNumberFiled],
    ]);
    // A keeps the other person's edit, B is filed once, by the other person
    const afterA = (await city.get(`/api/households/${fileA.id}`)).json();
    expect(afterA.householdAnnualIncome).toBe(18000);
    expect(afterA.phone).toBe('13900000001');
    const bs = await ctx.db.selectFrom('households').select('id').where('id_number', '=', filedB.json().idNumber).execute();
    expect(bs.map((r) => Number(r.id))).toEqual([filedB.json().id]);
    const audit = await ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'import.commit').where('entity_id', '=', String(view.id)).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ created: 999, updated: 0, stale: 2 });
    // every written file is whole: its version row and its audit row
    const created = await ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'household.create').where('entity_id', 'in', imported.map(String)).execute();
    expect(created).toHaveLength(999);
  }, 120_000);

  it('stops when the uploader is disabled midway, keeps the batches written, and the same file again writes only the rest', async () => {
    const uploader = await ctx.userIn('H', 'city');
    const admin = await ctx.admin();
    const me = await ctx.db.selectFrom('users').select('id').where('username', '=', uploader.username).executeTakeFirstOrThrow();
    const files = await bigWorkbook(1000, 4202);
    const view = await checked(uploader, files);
    expect(view.counts).toMatchObject({ new: 1000, error: 0 });
    expect((await uploader.post(`/api/imports/${view.id}/commit`, {})).statusCode).toBe(202);
    await afterFirstBatch(uploader, view.id);
    const disabled = await admin.patch(`/api/users/${me.id}`, { active: false });
    expect(disabled.statusCode, disabled.body).toBe(200);
    await ctx.app.jobs.idle();

    const failed = (await city.get(`/api/imports/${view.id}`)).json();
    expect(failed.status).toBe('failed');
    const written = failed.result.created;
    expect(written % commitBatchSize(ctx.db)).toBe(0);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(1000);
    expect(failed.fileError).toContain('上传文件的账号已停用');
    expect(failed.fileError).toContain(`已写入 ${written} 户`);
    expect(await idsOfImport(view.id)).toHaveLength(written);

    const again = await checked(city, files);
    expect(again.counts).toMatchObject({ rows: 1000, new: 1000 - written, unchanged: written });
  }, 120_000);
});
