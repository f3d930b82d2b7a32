// 工作台: what the first page shows each role. The city (and 领导小组) the whole campaign: phase and
// deadlines, KPI tiles, files by region and status, by category, cause and income band, files entered
// per week, who is late; a county union the same for its units, with its own submission and review
// queue; a unit its own and its sub-units' counts, the city's leaders and staff the households linked
// to them (their to-dos are /api/todos; a leader's working-group county is on the group's page).
// Everything comes from kept counts or small index ranges, so it stays quick at a million files.
// Status, category and income band count the campaign year's files; causes the files on the books
// (the cause facet has no year).
import {
  addDays, daysBetween, HOUSEHOLD_STATUSES, INCOME_BANDS, LIVE_STATUSES, todayInChina, type ByStatus, type Campaign, type Dashboard,
  type SubmissionStateView,
} from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { scopeOf } from '../access/scope.js';
import { listOrgs, unitSubtree } from '../orgs/orgs.repository.js';
import { facetByRegion, facetRows } from '../households/tally.repository.js';
import { countInScope, countStatusesInScope, waitingDaysOf, type SmallScope } from '../households/households.queries.js';
import { assistancePerRegion } from '../assistance/assistance-tally.repository.js';
import * as repo from './campaigns.repository.js';
import { currentCampaign } from './campaigns.service.js';
import { zeroByStatus } from './progress.service.js';
import { reviewQueue } from './progress.queries.js';

type Scope = Dashboard['scope'];

function dashboardScope(actor: Actor): Scope & { regionCode?: string } {
  const s = scopeOf(actor);
  if (s.kind === 'all') return { kind: 'city', orgCode: actor.orgCode, orgName: actor.orgName };
  if (s.kind === 'region') return { kind: 'region', orgCode: s.regionCode, orgName: actor.orgName, regionCode: s.regionCode };
  if (s.kind === 'unit') return { kind: 'unit', orgCode: s.unitCode, orgName: actor.orgName };
  return { kind: 'personal', orgCode: actor.orgCode, orgName: actor.displayName };
}

const sumBy = <T>(rows: T[], key: (r: T) => string, n: (r: T) => number) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + n(r));
  return m;
};
const sorted = (m: Map<string, number>, label: (k: string) => string = (k) => k) =>
  [...m].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, label: label(key), n })).sort((a, b) => b.n - a.n);

/** Files entered per week from the campaign's start to its end (or today), with the running total. */
function weekly(rows: { value: string; n: number }[], c: Campaign, today: string) {
  const last = c.endDate < today ? c.endDate : today;
  if (last < c.startDate) return [];
  const weeks = Math.floor(daysBetween(c.startDate, last) / 7) + 1;
  const created = new Array<number>(weeks).fill(0);
  for (const r of rows) {
    const i = Math.floor(daysBetween(c.startDate, r.value) / 7);
    if (i >= 0 && i < weeks) created[i] += r.n;
  }
  let cumulative = 0;
  return created.map((n, i) => ({ weekStart: addDays(c.startDate, 7 * i), created: n, cumulative: (cumulative += n) }));
}

/** Required organizations with nothing (or a returned submission) for a data deadline already past. */
async function lateOrgs(db: Q, c: Campaign, inScope: (code: string) => boolean): Promise<Dashboard['late']> {
  const past = c.deadlines.filter((d) => d.kind === 'data' && d.daysLeft < 0);
  const latest = await repo.latestSubmissions(db, past.map((d) => d.id));
  const out: Dashboard['late'] = [];
  for (const d of past) {
    for (const o of c.requiredOrgs.filter((x) => inScope(x.code))) {
      const l = latest.find((x) => Number(x.deadline_id) === d.id && x.org_code === o.code);
      if (l && l.status !== 'returned') continue;
      out.push({ orgCode: o.code, orgName: o.name, deadlineId: d.id, deadlineLabel: d.label, dueDate: d.dueDate, daysLate: -d.daysLeft, status: l ? 'returned' : 'none' });
    }
  }
  return out.sort((a, b) => b.daysLate - a.daysLate);
}

export async function dashboard(db: Q, actor: Actor, today = todayInChina()): Promise<Dashboard> {
  const scope = dashboardScope(actor);
  const region = scope.regionCode;
  const campaign = await currentCampaign(db, today);
  const year = campaign?.year ?? Number(today.slice(0, 4));
  const inScope = (code: string) => scope.kind === 'city' || (scope.kind === 'region' && code.startsWith(region!)) || code === scope.orgCode;
  const broad = scope.kind === 'city' || scope.kind === 'region';

  // files of the year by status: kept counts for the city and a county; a unit's or a person's few files are counted
  let byStatus: ByStatus = zeroByStatus();
  let byOrgStatus: Dashboard['byOrgStatus'] = [];
  const orgs = await listOrgs(db);
  const nameOf = (code: string) => orgs.find((o) => o.code === code)?.name ?? code;
  // a unit counts its own and its sub-units' files; a leader or staff member the households linked to them
  const small: SmallScope = scope.kind === 'unit' ? { units: unitSubtree(orgs, scope.orgCode) } : { linkedTo: actor.id };
  if (scope.kind === 'city') {
    const rows = await facetRows(db, 'year', { values: [String(year)] });
    const per = new Map<string, ByStatus>();
    for (const r of rows) {
      const b = per.get(r.regionCode) ?? per.set(r.regionCode, zeroByStatus()).get(r.regionCode)!;
      b[r.status as keyof ByStatus] += r.n;
      byStatus[r.status as keyof ByStatus] += r.n;
    }
    byOrgStatus = orgs.filter((o) => o.kind === 'region' && (o.active || per.has(o.code))).map((o) => ({ orgCode: o.code, orgName: o.name, byStatus: per.get(o.code) ?? zeroByStatus() }));
  } else if (scope.kind === 'region') {
    const suffix = `|${year}`;
    const per = new Map<string, ByStatus>();
    for (const r of await facetRows(db, 'unit_year', { regionCode: region })) {
      if (!r.value.endsWith(suffix)) continue;
      const unit = r.value.slice(0, -suffix.length) || region!;
      const b = per.get(unit) ?? per.set(unit, zeroByStatus()).get(unit)!;
      b[r.status as keyof ByStatus] += r.n;
      byStatus[r.status as keyof ByStatus] += r.n;
    }
    byOrgStatus = [...per].map(([code, b]) => ({ orgCode: code, orgName: code === region ? `${nameOf(code)}（直接建档）` : nameOf(code), byStatus: b }));
  } else {
    byStatus = { ...zeroByStatus(), ...(await countStatusesInScope(db, small, year)) };
  }

  // the year's files by category and income band (every status, as the KPIs and the list's links count them)
  const ofYear = (rows: { value: string; n: number }[]) => {
    const suffix = `|${year}`;
    return rows.filter((r) => r.value.endsWith(suffix)).map((r) => ({ v: r.value.slice(0, -suffix.length), n: r.n }));
  };
  const [categories, causes, bands, created, assistance, late, queue] = await Promise.all([
    broad ? facetRows(db, 'category_year', { regionCode: region }).then(ofYear) : countInScope(db, small, year, 'category'),
    broad ? facetByRegion(db, 'cause', LIVE_STATUSES, region) : Promise.resolve([]),
    broad ? facetRows(db, 'band_year', { regionCode: region }).then(ofYear) : countInScope(db, small, year, 'band'),
    broad && campaign ? facetRows(db, 'year_created_day', { regionCode: region, from: `${year}|${campaign.startDate}`, to: `${year}|${campaign.endDate}` })
      .then((rows) => rows.map((r) => ({ ...r, value: r.value.slice(r.value.indexOf('|') + 1) }))) : Promise.resolve([]),
    // this calendar year's assistance, whatever the households' status now
    broad ? Promise.all(HOUSEHOLD_STATUSES.map((st) => assistancePerRegion(db, Number(today.slice(0, 4)), st, region))).then((r) => r.flat()) : Promise.resolve([]),
    campaign && scope.kind !== 'personal' ? lateOrgs(db, campaign, inScope) : Promise.resolve([]),
    scope.kind === 'city' ? reviewQueue(db, 'unitApproved', {})
      : scope.kind === 'region' ? reviewQueue(db, 'submitted', { regionCode: region })
        : scope.kind === 'unit' ? reviewQueue(db, 'submitted', { units: unitSubtree(orgs, scope.orgCode) }) : Promise.resolve(null),
  ]);

  let own: Map<number, SubmissionStateView> | null = null;
  if (campaign && (scope.kind === 'region' || scope.kind === 'unit') && campaign.requiredOrgs.some((o) => o.code === scope.orgCode)) {
    const latest = await repo.latestSubmissions(db, campaign.deadlines.filter((d) => d.kind === 'data').map((d) => d.id));
    own = new Map(campaign.deadlines.filter((d) => d.kind === 'data').map((d) => {
      const l = latest.find((x) => Number(x.deadline_id) === d.id && x.org_code === scope.orgCode);
      return [d.id, l
        ? { deadlineId: d.id, status: l.status as 'submitted', submissionId: Number(l.id), submittedAt: l.submitted_at, onTime: !!l.on_time }
        : { deadlineId: d.id, status: 'none' as const, submissionId: null, submittedAt: null, onTime: d.daysLeft < 0 ? false : null }];
    }));
  }

  return {
    year, today, scope: { kind: scope.kind, orgCode: scope.orgCode, orgName: scope.orgName },
    campaign: campaign && {
      id: campaign.id, name: campaign.name, state: campaign.state, currentPhase: campaign.currentPhase, phases: campaign.phases,
      deadlines: campaign.deadlines.map((d) => ({ ...d, own: own?.get(d.id) ?? null })),
    },
    kpis: {
      files: HOUSEHOLD_STATUSES.reduce((s, k) => s + byStatus[k], 0), filed: byStatus.filed, waiting: byStatus.submitted + byStatus.unitApproved,
      removed: byStatus.removed, exited: byStatus.exited,
      records: assistance.reduce((s, r) => s + Number(r.records), 0), solved: assistance.reduce((s, r) => s + Number(r.solved), 0),
    },
    byOrgStatus,
    byCategory: sorted(sumBy(categories, (r) => String(r.v), (r) => Number(r.n))),
    byCause: sorted(sumBy(causes, (r) => String(r.v), (r) => Number(r.n))),
    byIncomeBand: INCOME_BANDS.map((b) => ({ key: b.key, label: b.label, n: bands.filter((r) => r.v === b.key).reduce((s, r) => s + Number(r.n), 0) })),
    weekly: campaign ? weekly(created, campaign, today) : [],
    late,
    reviewQueue: queue && { count: queue.count, oldestWaitingDays: queue.first ? waitingDaysOf(queue.first, today) : null, link: '/reviews' },
  };
}
