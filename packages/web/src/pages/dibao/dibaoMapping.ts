// The column-mapping dialog of an upload whose headers were not recognized (400
// DIBAO_COLUMNS_MISSING): the file's header texts as the choices, each field's choice guessed as the
// server would (core's mapDibaoHeader), and the choices sent back as the upload's `mapping`.
import { DIBAO_COLUMN_KEYS, DIBAO_COLUMNS, mapDibaoHeader, type DibaoColumnKey } from '@bangfu/core';
import type { DibaoColumnsMissing, DibaoMapping } from '../../api/dibao';
import { isApiError } from '../../api/request';

/** The dialog's values: a header text (or nothing) per field. */
export type MappingValues = Partial<Record<DibaoColumnKey, string | undefined>>;

/** The body of a DIBAO_COLUMNS_MISSING refusal, or null for any other failure. */
export function columnsMissingOf(e: unknown): DibaoColumnsMissing | null {
  if (!isApiError(e, 'DIBAO_COLUMNS_MISSING')) return null;
  const b = e.body ?? {};
  const headers = Array.isArray(b.headers) ? b.headers.filter((h): h is string => typeof h === 'string') : [];
  const keys = DIBAO_COLUMN_KEYS as readonly string[];
  const missing = Array.isArray(b.missing) ? b.missing.filter((k): k is DibaoColumnKey => typeof k === 'string' && keys.includes(k)) : [];
  return { headers, missing };
}

/** The choices: each header text once, blanks left out, in the file's order. */
export function headerOptions(headers: readonly string[]): { value: string; label: string }[] {
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const raw of headers) {
    const h = raw.trim();
    if (!h || seen.has(h)) continue;
    seen.add(h);
    out.push({ value: h, label: h });
  }
  return out;
}

/** What the dialog opens with: the person's earlier choices kept, the rest as the server recognized them. */
export function initialMapping(headers: readonly string[], previous: DibaoMapping = {}): MappingValues {
  const texts = headers.map((h) => h.trim());
  const { index } = mapDibaoHeader(texts);
  const out: MappingValues = {};
  for (const c of DIBAO_COLUMNS) {
    const before = previous[c.key];
    if (before && texts.includes(before)) out[c.key] = before;
    else if (index[c.key] !== undefined) out[c.key] = texts[index[c.key]!];
  }
  return out;
}

/** The upload's mapping: the fields chosen, nothing for the others. */
export function mappingOf(values: MappingValues): DibaoMapping {
  const out: DibaoMapping = {};
  for (const key of DIBAO_COLUMN_KEYS) {
    const v = values[key]?.trim();
    if (v) out[key] = v;
  }
  return out;
}

/** The fields that share a header with an earlier field: one column read as two fields is a mistake. */
export function repeatedChoices(values: MappingValues): DibaoColumnKey[] {
  const seen = new Set<string>();
  const repeated: DibaoColumnKey[] = [];
  for (const key of DIBAO_COLUMN_KEYS) {
    const v = values[key]?.trim();
    if (!v) continue;
    if (seen.has(v)) repeated.push(key);
    seen.add(v);
  }
  return repeated;
}

/** 姓名、身份证号: the required fields the file lacks, as the dialog's lead says them. */
export function missingText(missing: readonly DibaoColumnKey[]): string {
  return DIBAO_COLUMNS.filter((c) => missing.includes(c.key)).map((c) => c.label).join('、');
}
