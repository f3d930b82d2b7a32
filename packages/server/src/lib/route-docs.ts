// Turns the Zod schemas a route uses into the JSON Schema of its OpenAPI entry, so the document
// at /api/openapi.json is generated from the very schemas that validate requests.
import { z } from 'zod';

type Zod = z.ZodType;

export const errorBody = z.object({
  code: z.string().describe('stable error code, e.g. VALIDATION_FAILED'),
  message: z.string().describe('Chinese message for the person'),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export function jsonSchema(schema: Zod, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
  void $schema;
  return rest;
}

export interface RouteDocs {
  summary: string;
  tags: string[];
  body?: Zod;
  querystring?: Zod;
  params?: Zod;
  response?: Record<number, Zod | null>;
  public?: boolean;
}

/** The Fastify `schema` for a route: used by @fastify/swagger only (validation is Zod's, in the handler). */
export function routeSchema(d: RouteDocs) {
  const response: Record<string, unknown> = {};
  for (const [status, s] of Object.entries(d.response ?? {}))
    response[status] = s ? jsonSchema(s) : { type: 'null', description: 'No content' };
  for (const status of d.public ? [400, 500] : [400, 401, 403, 404, 500])
    if (!response[status]) response[status] = jsonSchema(errorBody);
  return {
    summary: d.summary,
    tags: d.tags,
    ...(d.body ? { body: jsonSchema(d.body, 'input') } : {}),
    ...(d.querystring ? { querystring: jsonSchema(d.querystring, 'input') } : {}),
    ...(d.params ? { params: jsonSchema(d.params, 'input') } : {}),
    response,
    ...(d.public ? {} : { security: [{ session: [] }] }),
  };
}
