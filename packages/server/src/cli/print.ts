// `bangfu print H0100001 OUT.pdf` and `bangfu print --region H01 [--status filed] OUT.pdf`: the
// survey forms to a file, for a clerk at the server. The CLI acts as the city union (every file,
// identity numbers in full) and each print is audited under the name `cli`.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { JINGMEN_CITY } from '@bangfu/core';
import type { Db } from '../db/index.js';
import type { Actor } from '../modules/access/actor.js';
import { defaultFontCandidates, fontProvider, type FontCandidate } from '../modules/print/pdf-font.js';
import { printBatch, printByWorkerNo } from '../modules/print/print.service.js';

export const USAGE = 'usage: bangfu print WORKER_NO OUT.pdf | bangfu print --region H01 [--status filed] OUT.pdf';

export const cliActor: Actor = { id: 0, username: 'cli', displayName: '命令行', role: 'city', orgCode: JINGMEN_CITY.code, orgName: JINGMEN_CITY.name, ip: null };

export async function printCommand(db: Db, args: string[], opts: { fontCandidates?: () => FontCandidate[]; log?: (msg: string) => void } = {}): Promise<{ out: string; count: number }> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { region: { type: 'string' }, status: { type: 'string' } } });
  const batch = values.region !== undefined || values.status !== undefined;
  if (positionals.length !== (batch ? 1 : 2)) throw new Error(USAGE);
  const out = positionals[positionals.length - 1];
  if (!out.toLowerCase().endsWith('.pdf')) throw new Error(`the output file should end in .pdf (got ${out}); ${USAGE}`);
  const log = opts.log ?? ((msg: string) => console.error(msg));
  const fonts = fontProvider(opts.fontCandidates ?? (() => defaultFontCandidates()), { info: () => {}, warn: log });
  const printed = batch
    ? await printBatch(db, cliActor, { regionCode: values.region?.toUpperCase(), status: values.status }, fonts, { log })
    : await printByWorkerNo(db, cliActor, positionals[0], fonts);
  await pipeline(printed.doc, fs.createWriteStream(out));
  return { out, count: printed.count };
}
