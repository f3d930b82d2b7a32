import { http } from './request';

export type Role = 'admin' | 'city' | 'region';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** 'H' for the city union, 'H01'..'H08' for a region */
  orgCode: string;
  orgName: string;
}

export const ROLE_LABELS: Record<Role, string> = { admin: '系统管理员', city: '市总工会', region: '县（市、区）工会' };

export function getSession(signal?: AbortSignal): Promise<{ user: SessionUser }> {
  return http.get('/api/session', { signal, redirectOn401: false });
}

export function login(username: string, password: string): Promise<{ user: SessionUser }> {
  return http.post('/api/session', { username, password }, { redirectOn401: false });
}

export function logout(): Promise<void> {
  return http.del('/api/session', { redirectOn401: false });
}
