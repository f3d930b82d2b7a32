// The server's floor plan, checked by reading the source (no database):
// 1. SQL that writes (insertInto, updateTable, deleteFrom) and raw SQL (sql`…`) live only in
//    repositories (*.repository.ts), named read models (*.queries.ts) and db/.
// 2. Every table has exactly one writing module: the one whose repository holds its writes.
// 3. Every error code of core's contract is one the server sends, so the web maps no code in vain.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@bangfu/core';

const SRC = import.meta.dirname;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const files = sources(SRC).map((f) => ({ path: rel(f), text: fs.readFileSync(f, 'utf8') }));

/** Where SQL may be written: repositories, read models, and the database layer itself. */
const holdsSql = (p: string) => /\.(repository|queries)\.ts$/.test(p) || p.startsWith('db/');

/** The module a file belongs to: modules/<name>/…, else its top folder (cli, demo, lib) or the file. */
const moduleOf = (p: string) => (p.startsWith('modules/') ? p.split('/')[1] : p.split('/')[0]);

const WRITE = /\.(insertInto|updateTable|deleteFrom)\(\s*(['"`]?)([\w.]*)/g;
const RAW_SQL = /\bsql\s*(<[^`;]*?>)?\s*`/;

describe('where SQL lives', () => {
  it('no service, route, job or helper writes a table or holds raw SQL', () => {
    const offences: string[] = [];
    for (const f of files) {
      if (holdsSql(f.path)) continue;
      for (const m of f.text.matchAll(WRITE)) offences.push(`${f.path}: ${m[1]}(${m[2]}${m[3]}…)`);
      if (RAW_SQL.test(f.text)) offences.push(`${f.path}: raw sql\`…\``);
    }
    expect(offences).toEqual([]);
  });

  it('every write outside db/ (whose backup and restore copy every table) names its table literally, so that its owner can be known', () => {
    const dynamic: string[] = [];
    for (const f of files.filter((x) => !x.path.startsWith('db/')))
      for (const m of f.text.matchAll(WRITE)) if (!m[2] || m[2] === '`') dynamic.push(`${f.path}: ${m[1]}(${m[3]}…)`);
    expect(dynamic).toEqual([]);
  });

  it('every table is written by exactly one module', () => {
    const writers = new Map<string, Set<string>>();
    for (const f of files) {
      if (f.path.startsWith('db/')) continue; // migrations create, backup and restore copy every table
      for (const m of f.text.matchAll(WRITE)) {
        const table = m[3].split(' ')[0];
        if (!writers.has(table)) writers.set(table, new Set());
        writers.get(table)!.add(moduleOf(f.path));
      }
    }
    const shared = [...writers].filter(([, mods]) => mods.size > 1).map(([t, mods]) => `${t}: ${[...mods].sort().join(', ')}`);
    expect(shared).toEqual([]);
    expect(writers.size).toBeGreaterThan(20); // the scan does find the writes
  });
});

describe('the error contract', () => {
  it('every code of core\'s ERROR_CODES is sent by the server', () => {
    const all = files.map((f) => f.text).join('\n');
    const unsent = Object.keys(ERROR_CODES).filter((code) => !all.includes(`'${code}'`));
    expect(unsent).toEqual([]);
  });
});
