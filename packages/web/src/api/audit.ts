// 审计日志: read-only, newest first; the hash chain can be checked from the page.
import { http } from './request';

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

export interface AuditItem {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: unknown;
  ip: string | null;
  hash: string;
}

export type ChainCheck =
  | { ok: true; rows: number }
  | { ok: false; rows?: number; brokenAt: number; reason: string; breaks?: { id: number; reason: string }[]; breakCount?: number };

export function listAudit(q: AuditQuery, signal?: AbortSignal): Promise<{ total: number; items: AuditItem[] }> {
  return http.get('/api/audit', { query: { ...q }, signal });
}

export function verifyAudit(): Promise<ChainCheck> {
  return http.get('/api/audit/verify');
}
