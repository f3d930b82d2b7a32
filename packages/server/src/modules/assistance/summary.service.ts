// 帮扶统计: for a year, per region (filed households, assisted, records, 走访 visits, money, solved
// problems, meeting the yearly target, overdue), per recording cadre, the least-helped households
// and the overdue list. For the city and a county, from the kept counts (assistance-tally.sql.ts,
// the households' facets) and index walks for the two lists, so a million files answer at once; a
// unit's or a linked user's scope is small and is counted from the records (scannedParts), which
// also serves as the reference the kept counts are tested against.
import { z } from 'zod';
import { type AssistanceSummary, addDays, fenToYuan, todayInChina, YEARLY_SOLVED_TARGET } from '@bangfu/core';
import type { Db } from '../../db/transaction.js';
import { parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { scopeOf } from '../access/scope.js';
import { facetCountBelow, tallyByRegion } from '../households/tally.repository.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { assistancePerCadre, assistancePerRegion } from './assistance-tally.repository.js';
import { householdsWithRecords, leastAssisted, overdueHouseholds, recordsPerCadre, type HouseholdYear } from './assistance.queries.js';

const LIMIT = 500;

const querySchema = z.object({
  year: z.coerce.number().int().min(2000, { error: '年度应在 2000 至 2100 之间' }).max(2100, { error: '年度应在 2000 至 2100 之间' }).default(Number(todayInChina().slice(0, 4))),
  regionCode: z.string().regex(/^[A-Z]\d{2}$/, { error: '地区代码格式不正确' }).optional(),
});

interface RegionCounts {
  households: number;
  assisted: number;
  records: number;
  visits: number;
  money: number;
  solved: number;
  metTarget: number;
  overdue: number;
}

interface Parts {
  regions: Map<string, RegionCounts>;
  cadres: { username: string; display_name: string; records: number; visits: number; households: number; money: number; solved: number }[];
  households: HouseholdYear[];
  householdsTotal: number;
  overdue: HouseholdYear[];
  overdueTotal: number;
}

const emptyCounts = (): RegionCounts => ({ households: 0, assisted: 0, records: 0, visits: 0, money: 0, solved: 0, metTarget: 0, overdue: 0 });

export async function summary(db: Db, actor: Actor, query: unknown, opts: { scan?: boolean } = {}): Promise<AssistanceSummary> {
  const { year, regionCode } = parseQuery(querySchema, query, 'assistance summary');
  const { overdueDays } = await getAssistanceSettings(db);
  const cutoff = addDays(todayInChina(), -overdueDays);
  const scope = scopeOf(actor);
  const region = scope.kind === 'region' ? scope.regionCode : regionCode;
  const kept = !opts.scan && (scope.kind === 'all' || (scope.kind === 'region' && (!regionCode || regionCode === scope.regionCode)));
  const parts = kept ? await keptParts(db, year, region, cutoff) : await scannedParts(db, actor, year, regionCode, cutoff);
  const names = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  const view = (h: HouseholdYear) => ({
    id: Number(h.id), workerNo: h.worker_no, name: h.name, regionCode: h.region_code, regionName: names.get(h.region_code) ?? h.region_code,
    cadre: h.cadre_name, records: Number(h.records), visits: Number(h.visits), money: fenToYuan(Number(h.money)), solved: Number(h.solved), lastAssistedOn: h.last_assisted_on,
    metTarget: Number(h.solved) >= YEARLY_SOLVED_TARGET,
  });
  return {
    year, overdueDays, target: YEARLY_SOLVED_TARGET,
    regions: [...parts.regions].sort(([a], [b]) => a.localeCompare(b))
      .map(([code, r]) => ({ regionCode: code, regionName: names.get(code) ?? code, ...r, money: fenToYuan(r.money) })),
    cadres: parts.cadres.map((c) => ({ username: c.username, displayName: c.display_name, records: Number(c.records), visits: Number(c.visits), households: Number(c.households), money: fenToYuan(Number(c.money)), solved: Number(c.solved) })),
    households: parts.households.map(view),
    householdsTotal: parts.householdsTotal,
    overdue: parts.overdue.map(view),
    overdueTotal: parts.overdueTotal,
  };
}

/** From the kept counts: sums over a few thousand rows, and the two lists walked in index order. */
async function keptParts(db: Db, year: number, region: string | undefined, cutoff: string): Promise<Parts> {
  const regions = new Map<string, RegionCounts>();
  const at = (code: string) => regions.get(code) ?? regions.set(code, emptyCounts()).get(code)!;
  for (const r of await tallyByRegion(db, 'category', ['filed'], region)) at(r.region_code).households += Number(r.n);
  for (const r of await assistancePerRegion(db, year, 'filed', region))
    Object.assign(at(r.region_code), { assisted: Number(r.assisted), records: Number(r.records), visits: Number(r.visits), money: Number(r.money), solved: Number(r.solved), metTarget: Number(r.met) });
  for (const r of await facetCountBelow(db, 'last_assisted', ['filed'], cutoff, region)) at(r.region_code).overdue = Number(r.n);
  for (const [code, r] of regions) if (r.households === 0) regions.delete(code); // a region shows once it has filed households
  const total = (k: keyof RegionCounts) => [...regions.values()].reduce((s, r) => s + r[k], 0);
  return {
    regions,
    cadres: await assistancePerCadre(db, year, region),
    households: await leastAssisted(db, year, region, LIMIT),
    householdsTotal: total('households'),
    overdue: await overdueHouseholds(db, year, region, cutoff, LIMIT),
    overdueTotal: total('overdue'),
  };
}

/** From the records themselves, household by household: for small scopes, and the reference of the kept counts. */
async function scannedParts(db: Db, actor: Actor, year: number, regionCode: string | undefined, cutoff: string): Promise<Parts> {
  const perHousehold = await householdsWithRecords(db, actor, year, regionCode);
  const regions = new Map<string, RegionCounts>();
  const overdue: HouseholdYear[] = [];
  for (const h of perHousehold) {
    const r = regions.get(h.region_code) ?? regions.set(h.region_code, emptyCounts()).get(h.region_code)!;
    r.households++;
    if (Number(h.records) > 0) r.assisted++;
    r.records += Number(h.records);
    r.visits += Number(h.visits);
    r.money += Number(h.money);
    r.solved += Number(h.solved);
    if (Number(h.solved) >= YEARLY_SOLVED_TARGET) r.metTarget++;
    if (!h.last_assisted_on || h.last_assisted_on < cutoff) {
      r.overdue++;
      overdue.push(h);
    }
  }
  // least helped first, then by id; never assisted first, then the oldest last assistance, then by id
  perHousehold.sort((a, b) => Number(a.solved) - Number(b.solved) || Number(a.records) - Number(b.records) || Number(a.id) - Number(b.id));
  overdue.sort((a, b) => (a.last_assisted_on ?? '').localeCompare(b.last_assisted_on ?? '') || Number(a.id) - Number(b.id));
  return {
    regions,
    cadres: await recordsPerCadre(db, actor, year, regionCode),
    households: perHousehold.slice(0, LIMIT),
    householdsTotal: perHousehold.length,
    overdue: overdue.slice(0, LIMIT),
    overdueTotal: overdue.length,
  };
}
