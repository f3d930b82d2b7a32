#!/usr/bin/env node
// `npm run bench -- [--count N] [--db sqlite|pg] [--check]`: the Excel exchange benchmark
// (bench/exchange.bench.ts), with the V8 heap capped at 256 MB: an export or check that needed
// memory in proportion to the number of households would fail here instead of passing on a big
// machine.
// `npm run bench -- api --count N --db sqlite|pg [--reload] …`: the API benchmark (bench/api.bench.ts):
// bulk load, the real server, autocannon; prints a markdown table.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [first, ...rest] = process.argv.slice(2);
// with --commit, the young generation of the server's jobs process, where imports run (JOBS_EXEC_ARGV in
// packages/server/src/cli/index.ts); not otherwise, so that the export's and the check's memory stay comparable
const COMMIT_ARGV = ['--max-semi-space-size=64'];
const argv = first === 'api'
  ? ['--import', 'tsx', path.join(root, 'bench/api.bench.ts'), ...rest]
  : ['--max-old-space-size=256', ...(process.argv.includes('--commit') ? COMMIT_ARGV : []), '--import', 'tsx', path.join(root, 'bench/exchange.bench.ts'), ...process.argv.slice(2)];
const child = spawn(process.execPath, argv, { cwd: root, stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
