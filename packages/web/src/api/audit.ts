// 审计日志: read-only, newest first; the hash chain can be checked from the page.
// Response types are core's schemas (z.infer), the very ones the server serializes with.
import type { AuditItem, ChainCheck } from '@bangfu/core';
import { http } from './request';

export type { AuditItem, ChainCheck };

export interface AuditQuery {
  /** a prefix: 'household.' or 'session.login' */
  action?: string;
  username?: string;
  entity?: string;
  entityId?: string;
  /** YYYY-MM-DD, China time, inclusive */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function listAudit(q: AuditQuery, signal?: AbortSignal): Promise<{ total: number; items: AuditItem[] }> {
  return http.get('/api/audit', { query: { ...q }, signal });
}

export function verifyAudit(): Promise<ChainCheck> {
  return http.get('/api/audit/verify');
}
