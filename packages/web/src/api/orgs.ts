import type { Org, OrgImportResult } from '@bangfu/core';
import { http } from './request';

export type { OrgKind } from '../lib/access';
export { ORG_KIND_LABELS, type Org } from '@bangfu/core';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let cache: Promise<Org[]> | null = null;

/** Organizations change rarely: fetched once per page load, shared by every page. */
export function listOrgs(): Promise<Org[]> {
  if (!cache) {
    cache = http.get<{ items: Org[] }>('/api/orgs').then((r) => r.items);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export function clearOrgCache(): void {
  cache = null;
}

/** A 基层工会 under a region (admins); the server numbers it H01-0001, H01-0002, … */
export async function createOrg(input: { name: string; parentCode: string; largeEnterprise?: boolean }): Promise<Org> {
  const org = await http.post<Org>('/api/orgs', input);
  clearOrgCache();
  return org;
}

/** Rename, move a unit to another region (409 ORG_HAS_FILES), 停用 / 启用, mark a 大中型企事业单位. */
export async function updateOrg(code: string, patch: { name?: string; parentCode?: string; active?: boolean; largeEnterprise?: boolean }): Promise<Org> {
  const org = await http.patch<Org>(`/api/orgs/${encodeURIComponent(code)}`, patch);
  clearOrgCache();
  return org;
}

export type ImportResult = OrgImportResult;

/** An .xlsx (columns 名称, 上级组织代码) as the request body; all rows or none. */
export async function importOrgs(file: Blob): Promise<ImportResult> {
  const r = await http.upload<ImportResult>('/api/orgs/import', file, XLSX_TYPE);
  clearOrgCache();
  return r;
}
