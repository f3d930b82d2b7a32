#!/usr/bin/env node
// The `bangfu` command. Runs the compiled server (dist/bangfu.mjs, made by `npm run build`) when it
// is at least as new as every TypeScript source of the server and core; otherwise, and always with
// BANGFU_TSX=1 (development), the TypeScript sources through tsx. A stale build is never run.
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(here, '../dist/bangfu.mjs');
const sources = [path.join(here, '../src'), path.join(here, '../../core/src')];

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of sources) if (fs.existsSync(d)) walk(d);
  return newest;
}

function compiledIsCurrent() {
  if (process.env.BANGFU_TSX === '1') return false;
  try {
    return fs.statSync(dist).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

let main;
if (compiledIsCurrent()) ({ main } = await import(dist));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
await main(process.argv.slice(2));
