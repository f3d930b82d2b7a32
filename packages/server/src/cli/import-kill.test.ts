// An import killed midway leaves the database as it was: `bangfu import --commit` runs in its own
// process on a SQLite file, is killed with SIGKILL while it writes, and the files are untouched;
// run again, it completes; the killed import is not resumed behind anyone's back. (SQLite file only: the point is a real process dying mid-transaction.)
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
    return { households: await n('households'), members: await n('household_members'), versions: await n('household_versions') };
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
  it('leaves the database as it was, and a second run completes', async () => {
    const db = openDb({ kind: 'sqlite', file: dbFile });
    await migrateToLatest(db);
    await seedOrgs(db);
    await db.destroy();
    const workers: Cells[] = [];
    const members: Cells[] = [];
    for (const h of iterateSyntheticHouseholds(3000, 99)) {
      const r = rowsOf(h);
      workers.push(r.worker);
      members.push(...r.members);
    }
    const file = path.join(tmp, 'big.xlsx');
    fs.writeFileSync(file, await workbookOf(workers, members));
    const before = await counts();

    // killed once the writing has visibly begun (progress after some rows were written)
    const killed = await runCli(['import', file, '--commit'], (l) => /^\s*写入 [1-9]\d* \/ 3000/.test(l));
    expect(killed.signal, killed.out).toBe('SIGKILL');
    expect(killed.out).toMatch(/写入 [1-9]\d* \/ 3000/);
    expect(await counts()).toEqual(before);

    const again = await runCli(['import', file, '--commit']);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('新增 created 3000');
    const after = await counts();
    expect(after.households).toBe(before.households + 3000);
    expect(after.members).toBe(before.members + members.length);

    // the killed import is not resumed behind anyone's back: the CLI left it alone, and the server,
    // at its next start, puts it back to "checked" to wait for a new confirmation
    const db2 = openDb({ kind: 'sqlite', file: dbFile });
    try {
      expect((await db2.selectFrom('imports').select('status').where('id', '=', 1).executeTakeFirstOrThrow()).status).toBe('committing');
      const app = await buildApp({ config: { ...loadConfig({}), db: { kind: 'sqlite', file: dbFile }, logLevel: 'silent', webDist: '/nonexistent' }, db: db2, logger: false });
      await app.ready();
      await app.jobs.idle();
      await app.close();
      const first = await db2.selectFrom('imports').select(['status', 'file_error']).where('id', '=', 1).executeTakeFirstOrThrow();
      expect(first.status).toBe('analyzed');
      expect(first.file_error).toContain('中断');
    } finally {
      await db2.destroy();
    }
    expect(await counts()).toEqual(after);
  }, 180_000);
});
