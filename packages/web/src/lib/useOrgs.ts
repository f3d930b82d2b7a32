import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { JINGMEN_REGIONS } from '@bangfu/core';
import { clearOrgCache, listOrgs, type Org } from '../api/orgs';
import type { SessionUser } from '../api/session';
import { ownRegionOf } from './access';

const ORGS_KEY = ['orgs'] as const;

export interface RegionOption {
  value: string;
  label: string;
}

/** Every organization (GET /api/orgs, cached per page load); reload() fetches again. */
export function useOrgList(): { orgs: Org[] | null; error: unknown; reload: () => void } {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ORGS_KEY, queryFn: () => listOrgs() });
  const reload = useCallback(() => {
    clearOrgCache();
    void client.invalidateQueries({ queryKey: ORGS_KEY });
  }, [client]);
  return { orgs: q.data ?? null, error: q.error, reload };
}

/**
 * The regions a user may choose: from GET /api/orgs (active regions), narrowed to their own
 * region for a region or unit cadre. Until the list arrives, core's seed names label the codes.
 * Also names any organization code (regionName) and lists a region's active 基层工会.
 */
export function useRegions(user: SessionUser): {
  regions: RegionOption[];
  regionName: (code: string | null | undefined) => string;
  unitsOf: (regionCode: string | null | undefined) => RegionOption[];
  loading: boolean;
  error: unknown;
} {
  const { orgs, error } = useOrgList();
  const ownRegion = ownRegionOf(user);

  return useMemo(() => {
    const all: RegionOption[] = orgs
      ? orgs.filter((o) => o.kind === 'region').map((o) => ({ value: o.code, label: o.name }))
      : JINGMEN_REGIONS.map((r) => ({ value: r.code, label: r.name }));
    const activeCodes = orgs ? new Set(orgs.filter((o) => o.kind === 'region' && o.active).map((o) => o.code)) : null;
    const names = new Map(all.map((r) => [r.value, r.label]));
    if (orgs) for (const o of orgs) names.set(o.code, o.name);
    if (user.role === 'unit') names.set(user.orgCode, user.orgName);
    let regions = activeCodes ? all.filter((r) => activeCodes.has(r.value)) : all;
    if (ownRegion) {
      const own = all.find((r) => r.value === ownRegion);
      regions = [own ?? { value: ownRegion, label: user.role === 'region' ? user.orgName : ownRegion }];
    }
    const unitsOf = (regionCode: string | null | undefined): RegionOption[] =>
      regionCode && orgs ? orgs.filter((o) => o.kind === 'unit' && o.active && o.parentCode === regionCode).map((o) => ({ value: o.code, label: o.name })) : [];
    return {
      regions,
      regionName: (code) => (code ? names.get(code) ?? code : ''),
      unitsOf,
      loading: orgs === null && !error,
      error,
    };
  }, [orgs, error, ownRegion, user.role, user.orgCode, user.orgName]);
}
