import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../config.js';
import { loadActor } from '../modules/auth/auth.service.js';
import { createHousehold, getHousehold } from '../modules/households/households.service.js';
import { seedOrgs } from '../modules/orgs/orgs.repository.js';
import { ensureAdmin } from '../modules/users/users.service.js';
import { makeHousehold } from '../../test/fixtures/households.js';
import { migrateToLatest, openDb } from './index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-db-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('database', () => {
  it('keeps a filed household across a restart (SQLite file)', async () => {
    const file = path.join(dir, 'restart.sqlite');
    let db = openDb({ kind: 'sqlite', file });
    await migrateToLatest(db);
    await seedOrgs(db);
    await ensureAdmin(db, 'Admin-Restart-1');
    const actor = (await loadActor(db, 1, null))!;
    const created = await createHousehold(db, actor, makeHousehold());
    await db.destroy();

    db = openDb({ kind: 'sqlite', file });
    expect(await migrateToLatest(db)).toEqual([]); // already up to date
    const again = await getHousehold(db, (await loadActor(db, 1, null))!, created.id);
    expect(again).toMatchObject({ workerNo: created.workerNo, name: created.name, householdAnnualIncome: created.householdAnnualIncome, version: 1 });
    expect(again.members).toEqual(created.members);
    await db.destroy();
  });

  it('fails loudly, naming the migration, when the schema cannot be applied', async () => {
    const db = openDb({ kind: 'sqlite', file: path.join(dir, 'broken.sqlite') });
    await sql`create table orgs (x integer)`.execute(db);
    await expect(migrateToLatest(db)).rejects.toThrow(/migration 001_initial failed/);
    await db.destroy();
  });

  it('reads DATABASE_URL', () => {
    expect(parseDatabaseUrl(undefined)).toMatchObject({ kind: 'sqlite' });
    expect(parseDatabaseUrl('sqlite:/tmp/x.sqlite')).toEqual({ kind: 'sqlite', file: '/tmp/x.sqlite' });
    expect(parseDatabaseUrl('postgres://u@h/db')).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/DATABASE_URL/);
  });
});
