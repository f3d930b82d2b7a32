// Where the 工作台's numbers lead: the household list of the dashboard's year with the filters that
// give the number (the list is scoped to the user's region, unit or linked files by the server), or
// another page (帮扶统计, the campaign) where the list has no such filter.
import { CATEGORIES, type HouseholdStatus } from '@bangfu/core';
import type { Dashboard } from '../../api/campaigns';
import { householdsHref } from '../../lib/householdLinks';

export type KpiKey = keyof Dashboard['kpis'];

type Scope = Dashboard['scope'];

/** The list's place filter of an organization on a chart: a region, a unit, or the county's own files. */
export function orgFilter(scope: Pick<Scope, 'kind' | 'orgCode'>, orgCode: string): Record<string, string> {
  if (/^H\d{2}$/.test(orgCode)) {
    // within a region's own 工作台, the region's own code stands for the files it filed itself
    return scope.kind === 'region' && orgCode === scope.orgCode ? { regionCode: orgCode, unitId: 'none' } : { regionCode: orgCode };
  }
  if (/^H\d{2}-\d{4}$/.test(orgCode)) return { regionCode: orgCode.slice(0, 3), unitId: orgCode };
  return {};
}

/** The files of one status (or all) of one organization (or all) of the year. */
export function statusHref(d: Pick<Dashboard, 'year' | 'scope'>, status: HouseholdStatus | null, orgCode?: string): string {
  return householdsHref({ fillYear: d.year, ...(orgCode ? orgFilter(d.scope, orgCode) : {}), status: status ?? undefined });
}

/**
 * A KPI tile's page; null where no list gives the number. `assistance`: the user may open 帮扶统计
 * (of this calendar year, as the server counts 本年帮扶记录 and 解决问题).
 */
export function kpiHref(d: Pick<Dashboard, 'year' | 'scope' | 'today'>, kpi: KpiKey, assistance: boolean): string | null {
  switch (kpi) {
    case 'files':
      return statusHref(d, null);
    case 'filed':
    case 'removed':
    case 'exited':
      return statusHref(d, kpi);
    case 'waiting':
      return householdsHref({ fillYear: d.year, waitingDays: 0 });
    case 'records':
    case 'solved':
      return assistance ? `/assistance?year=${d.today.slice(0, 4)}` : null;
  }
}

/** A category's files of the year; null for a key the list cannot filter by. */
export function categoryHref(d: Pick<Dashboard, 'year'>, key: string): string | null {
  return (CATEGORIES as readonly string[]).includes(key) ? householdsHref({ fillYear: d.year, category: key }) : null;
}
