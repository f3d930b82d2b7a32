// Links to the household list (档案列表) with filters: every number of the progress table and of
// the 工作台 opens the list of exactly the files it counts. The filters are core's (progressFilter,
// the list's query keys); the list's own URL says 已退回 as status=returned.
import { progressFilter, type ProgressMeasure } from '@bangfu/core';
import type { ProgressItem, ProgressResponse } from '../api/campaigns';

export type ListFilter = Record<string, string | number | null | undefined>;

/** '/households?…': the filter as the list's URL parameters, in the order given. */
export function householdsHref(filter: ListFilter): string {
  const p = new URLSearchParams();
  const returned = filter.returned === 'true';
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === '' || k === 'returned') continue;
    if (k === 'status' && returned) continue;
    p.set(k, String(v));
  }
  if (returned) p.set('status', 'returned');
  const qs = p.toString();
  return qs ? `/households?${qs}` : '/households';
}

/** The organization a row of the progress table stands for; the 合计 row: all (or the region shown). */
function orgOf(progress: Pick<ProgressResponse, 'level' | 'parentCode'>, item: Pick<ProgressItem, 'kind' | 'orgCode'> | null) {
  if (item) return { kind: item.kind, orgCode: item.orgCode };
  if (progress.level === 'unit' && progress.parentCode) return { kind: 'region' as const, orgCode: progress.parentCode };
  return { kind: 'all' as const, orgCode: '' };
}

/** The list of the files one number of the progress table counts (`item` null: the 合计 row). */
export function progressHref(
  progress: Pick<ProgressResponse, 'year' | 'level' | 'parentCode' | 'weekStart'> & { asOf?: string | null },
  item: Pick<ProgressItem, 'kind' | 'orgCode'> | null,
  measure: ProgressMeasure,
): string {
  return householdsHref(progressFilter(progress.year, orgOf(progress, item), measure, progress.weekStart, progress.asOf ?? null));
}
