// The what-if of a change, pair by pair. A pair is computed over the files of its bands when that is
// exact and cheaper, else over all its files (the covering index). Only files near an edge can
// change: flipBands, whose per-capita income lies near the old or new line or the old or new
// marginal ratio of it (the first two conditions); expenseBand, whose largest expense's share of the
// income lies near the old or new expense ratio (the third).
//  - exact: the files outside the bands keep their stored result, which is the current policy's
//    unless a re-evaluation is still to run (then every pair is computed whole); a change of the
//    expense ratio together with a line or the marginal ratio is computed whole (a file may lie in
//    bands of both kinds);
//  - cheaper: the bands hold at most a fifth (bandShare) of the region's files (a band's files are
//    read one by one; the covering index reads a pair's files in order).
import { LIVE_STATUSES } from '@bangfu/core';
import type { Db } from '../../db/transaction.js';
import { facetByRegion } from '../households/tally.repository.js';
import { openJobs } from '../jobs/jobs.repository.js';
import { changedFiles, expenseBand, filesInBand, flipBands, manyConnections, previewPair, type Band, type ChangedFile, type PairLine, type PairOutcome } from './whatif.queries.js';
import { mapConcurrently } from '../../lib/concurrency.js';


export interface WhatIfPair extends PairLine {
  /** the line before the change */
  oldLineFen: number | null;
}

export interface WhatIfContext {
  oldMarginalRatio: string;
  marginalRatio: string;
  oldExpenseRatio: string;
  expenseRatio: string;
  /** live files per pair (`region/year`) when the bands may be used, null when every pair is computed whole */
  liveFiles: Map<string, number> | null;
  /** above this share of a region's files in the bands, the pair is computed whole */
  bandShare: number;
}

/** Live files per (region, year) pair, from the kept counts. */
export async function liveFilesPerPair(db: Db): Promise<Map<string, number>> {
  const rows = await facetByRegion(db, 'year', LIVE_STATUSES);
  return new Map(rows.map((r) => [`${r.region_code}/${r.v}`, Number(r.n)]));
}

/** The context of a preview: whether the bands may be used (see the head of this file). */
export async function whatIfContext(
  db: Db, r: { oldMarginalRatio: string; marginalRatio: string; oldExpenseRatio: string; expenseRatio: string }, liveFiles?: Map<string, number>,
): Promise<WhatIfContext> {
  const exact = (await openJobs(db, ['reevaluate'], undefined, 1)).length === 0;
  return { ...r, liveFiles: exact ? (liveFiles ?? await liveFilesPerPair(db)) : null, bandShare: 0.2 };
}

async function bandsOf(db: Db, pair: WhatIfPair, ctx: WhatIfContext): Promise<Band[] | null> {
  if (!ctx.liveFiles || pair.oldLineFen === null || pair.monthlyLineFen === null) return null;
  const income = flipBands(pair.oldLineFen, pair.monthlyLineFen, ctx.oldMarginalRatio, ctx.marginalRatio);
  const expense = pair.monthlyLineFen === pair.oldLineFen ? expenseBand(ctx.oldExpenseRatio, ctx.expenseRatio) : [];
  if (income.length && ctx.expenseRatio !== ctx.oldExpenseRatio) return null;
  const bands = [...income, ...expense];
  const files = ctx.liveFiles.get(`${pair.regionCode}/${pair.year}`) ?? 0;
  const most = ctx.bandShare * files;
  let inBands = 0;
  for (const b of bands) if (inBands <= most) inBands += await filesInBand(db, pair.regionCode, b, most - inBands + 1);
  return inBands <= most ? bands : null;
}

/** One pair's outcome and up to `limit` of its changed files (by id). */
export async function pairImpact(db: Db, pair: WhatIfPair, ctx: WhatIfContext, limit: number): Promise<{ outcome: PairOutcome; samples: ChangedFile[]; over: 'bands' | 'all' }> {
  const bands = await bandsOf(db, pair, ctx);
  if (!bands)
    return { outcome: await previewPair(db, pair, ctx.marginalRatio, ctx.expenseRatio), samples: await changedFiles(db, pair, ctx.marginalRatio, ctx.expenseRatio, limit), over: 'all' };
  const outcome: PairOutcome = {
    regionCode: pair.regionCode, year: pair.year, files: ctx.liveFiles!.get(`${pair.regionCode}/${pair.year}`) ?? 0,
    eligibilityChanged: 0, categoryChanged: 0, becomeEligible: 0, becomeIneligible: 0,
  };
  const samples: ChangedFile[] = [];
  for (const band of bands) {
    const o = await previewPair(db, pair, ctx.marginalRatio, ctx.expenseRatio, band);
    outcome.eligibilityChanged += o.eligibilityChanged;
    outcome.categoryChanged += o.categoryChanged;
    outcome.becomeEligible += o.becomeEligible;
    outcome.becomeIneligible += o.becomeIneligible;
    samples.push(...(await changedFiles(db, pair, ctx.marginalRatio, ctx.expenseRatio, limit, band)));
  }
  // the bands are disjoint: their first files by id, merged, are the pair's first
  return { outcome, samples: samples.sort((a, b) => a.id - b.id).slice(0, limit), over: 'bands' };
}

/** Pairs computed at once on PostgreSQL: each is a few small queries, mostly waiting for the server. */
const PAIRS_AT_ONCE = 4;

/**
 * Every pair's outcome, in order, and the first `limit` changed files of them all (pair by pair, by
 * id within a pair). On PostgreSQL several pairs at once, on the pool's connections (a ratio's
 * what-if asks for 27 pairs, about 200 queries); SQLite answers one query at a time anyway.
 */
export async function pairImpacts(db: Db, pairs: readonly WhatIfPair[], ctx: WhatIfContext, limit: number): Promise<{ outcomes: PairOutcome[]; samples: ChangedFile[] }> {
  if (manyConnections(db)) {
    const all = await mapConcurrently(pairs, PAIRS_AT_ONCE, (pair) => pairImpact(db, pair, ctx, limit));
    return { outcomes: all.map((i) => i.outcome), samples: all.flatMap((i) => i.samples).slice(0, limit) };
  }
  const outcomes: PairOutcome[] = [];
  const samples: ChangedFile[] = [];
  for (const pair of pairs) {
    const i = await pairImpact(db, pair, ctx, limit - samples.length);
    outcomes.push(i.outcome);
    samples.push(...i.samples);
  }
  return { outcomes, samples };
}
