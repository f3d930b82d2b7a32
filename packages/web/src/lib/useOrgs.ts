import { useEffect, useMemo, useState } from 'react';
import { JINGMEN_REGIONS } from '@bangfu/core';
import { listOrgs, type Org } from '../api/orgs';
import type { SessionUser } from '../api/session';

export interface RegionOption {
  value: string;
  label: string;
}

/**
 * The regions a user may choose: from GET /api/orgs (active regions), narrowed to their own
 * region for a region cadre. Until the list arrives, core's seed names label the codes.
 */
export function useRegions(user: SessionUser): { regions: RegionOption[]; regionName: (code: string | null | undefined) => string; loading: boolean; error: unknown } {
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    listOrgs().then(
      (o) => alive && setOrgs(o),
      (e) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, []);

  return useMemo(() => {
    const all: RegionOption[] = orgs
      ? orgs.filter((o) => o.kind === 'region').map((o) => ({ value: o.code, label: o.name }))
      : JINGMEN_REGIONS.map((r) => ({ value: r.code, label: r.name }));
    const activeCodes = orgs ? new Set(orgs.filter((o) => o.kind === 'region' && o.active).map((o) => o.code)) : null;
    const names = new Map(all.map((r) => [r.value, r.label]));
    if (orgs) for (const o of orgs) names.set(o.code, o.name);
    let regions = activeCodes ? all.filter((r) => activeCodes.has(r.value)) : all;
    if (user.role === 'region') {
      const own = all.find((r) => r.value === user.orgCode);
      regions = [own ?? { value: user.orgCode, label: user.orgName }];
    }
    return {
      regions,
      regionName: (code) => (code ? names.get(code) ?? code : ''),
      loading: orgs === null && !error,
      error,
    };
  }, [orgs, error, user.role, user.orgCode, user.orgName]);
}
