import { http } from './request';
import type { Role } from '../lib/access';

export type { Role } from '../lib/access';
export { ROLE_LABELS } from '../lib/access';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** 'H' for the city union, 'H01'..'H08' for a region, 'H01-0001' for a grassroots union */
  orgCode: string;
  orgName: string;
}

export function getSession(signal?: AbortSignal): Promise<{ user: SessionUser }> {
  return http.get('/api/session', { signal, redirectOn401: false });
}

export function login(username: string, password: string): Promise<{ user: SessionUser }> {
  return http.post('/api/session', { username, password }, { redirectOn401: false });
}

export function logout(): Promise<void> {
  return http.del('/api/session', { redirectOn401: false });
}

/** Changes the signed-in user's own password; the user's other sessions end. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return http.put('/api/session/password', { currentPassword, newPassword });
}
