import { http } from './request';
import type { Role } from '../lib/access';

export interface UserItem {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  orgCode: string;
  orgName: string;
  active: boolean;
  /** too many failed logins: locked for a while */
  locked: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  orgCode: string;
  role: Role;
}

export interface UserPatch {
  displayName?: string;
  active?: boolean;
  password?: string;
  unlock?: true;
}

export function listUsers(signal?: AbortSignal): Promise<{ items: UserItem[] }> {
  return http.get('/api/users', { signal });
}

export function createUser(input: NewUser): Promise<{ id: number; username: string; displayName: string; role: Role; orgCode: string }> {
  return http.post('/api/users', input);
}

export function updateUser(id: number, patch: UserPatch): Promise<UserItem> {
  return http.patch(`/api/users/${id}`, patch);
}
