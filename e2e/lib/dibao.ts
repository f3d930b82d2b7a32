// 民政低保名单核对 in the end-to-end suite: a civil-affairs list as a CSV (UTF-8), imported through the
// API (POST /api/dibao-lists, multipart) by a city or county-union user, and the list the server
// answers. The browser's own upload (导入名单 on /dibao) is driven by e2e/households/dibao-flow.test.ts.
import type { Api } from './api.js';
import { todayInChina } from './assistance.js';

/** The list as the server answers it (core dibaoListSchema). */
export interface DibaoListJson {
  id: number;
  month: string;
  regionCode: string;
  regionName: string;
  source: string;
  fileName: string;
  rows: number;
  badRows: number;
  matchedPersons: number;
  matchedHouseholds: number;
  findings: { declaredNotListed: number; listedNotDeclared: number; listedAboveLine: number };
  openFindings: number;
  current: boolean;
}

/** This month in China (YYYY-MM): the latest month a list may be of. */
export const thisMonthInChina = (): string => todayInChina().slice(0, 7);

/** A CSV file of these rows (the first one the header), UTF-8, lines ended by CRLF as a spreadsheet writes them. */
export function dibaoCsv(rows: readonly (readonly (string | number)[])[]): Buffer {
  return Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** Imports a list through the API as `api`'s user (city or region) and returns it (201). */
export function importDibaoList(
  api: Api,
  o: { regionCode: string; rows: readonly (readonly (string | number)[])[]; month?: string; source?: string; fileName?: string; mapping?: Record<string, string> },
): Promise<DibaoListJson> {
  return api.postMultipart<DibaoListJson>(
    '/api/dibao-lists',
    {
      month: o.month ?? thisMonthInChina(),
      regionCode: o.regionCode,
      ...(o.source ? { source: o.source } : {}),
      ...(o.mapping ? { mapping: JSON.stringify(o.mapping) } : {}),
      file: { name: o.fileName ?? '低保名单.csv', mimeType: 'text/csv', buffer: dibaoCsv(o.rows) },
    },
    201,
  );
}
