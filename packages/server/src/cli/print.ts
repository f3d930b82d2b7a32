// `bangfu print H0100001 OUT.pdf` and `bangfu print --region H01 [--status filed] OUT.pdf`: the
// survey forms to a file, for a clerk at the server. It acts as --user, or as the built-in
// city-level account `cli` (every file, identity numbers in full); each print is audited.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Db } from '../db/index.js';
import { cliActor } from './actor.js';
import { defaultFontCandidates, fontProvider, type FontCandidate } from '../modules/print/pdf.font.js';
import { printBatch, printByWorkerNo } from '../modules/print/print.service.js';

export const USAGE = 'usage: bangfu print WORKER_NO OUT.pdf [--user U] | bangfu print --region H01 [--status filed] [--user U] OUT.pdf';

export async function printCommand(db: Db, args: string[], opts: { fontCandidates?: () => FontCandidate[]; log?: (msg: string) => void } = {}): Promise<{ out: string; count: number }> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { region: { type: 'string' }, status: { type: 'string' }, user: { type: 'string' } } });
  const batch = values.region !== undefined || values.status !== undefined;
  if (positionals.length !== (batch ? 1 : 2)) throw new Error(USAGE);
  const out = positionals[positionals.length - 1];
  if (!out.toLowerCase().endsWith('.pdf')) throw new Error(`the output file should end in .pdf (got ${out}); ${USAGE}`);
  const log = opts.log ?? ((msg: string) => console.error(msg));
  const fonts = fontProvider(opts.fontCandidates ?? (() => defaultFontCandidates()), { info: () => {}, warn: log });
  const actor = await cliActor(db, values.user);
  const printed = batch
    ? await printBatch(db, actor, { regionCode: values.region?.toUpperCase(), status: values.status }, fonts, { log })
    : await printByWorkerNo(db, actor, positionals[0], fonts);
  await pipeline(printed.doc, fs.createWriteStream(out));
  return { out, count: printed.count };
}
