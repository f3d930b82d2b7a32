// A campaign's progress per region, or per unit of a region: files by status (kept counts, for the
// campaign's fill year), new this week, filed rate, the old database's coverage, the files under
// review and the oldest's waiting days, the returned drafts, and each required organization's
// submission for the next data deadline. Every number equals the household list's total with the
// filters core's progressFilter gives it.
import { z } from 'zod';
import {
  addDays, chinaDayStartIso, HOUSEHOLD_STATUSES, householdFilterSchema, todayInChina, type ByStatus, type Campaign, type ProgressItem, type ProgressResponse,
} from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { parseQuery } from '../../lib/validate.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { listOrgs, type Org } from '../orgs/orgs.repository.js';
import { facetRows } from '../households/tally.repository.js';
import { waitingDaysOf } from '../households/households.queries.js';
import * as repo from './campaigns.repository.js';
import { campaignIdOf, campaignViews, getCampaign } from './campaigns.service.js';
import { asOfCounts, statusesOfSteps } from '../households/as-of.queries.js';
import { createdSinceByUnit, oldestWaiting, returnedDrafts, unitExtras } from './progress.queries.js';

const querySchema = z.object({
  level: z.enum(['region', 'unit'], { error: '层级应为 region（按地区）或 unit（按基层工会）' }).optional(),
  parentCode: z.string().regex(/^H\d{2}$/, { error: '上级地区代码格式不正确，如 H01' }).optional(),
  asOf: householdFilterSchema.shape.asOf,
});

export const zeroByStatus = (): ByStatus => Object.fromEntries(HOUSEHOLD_STATUSES.map((s) => [s, 0])) as ByStatus;

/** The data deadline the submission states are for: the next one due, else the last one. */
export function nextDataDeadline(c: Campaign) {
  const data = c.deadlines.filter((d) => d.kind === 'data');
  return data.find((d) => d.daysLeft >= 0) ?? data[data.length - 1] ?? null;
}

// returned is null as of a past day: a return leaves no day on the file
interface Raw { byStatus: ByStatus; newThisWeek: number; firstWaiting: string | null; returned: number | null }
const emptyRaw = (asOf: string | null = null): Raw => ({ byStatus: zeroByStatus(), newThisWeek: 0, firstWaiting: null, returned: asOf ? null : 0 });

function counts(raw: Raw, baseline: number | null, today: string) {
  const b = raw.byStatus;
  const total = HOUSEHOLD_STATUSES.reduce((s, k) => s + b[k], 0);
  const live = b.draft + b.submitted + b.unitApproved + b.filed;
  return {
    total, byStatus: b, newThisWeek: raw.newThisWeek,
    filedRate: live ? b.filed / live : null,
    baseline, coverage: baseline ? total / baseline : null,
    waiting: b.submitted + b.unitApproved,
    oldestWaitingDays: raw.firstWaiting ? waitingDaysOf(raw.firstWaiting, today) : null,
    returned: raw.returned,
  };
}

function addRaw(into: Raw, r: Raw) {
  for (const s of HOUSEHOLD_STATUSES) into.byStatus[s] += r.byStatus[s];
  into.newThisWeek += r.newThisWeek;
  if (into.returned !== null && r.returned !== null) into.returned += r.returned;
  if (r.firstWaiting && (!into.firstWaiting || r.firstWaiting < into.firstWaiting)) into.firstWaiting = r.firstWaiting;
}

/** What level and parent a user may ask for: a county its own region's units, a unit its own row. */
function allowed(actor: Actor, level: 'region' | 'unit' | undefined, parentCode: string | undefined) {
  if (['admin', 'city', 'viewer', 'leader', 'staff'].includes(actor.role)) {
    const l = level ?? (parentCode ? 'unit' : 'region');
    if (l === 'unit' && !parentCode) throw forbidden('按基层工会查看时请指定地区（parentCode）');
    return { level: l, parentCode: l === 'unit' ? parentCode! : null, only: null as string | null };
  }
  const own = actor.orgCode.slice(0, 3);
  if (parentCode && parentCode !== own) throw forbidden('只能查看本地区的进度');
  if (actor.role === 'region') return { level: level ?? 'unit', parentCode: (level ?? 'unit') === 'unit' ? own : null, only: level === 'region' ? own : null };
  if (actor.role === 'unit') return { level: 'unit' as const, parentCode: own, only: actor.orgCode };
  throw forbidden('没有查看进度的权限');
}

type Place = { org: Org | null; code: string; kind: ProgressItem['kind']; name: string; inTotals?: false };

/** A region's rows: the county's own files first, then its units (those not started too), then units no longer listed that hold files. */
function unitPlaces(orgs: Org[], region: string, raws: Map<string, Raw>): Place[] {
  const regionName = orgs.find((o) => o.code === region)?.name ?? region;
  const units = orgs.filter((o) => o.kind === 'unit' && o.code.startsWith(`${region}-`) && (o.active || raws.has(o.code)));
  return [
    { org: null, code: region, kind: 'direct', name: `${regionName}（县区工会直接建档）` },
    ...units.map((o) => ({ org: o, code: o.code, kind: 'unit' as const, name: o.name })),
  ];
}


export async function progress(db: Q, actor: Actor, rawId: string, query: unknown, today = todayInChina()): Promise<ProgressResponse> {
  const id = campaignIdOf(rawId);
  const q = parseQuery(querySchema, query, 'progress query');
  // as of a past day: the files as they stood at its end, the deadlines and submissions of that day
  const asOf = q.asOf && q.asOf < today ? q.asOf : null;
  const day = asOf ?? today;
  const c = asOf ? (await campaignViews(db, id, asOf))[0] : await getCampaign(db, id);
  if (!c) throw notFound('专项行动');
  const { level, parentCode, only } = allowed(actor, q.level, q.parentCode);
  const weekStart = addDays(day, -6);
  const orgs = await listOrgs(db);
  const deadline = nextDataDeadline(c);
  const [baselines, latest] = await Promise.all([
    repo.baselineRows(db, c.id),
    !deadline ? Promise.resolve([]) : asOf ? repo.submissionsAsOf(db, deadline.id, chinaDayStartIso(addDays(asOf, 1))) : repo.latestSubmissions(db, [deadline.id]),
  ]);
  const required = new Set(c.requiredOrgs.map((o) => o.code));
  const stateOf = (code: string): ProgressItem['submission'] => {
    if (!deadline || !required.has(code)) return null;
    const l = latest.find((x) => x.org_code === code);
    if (!l) return { deadlineId: deadline.id, status: 'none', submissionId: null, submittedAt: null, onTime: deadline.daysLeft < 0 ? false : null };
    return { deadlineId: deadline.id, status: l.status as 'submitted', submissionId: Number(l.id), submittedAt: l.submitted_at, onTime: !!l.on_time };
  };

  const raws = new Map<string, Raw>();
  const rawOf = (code: string) => raws.get(code) ?? raws.set(code, emptyRaw(asOf)).get(code)!;
  const addAsOf = (code: string, c: Awaited<ReturnType<typeof asOfCounts>>[number]) => {
    const raw = rawOf(code);
    const b = statusesOfSteps(c);
    for (const st of HOUSEHOLD_STATUSES) raw.byStatus[st] += b[st];
    raw.newThisWeek += c.createdSince;
  };
  // inTotals false: a required unit listed after the regions, whose files its region already counts
  let places: Place[];
  if (asOf) {
    const rows = await asOfCounts(db, c.year, asOf, weekStart, level === 'unit' ? parentCode! : undefined);
    if (level === 'region') {
      for (const r of rows) addAsOf(r.regionCode, r);
      places = orgs.filter((o) => o.kind === 'region' && (o.active || raws.has(o.code))).map((o) => ({ org: o, code: o.code, kind: 'region' as const, name: o.name }));
      const units = new Set(c.requiredOrgs.filter((o) => o.kind === 'unit').map((o) => o.code));
      for (const r of rows) if (units.has(r.unit)) addAsOf(r.unit, r);
      for (const u of units) {
        const org = orgs.find((o) => o.code === u) ?? null;
        places.push({ org, code: u, kind: 'unit', name: org?.name ?? u, inTotals: false });
      }
    } else {
      for (const r of rows) addAsOf(r.unit || parentCode!, r);
      places = unitPlaces(orgs, parentCode!, raws);
    }
  } else if (level === 'region') {
    const [byYear, created, waiting, returned] = await Promise.all([
      facetRows(db, 'year', { values: [String(c.year)] }), facetRows(db, 'year_created_day', { from: `${c.year}|${weekStart}`, to: `${c.year}|9999` }),
      oldestWaiting(db, c.year, { regions: orgs.filter((o) => o.kind === 'region').map((o) => o.code) }), returnedDrafts(db, c.year),
    ]);
    for (const r of byYear) rawOf(r.regionCode).byStatus[r.status as keyof ByStatus] += r.n;
    for (const r of created) rawOf(r.regionCode).newThisWeek += r.n;
    for (const [code, first] of waiting) rawOf(code).firstWaiting = first;
    for (const [code, n] of returned) rawOf(code).returned = n;
    places = orgs.filter((o) => o.kind === 'region' && (o.active || raws.has(o.code))).map((o) => ({ org: o, code: o.code, kind: 'region' as const, name: o.name }));
    // the units that submit themselves (大中型企事业单位) follow, so that the city sees every submitter on one page
    const units = c.requiredOrgs.filter((o) => o.kind === 'unit').map((o) => o.code);
    if (units.length) {
      const [byUnit, extras] = await Promise.all([facetRows(db, 'unit_year', { values: units.map((u) => `${u}|${c.year}`) }), unitExtras(db, units, c.year, weekStart)]);
      for (const r of byUnit) rawOf(r.value.slice(0, r.value.indexOf('|'))).byStatus[r.status as keyof ByStatus] += r.n;
      for (const u of units) {
        const raw = rawOf(u);
        raw.newThisWeek = extras.created.get(u) ?? 0;
        raw.firstWaiting = extras.waiting.get(u) ?? null;
        raw.returned = extras.returned.get(u) ?? 0;
        const org = orgs.find((o) => o.code === u) ?? null;
        places.push({ org, code: u, kind: 'unit', name: org?.name ?? u, inTotals: false });
      }
    }
  } else {
    const region = parentCode!;
    const [byUnit, created, waiting, returned] = await Promise.all([
      facetRows(db, 'unit_year', { regionCode: region }), createdSinceByUnit(db, region, weekStart, c.year),
      oldestWaiting(db, c.year, { regionCode: region }), returnedDrafts(db, c.year, region),
    ]);
    const suffix = `|${c.year}`;
    for (const r of byUnit) if (r.value.endsWith(suffix)) rawOf(r.value.slice(0, -suffix.length)).byStatus[r.status as keyof ByStatus] += r.n;
    for (const [unit, n] of created) rawOf(unit).newThisWeek += n;
    for (const [unit, first] of waiting) rawOf(unit).firstWaiting = first;
    for (const [unit, n] of returned) rawOf(unit).returned = n;
    // the direct row's raw counts sit under '' (no unit); move them to the region's code
    if (raws.has('')) { raws.set(region, raws.get('')!); raws.delete(''); }
    places = unitPlaces(orgs, region, raws);
  }

  const items: ProgressItem[] = places
    .filter((p) => !only || p.code === only || p.code.startsWith(`${only}-`))
    .map((p) => {
      const raw = raws.get(p.code) ?? emptyRaw(asOf);
      const baseline = p.kind === 'direct' ? null : baselines.get(p.code) ?? null;
      const n = counts(raw, baseline, day);
      return {
        orgCode: p.code, orgName: p.name, kind: p.kind, required: p.kind !== 'direct' && required.has(p.code),
        largeEnterprise: !!p.org?.largeEnterprise, started: n.total > 0, ...n,
        submission: p.kind === 'direct' ? null : stateOf(p.code),
      };
    });
  const sum = emptyRaw(asOf);
  for (const p of places) if (p.inTotals !== false && (!only || p.code === only || p.code.startsWith(`${only}-`))) addRaw(sum, raws.get(p.code) ?? emptyRaw(asOf));
  // at region level the units listed after the regions are not in the totals: nor are their baselines
  const withBaseline = items.filter((i) => i.baseline !== null && (level === 'unit' || i.kind === 'region'));
  const totals = counts(sum, withBaseline.length ? withBaseline.reduce((s, i) => s + i.baseline!, 0) : null, day);
  return { campaignId: c.id, year: c.year, level, parentCode, today, asOf, weekStart, deadline, items, totals };
}
