import { useRouteLoaderData } from 'react-router';
import type { SessionUser } from '../api/session';

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

/** A region cadre works on their own region only. */
export function ownRegionOf(user: SessionUser): string | null {
  return user.role === 'region' ? user.orgCode : null;
}
