import type { SessionUser } from '@bangfu/core';
import { http } from './request';

export type { Role } from '../lib/access';
export { ROLE_LABELS } from '../lib/access';
/** core's sessionUserSchema: orgCode 'H' for the city union, 'H01'..'H08' a region, 'H01-0001' a grassroots union */
export type { SessionUser };

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
