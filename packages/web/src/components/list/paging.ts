// The paging part of every list page's URL (?page=2&pageSize=50): read with a fallback for
// nonsense, written only when it differs from the default.
export interface Paging {
  page: number;
  pageSize: number;
}

export function positiveInt(v: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = v && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function readPaging(params: URLSearchParams, sizes: readonly number[], defaultSize: number): Paging {
  const pageSize = positiveInt(params.get('pageSize'), defaultSize);
  return { page: positiveInt(params.get('page'), 1), pageSize: sizes.includes(pageSize) ? pageSize : defaultSize };
}

export function writePaging(p: URLSearchParams, s: Paging, defaultSize: number): URLSearchParams {
  if (s.page > 1) p.set('page', String(s.page));
  if (s.pageSize !== defaultSize) p.set('pageSize', String(s.pageSize));
  return p;
}

/** After rows left the list (decided, reviewed, removed), the last page that still has rows. */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export interface BatchItemResult {
  id: number;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface BatchFailure {
  id: number;
  who: string;
  code?: string;
  message: string;
}

/** The failed items of a batch, each named by 职工编号 and 姓名 (or `fallback #id`), with the server's message. */
export function batchFailures(
  results: readonly BatchItemResult[],
  rows: readonly { id: number; workerNo: string; name: string }[],
  fallback: string,
  defaultMessage: string,
  keepCode = true,
): BatchFailure[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return results
    .filter((r) => !r.ok)
    .map((r) => {
      const row = byId.get(r.id);
      const f: BatchFailure = { id: r.id, who: row ? `${row.workerNo} ${row.name}` : `${fallback} #${r.id}`, message: r.message || defaultMessage };
      if (keepCode && r.code !== undefined) f.code = r.code;
      return f;
    });
}
