// The audit page's filters in the URL (?action=household.&username=admin&entity=household&entityId=12
// &from=2026-01-01&to=2026-01-31&page=2), so a copied link shows the same rows.
import type { AuditQuery } from '../../api/audit';
import { readPaging, writePaging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export const AUDIT_PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_AUDIT_PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_KEYS = ['action', 'username', 'entity', 'entityId'] as const;

export function readAuditQuery(params: URLSearchParams): AuditQuery {
  const q: AuditQuery = readPaging(params, AUDIT_PAGE_SIZES, DEFAULT_AUDIT_PAGE_SIZE);
  for (const k of TEXT_KEYS) {
    const v = params.get(k)?.trim();
    if (v) q[k] = v.slice(0, 64);
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from && DATE.test(from)) q.from = from;
  if (to && DATE.test(to)) q.to = to;
  return q;
}

export function writeAuditQuery(q: AuditQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of TEXT_KEYS) if (q[k]) p.set(k, q[k]!);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  return writePaging(p, q, DEFAULT_AUDIT_PAGE_SIZE);
}

export const AUDIT_CODEC: ListCodec<AuditQuery> = { read: readAuditQuery, write: writeAuditQuery, pageSizes: AUDIT_PAGE_SIZES };
