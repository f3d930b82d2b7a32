import type { z } from 'zod';
import { toFieldErrors } from '@bangfu/core';
import { validationFailed } from './errors.js';

/** Parses a request body or query with its Zod schema; 400 with every field's Chinese error otherwise. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(toFieldErrors(r.error), what);
  return r.data;
}
