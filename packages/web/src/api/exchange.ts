// Excel exchange (issue #6): the import template, imports checked then committed, the export of
// the household list and the 地区汇总 report. All through the request wrapper.
// Response types are core's schemas (z.infer), the very ones the server serializes with.
import type {
  ImportChange, ImportCounts, ImportError, ImportPhase, ImportRow, ImportRowStatus, ImportStatus, ImportView, RegionSummary, RegionSummaryRow, SummaryScope,
} from '@bangfu/core';
import type { Page as Paged } from './households';
import { downloadFile, http, type Query } from './request';

export type { ImportChange, ImportCounts, ImportError, ImportPhase, ImportRow, ImportStatus, ImportView, RegionSummary, RegionSummaryRow, SummaryScope };
export type RowStatus = ImportRowStatus;

export type { Paged };

const XLSX = '.xlsx';

export function downloadTemplate(): Promise<string> {
  return downloadFile('/api/exchange/template.xlsx', `困难职工档案导入模板${XLSX}`);
}

/** One .xlsx, or a 职工 CSV plus an optional 家庭成员 CSV, as multipart field `file`; oldDatabase marks it as the old 困难职工数据库. */
export function startImport(files: File[], oldDatabase = false): Promise<ImportView> {
  const form = new FormData();
  if (oldDatabase) form.append('oldDatabase', 'true');
  for (const f of files) form.append('file', f, f.name);
  return http.postForm<ImportView>('/api/imports', form);
}

export function listImports(signal?: AbortSignal): Promise<{ items: ImportView[] }> {
  return http.get('/api/imports', { signal });
}

export function getImport(id: number, signal?: AbortSignal): Promise<ImportView> {
  return http.get(`/api/imports/${id}`, { signal });
}

export function getImportRows(id: number, query: { status: RowStatus; page: number; pageSize: number }, signal?: AbortSignal): Promise<Paged<ImportRow>> {
  return http.get(`/api/imports/${id}/rows`, { query: { ...query }, signal });
}

export function getImportErrors(id: number, query: { page: number; pageSize: number }, signal?: AbortSignal): Promise<Paged<ImportError>> {
  return http.get(`/api/imports/${id}/errors`, { query: { ...query }, signal });
}

export function downloadImportErrors(id: number): Promise<string> {
  return downloadFile(`/api/imports/${id}/errors.xlsx`, `导入错误报告-${id}${XLSX}`);
}

/** 409 IMPORT_HAS_ERRORS when there are bad rows and goodRowsOnly is false. */
export function commitImport(id: number, goodRowsOnly: boolean): Promise<ImportView> {
  return http.post(`/api/imports/${id}/commit`, { goodRowsOnly });
}

export function cancelImport(id: number): Promise<ImportView> {
  return http.post(`/api/imports/${id}/cancel`, {});
}

/** The household list's filters (no page, no sort): the whole filtered list as a workbook. */
export function exportHouseholds(filters: Query): Promise<string> {
  return downloadFile('/api/households/export.xlsx', `困难职工档案${XLSX}`, { query: filters });
}

export type SummaryGroup = 'category' | 'cause' | 'workStatus' | 'enterpriseStatus' | 'incomeBand';

/** year: a fill year (填表年度); null: every year */
const scopeQuery = (scope: SummaryScope, year: number | null): Query => ({ ...(scope === 'filed' ? { status: 'filed' } : {}), ...(year ? { year } : {}) });

export function getRegionSummary(scope: SummaryScope, year: number | null, signal?: AbortSignal): Promise<RegionSummary> {
  return http.get('/api/reports/region-summary', { query: scopeQuery(scope, year), signal });
}

export function downloadRegionSummary(scope: SummaryScope, year: number | null): Promise<string> {
  return downloadFile('/api/reports/region-summary.xlsx', `地区汇总${XLSX}`, { query: scopeQuery(scope, year) });
}
