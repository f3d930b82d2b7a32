// The one way a request's input is checked: a Zod schema (core's where both sides use it), and on
// failure 400 VALIDATION_FAILED naming every bad field in Chinese.
import type { z } from 'zod';
import { parseHousehold, toFieldErrors, type HouseholdData } from '@bangfu/core';
import { validationFailed } from './errors.js';

/** Parses a request body (or anything else) with its schema; 400 with every field's error otherwise. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(toFieldErrors(r.error), what);
  return r.data;
}

/** A query string: list pages send empty parameters for cleared filters, which mean "no filter". */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown, what: string): z.output<T> {
  return parseInput(schema, dropEmpty(query), what);
}

export function dropEmpty(query: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '' && v !== undefined));
}

/** The household file: core's parseHousehold, which reports every field at once (cross-field rules too). */
export function parseHouseholdInput(input: unknown, what = 'household'): HouseholdData {
  const r = parseHousehold(input);
  if (!r.ok) throw validationFailed(r.errors, what);
  return r.data;
}
