// 审计日志: read-only, newest first; the hash chain can be checked from the page.
// Response types are core's schemas (z.infer), the very ones the server serializes with.
import type { AuditItem, AuditQuery, ChainCheck } from '@bangfu/core';
import { http } from './request';

export type { AuditItem, AuditQuery, ChainCheck };

export function listAudit(q: AuditQuery, signal?: AbortSignal): Promise<{ total: number; items: AuditItem[] }> {
  return http.get('/api/audit', { query: { ...q }, signal });
}

export function verifyAudit(): Promise<ChainCheck> {
  return http.get('/api/audit/verify');
}
