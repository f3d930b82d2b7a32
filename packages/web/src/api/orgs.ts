import { http } from './request';

export type OrgKind = 'city' | 'region' | 'unit';

export interface Org {
  code: string;
  name: string;
  parentCode: string | null;
  kind: OrgKind;
  active: boolean;
}

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
