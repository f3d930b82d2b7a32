#!/usr/bin/env node
// Compiles the server (with core) into one ES module, packages/server/dist/bangfu.mjs, with esbuild:
// production starts run JavaScript instead of compiling TypeScript through tsx at every start.
// The npm dependencies stay outside the bundle (native better-sqlite3, pg, fonts …) and are loaded
// from node_modules as before; only our own TypeScript (server and @bangfu/core) is bundled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const deps = [
  ...Object.keys(read('packages/server/package.json').dependencies),
  ...Object.keys(read('packages/core/package.json').dependencies ?? {}),
].filter((d) => d !== '@bangfu/core');
const outfile = path.join(root, 'packages/server/dist/bangfu.mjs');
// written beside and renamed into place: a process starting meanwhile (a server restarting one of
// its workers, a test) reads the old bundle or the new one, never half of one
// (in a sibling folder at dist's depth, so that the source map's relative paths stay right)
const building = path.join(root, `packages/server/.dist-${process.pid}`);
const partial = path.join(building, 'bangfu.mjs');
const started = Date.now();
await build({
  entryPoints: [path.join(root, 'packages/server/src/cli/index.ts')],
  outfile: partial,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...deps, ...deps.map((d) => `${d}/*`)],
  logLevel: 'warning',
  // the bundle keeps src/'s depth (packages/server/dist), so paths made from import.meta.dirname still hold
});
fs.mkdirSync(path.dirname(outfile), { recursive: true });
fs.renameSync(`${partial}.map`, `${outfile}.map`);
fs.renameSync(partial, outfile);
fs.rmSync(building, { recursive: true, force: true });
console.log(`server compiled to ${path.relative(root, outfile)} in ${Date.now() - started} ms`);
