// An import killed midway: `bangfu import --commit` runs in its own process on a SQLite file and is
// killed with SIGKILL while it writes. What it wrote are whole batches (each file with its members,
// version and audit row, nothing half written); the server, at its next start, takes the commit
// over from its cursor and writes the rest, nothing twice; the same file imported again then finds
// every household unchanged. (SQLite file only: the point is a real process dying mid-transaction.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDb } from '../db/index.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { seedOrgs } from '../modules/orgs/orgs.repository.js';
import { iterateSyntheticHouseholds } from '../demo/synthetic.js';
import { rowsOf, workbookOf, type Cells } from '../../test/fixtures/workbooks.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-kill-'));
const dbFile = path.join(tmp, 'bangfu.sqlite');
const BIN = path.resolve(import.meta.dirname, '../../bin/bangfu.mjs');
const env = { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, BANGFU_UPLOAD_DIR: path.join(tmp, 'uploads'), LOG_LEVEL: 'silent' };

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function counts() {
  const db = openDb({ kind: 'sqlite', file: dbFile });
  try {
    const n = async (t: 'households' | 'household_members' | 'household_versions') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const created = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'household.create').executeTakeFirstOrThrow()).n);
    return { households: await n('households'), members: await n('household_members'), versions: await n('household_versions'), created };
  } finally {
    await db.destroy();
  }
}

/** Each stored file's number of members, by the worker's identity number. */
async function membersByWorker(): Promise<Map<string, number>> {
  const db = openDb({ kind: 'sqlite', file: dbFile });
  try {
    const rows = await db.selectFrom('households').leftJoin('household_members as m', 'm.household_id', 'households.id')
      .select((eb) => ['households.id_number', eb.fn.count('m.id').as('n')]).groupBy('households.id').execute();
    return new Map(rows.map((r) => [r.id_number, Number(r.n)]));
  } finally {
    await db.destroy();
  }
}

/** Runs the CLI; `killWhen` sees each output line and may ask for SIGKILL. */
function runCli(args: string[], killWhen?: (line: string) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: tmp });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killWhen && out.split('\n').some(killWhen)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('import killed midway', () => {
  it('leaves whole batches written, is taken over by the server from its cursor, and nothing is written twice', async () => {
    const db = openDb({ kind: 'sqlite', file: dbFile });
    await migrateToLatest(db);
    await seedOrgs(db);
    await db.destroy();
    const workers: Cells[] = [];
    const members: Cells[] = [];
    const memberCount = new Map<string, number>();
    for (const h of iterateSyntheticHouseholds(3000, 99)) {
      const r = rowsOf(h);
      workers.push(r.worker);
      members.push(...r.members);
      memberCount.set(h.idNumber, h.members?.length ?? 0);
    }
    const file = path.join(tmp, 'big.xlsx');
    fs.writeFileSync(file, await workbookOf(workers, members));
    const before = await counts();

    // killed once the writing has visibly begun (progress after some batches were written)
    const killed = await runCli(['import', file, '--commit'], (l) => /^\s*写入 [1-9]\d* \/ 3000/.test(l));
    expect(killed.signal, killed.out).toBe('SIGKILL');
    const mid = await counts();
    const written = mid.households - before.households;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(3000);
    // whole batches, each file whole: its members, its version row, its audit row
    expect(written % 100).toBe(0); // SQLite's batches: commitBatchSize
    expect(mid.versions - before.versions).toBe(written);
    expect(mid.created - before.created).toBe(written);
    for (const [idNumber, n] of await membersByWorker()) expect(n, idNumber).toBe(memberCount.get(idNumber));

    // the server, at its next start, takes the killed commit over (its owner is dead) and finishes it
    const db2 = openDb({ kind: 'sqlite', file: dbFile });
    try {
      expect((await db2.selectFrom('imports').select('status').where('id', '=', 1).executeTakeFirstOrThrow()).status).toBe('committing');
      const app = await buildApp({ config: { ...loadConfig({}), db: { kind: 'sqlite', file: dbFile }, logLevel: 'silent', webDist: '/nonexistent' }, db: db2, logger: false });
      await app.ready();
      await app.jobs.idle();
      await app.close();
      const first = await db2.selectFrom('imports').select(['status', 'created_count', 'stale_count']).where('id', '=', 1).executeTakeFirstOrThrow();
      expect(first).toEqual({ status: 'committed', created_count: 3000, stale_count: 0 });
    } finally {
      await db2.destroy();
    }
    const after = await counts();
    expect(after.households).toBe(before.households + 3000);
    expect(after.members).toBe(before.members + members.length);
    expect(after.versions).toBe(before.versions + 3000);
    expect(after.created).toBe(before.created + 3000);

    // the same file again: every household is there as it is in the file
    const again = await runCli(['import', file, '--commit']);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('无变化 unchanged 3000');
    expect(await counts()).toEqual(after);
  }, 240_000);
});
