import { useCallback, useEffect, useMemo, useState } from 'react';
import { JINGMEN_REGIONS } from '@bangfu/core';
import { clearOrgCache, listOrgs, type Org } from '../api/orgs';
import type { SessionUser } from '../api/session';
import { ownRegionOf } from './access';

export interface RegionOption {
  value: string;
  label: string;
}

/** Every organization (GET /api/orgs, cached per page load); reload() fetches again. */
export function useOrgList(): { orgs: Org[] | null; error: unknown; reload: () => void } {
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    listOrgs().then(
      (o) => alive && setOrgs(o),
      (e) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, [tick]);

  const reload = useCallback(() => {
    clearOrgCache();
    setTick((t) => t + 1);
  }, []);
  return { orgs, error, reload };
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
