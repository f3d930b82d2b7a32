#!/usr/bin/env node
// `npm run bench -- [--count N] [--db sqlite|pg] [--check]`: runs bench/exchange.bench.ts through tsx,
// with the V8 heap capped at 256 MB: an export or check that needed memory in proportion to the
// number of households would fail here instead of passing on a big machine.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', path.join(root, 'bench/exchange.bench.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
