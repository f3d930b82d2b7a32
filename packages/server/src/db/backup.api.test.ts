// Backup → restore under write load gives a consistent, identical database (security issue point 11),
// on SQLite and PostgreSQL; a damaged or foreign file is refused and changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/helpers.js';
import { makeHousehold } from '../../test/fixtures/households.js';
import { verifyAuditChain } from '../modules/audit/audit.repository.js';
import { tallyDifferences } from '../modules/households/tally.repository.js';
import { backupDatabase, BackupProblem, restoreDatabase } from './backup.js';

let source: TestContext;
let city: Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-backup-'));

beforeAll(async () => {
  source = await createTestContext();
  city = await source.userIn('H', 'city');
  for (let i = 0; i < 5; i++) expect((await city.post('/api/households', makeHousehold({ regionCode: 'H03' }))).statusCode).toBe(201);
});
afterAll(async () => {
  await source.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (ctx: TestContext, table: 'households' | 'audit_log') =>
  Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Every table's rows, in key order, as plain JSON: what "identical" means. */
async function everyRow(ctx: TestContext) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['orgs', 'users', 'households', 'household_members', 'household_causes', 'household_versions', 'audit_log', 'audit_head', 'policy_lines', 'sessions'] as const)
    out[t] = JSON.parse(JSON.stringify(await ctx.db.selectFrom(t).selectAll().execute())).sort((a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return out;
}

describe('backup and restore', () => {
  it('a backup taken while households are being filed restores to a consistent database whose chain verifies', async () => {
    const file = path.join(dir, 'under-load.bak');
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing && n < 40) {
        expect((await city.post('/api/households', makeHousehold({ regionCode: 'H04' }))).statusCode).toBe(201);
        n++;
      }
      return n;
    })();
    await new Promise((r) => setTimeout(r, 50));
    await backupDatabase(source.db, file);
    writing = false;
    expect(await writer).toBeGreaterThan(0);

    const target = await createTestContext();
    try {
      await restoreDatabase(target.db, file);
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
      expect(await tallyDifferences(target.db)).toEqual([]); // the kept counts, not in the file, counted again
      // one snapshot: every file in it has its creation audit row, and no audit row lacks its file
      const files = await count(target, 'households');
      const created = Number((await target.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'household.create').executeTakeFirstOrThrow()).n);
      expect(created).toBe(files);
    } finally {
      await target.close();
    }
  });

  it('at rest, the restored database is identical table by table, and new rows continue after the restored ids', async () => {
    const file = path.join(dir, 'at-rest.bak');
    await backupDatabase(source.db, file);
    const target = await createTestContext();
    try {
      await restoreDatabase(target.db, file);
      expect(await everyRow(target)).toEqual(await everyRow(source));
      const user = await target.admin(); // the source's admin, restored with its password
      expect((await user.post('/api/households', makeHousehold({ regionCode: 'H05' }))).statusCode).toBe(201);
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    } finally {
      await target.close();
    }
  });

  it('keeps the files of 调研报告 byte for byte', async () => {
    const region = await source.userIn('H02', 'region');
    const c = await city.post('/api/campaigns', {
      name: '备份测试行动', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', phases: [],
      deadlines: [{ kind: 'report', label: '调研报告', dueDate: '2026-12-31' }], requiredOrgCodes: ['H02'],
    });
    expect(c.statusCode, c.body).toBe(201);
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256)), Buffer.from('\n%%EOF\n')]);
    const sent = await region.upload(`/api/campaigns/${c.json().id}/research-reports`, [{ name: '报告.pdf', content }], { title: '备份中的报告', summary: '摘要' });
    expect(sent.statusCode, sent.body).toBe(201);
    const file = path.join(dir, 'with-reports.bak');
    await backupDatabase(source.db, file);
    const target = await createTestContext();
    try {
      await restoreDatabase(target.db, file);
      const back = await (await target.admin()).get(`/api/research-reports/${sent.json().id}/file`);
      expect(back.statusCode).toBe(200);
      expect(back.rawPayload.equals(content)).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a damaged file and a foreign file, and leaves the database as it was', async () => {
    const good = path.join(dir, 'good.bak');
    await backupDatabase(source.db, good);
    const text = gunzipSync(fs.readFileSync(good)).toString('utf8');
    const target = await createTestContext();
    try {
      const before = await everyRow(target);
      const tampered = path.join(dir, 'tampered.bak');
      fs.writeFileSync(tampered, gzipSync(text.replace('"H03"', '"H06"')));
      const truncated = path.join(dir, 'truncated.bak');
      fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size / 2)));
      const foreign = path.join(dir, 'foreign.bak');
      fs.writeFileSync(foreign, gzipSync('{"hello":"world"}\n'));
      const older = path.join(dir, 'older.bak');
      fs.writeFileSync(older, gzipSync(text.replace(/"migrations":\[[^\]]*\]/, '"migrations":["001_initial"]')));
      for (const f of [tampered, truncated, foreign, older]) await expect(restoreDatabase(target.db, f), f).rejects.toBeInstanceOf(BackupProblem);
      expect(await everyRow(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });
});

