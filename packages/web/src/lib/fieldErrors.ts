// Field errors — from core's parseHousehold on the client or from the server's 400/409 body,
// both shaped [{path: 'members[1].idNumber', message}] — turned into antd Form field errors
// (`form.setFields`). One helper for both, so a message always lands beside its own field.
import type { FieldError } from '@bangfu/core';

export type NamePath = (string | number)[];

export interface FormFieldError {
  name: NamePath;
  errors: string[];
}

export interface MappedErrors {
  /** for form.setFields: one entry per field, messages in arrival order, no repeats */
  fields: FormFieldError[];
  /** errors with no field on the form (root errors, fields the form lacks): show them in an Alert */
  unplaced: FieldError[];
}

/** 'members[1].idNumber' → ['members', 1, 'idNumber']; 'causes' → ['causes']; '' → []. */
export function pathToNamePath(path: string): NamePath {
  const out: NamePath = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (/^\d+$/.test(m[1])) out.push(Number(m[1])); // 'members.1.idNumber' also accepted
    else out.push(m[1]);
  }
  return out;
}

/** ['members', 1, 'idNumber'] → 'members[1].idNumber' (the inverse of pathToNamePath). */
export function namePathToPath(name: NamePath): string {
  let out = '';
  for (const p of name) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

export function sameName(a: NamePath, b: NamePath): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/**
 * Maps errors to form fields. `isField` says whether the form has a field at a name path; an
 * error on a part of a field (e.g. `causes[2]`, one box of a checkbox group) goes to the nearest
 * enclosing field. Errors that reach no field are returned as `unplaced`.
 */
export function toFormFieldErrors(errors: readonly FieldError[], isField: (name: NamePath) => boolean = () => true): MappedErrors {
  const fields: FormFieldError[] = [];
  const unplaced: FieldError[] = [];
  for (const err of errors) {
    let name = pathToNamePath(err.path);
    while (name.length > 0 && !isField(name)) name = name.slice(0, -1);
    if (name.length === 0) {
      unplaced.push(err);
      continue;
    }
    const existing = fields.find((f) => sameName(f.name, name));
    if (!existing) fields.push({ name, errors: [err.message] });
    else if (!existing.errors.includes(err.message)) existing.errors.push(err.message);
  }
  return { fields, unplaced };
}

/**
 * What to pass to form.setFields so that the form shows exactly `next`: the new errors, plus an
 * empty error list for every field that shows an error now but has none in `next`.
 */
export function replaceFieldErrors(current: readonly FormFieldError[], next: readonly FormFieldError[]): FormFieldError[] {
  const cleared = current
    .filter((c) => c.errors.length > 0 && !next.some((n) => sameName(n.name, c.name)))
    .map((c) => ({ name: c.name, errors: [] as string[] }));
  return [...cleared, ...next];
}

/** The message for one field, from a list of errors, or undefined. */
export function errorAt(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((e) => e.path === path)?.message;
}
