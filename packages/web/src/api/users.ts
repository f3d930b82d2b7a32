// Response types are core's schemas (z.infer), the very ones the server serializes with.
import type { ApprovalDecisionResult, ApprovalItem, NewUserResponse, UserItem } from '@bangfu/core';
import { http } from './request';
import type { Role } from '../lib/access';

export type { ApprovalItem, UserItem };

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

export function createUser(input: NewUser): Promise<NewUserResponse> {
  return http.post('/api/users', input);
}

export function updateUser(id: number, patch: UserPatch): Promise<UserItem> {
  return http.patch(`/api/users/${id}`, patch);
}

/** Roles whose accounts read identity numbers in full: what the administrator asks for on them waits for the city union. */
export const APPROVAL_ROLES: readonly Role[] = ['city', 'region', 'unit'];

export function listApprovals(signal?: AbortSignal): Promise<{ items: ApprovalItem[] }> {
  return http.get('/api/user-approvals', { signal });
}

export function decideApproval(id: number, decision: 'approve' | 'refuse', note?: string): Promise<ApprovalDecisionResult> {
  return http.post(`/api/user-approvals/${id}/decision`, { decision, ...(note ? { note } : {}) });
}
