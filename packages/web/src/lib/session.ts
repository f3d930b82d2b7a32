import { useMemo } from 'react';
import { useRouteLoaderData } from 'react-router';
import type { SessionUser } from '../api/session';
import { accessOf, type Access } from './access';

export { ownRegionOf } from './access';

export const APP_ROUTE_ID = 'app';

export interface AppLoaderData {
  user: SessionUser;
}

/** The signed-in user; only inside the protected layout. */
export function useSessionUser(): SessionUser {
  const data = useRouteLoaderData(APP_ROUTE_ID) as AppLoaderData | undefined;
  if (!data) throw new Error('useSessionUser outside the protected layout');
  return data.user;
}

/** What the signed-in user may see and do (lib/access.ts). */
export function useAccess(): Access {
  const user = useSessionUser();
  return useMemo(() => accessOf(user), [user]);
}
