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
  /** waits for a city-union cadre's approval (new account, password reset or reactivation) */
  pendingApproval: boolean;
}

export interface NewUser {
  username: string;
  /** not sent for an account that needs the city union's approval */
  password?: string;
  displayName: string;
  orgCode: string;
  role: Role;
}

export interface UserPatch {
  displayName?: string;
  active?: boolean;
  password?: string;
  /** ask the city union for a new password (accounts that see identity numbers in full) */
  requestPasswordReset?: true;
  unlock?: true;
}

export function listUsers(signal?: AbortSignal): Promise<{ items: UserItem[] }> {
  return http.get('/api/users', { signal });
}

export function createUser(input: NewUser): Promise<{ id: number; username: string; displayName: string; role: Role; orgCode: string; pendingApproval: boolean }> {
  return http.post('/api/users', input);
}

export function updateUser(id: number, patch: UserPatch): Promise<UserItem> {
  return http.patch(`/api/users/${id}`, patch);
}

/** Roles whose accounts read identity numbers in full: what the administrator asks for on them waits for the city union. */
export const APPROVAL_ROLES: readonly Role[] = ['city', 'region', 'unit'];

export interface ApprovalItem {
  id: number;
  kind: 'create' | 'reset' | 'activate';
  kindLabel: string;
  requestedAt: string;
  requestedBy: string;
  user: { id: number; username: string; displayName: string; role: Role; roleLabel: string; orgCode: string; orgName: string };
}

export function listApprovals(signal?: AbortSignal): Promise<{ items: ApprovalItem[] }> {
  return http.get('/api/user-approvals', { signal });
}

export function decideApproval(id: number, decision: 'approve' | 'refuse', note?: string): Promise<{ id: number; status: 'approved' | 'refused'; password?: string }> {
  return http.post(`/api/user-approvals/${id}/decision`, { decision, ...(note ? { note } : {}) });
}
