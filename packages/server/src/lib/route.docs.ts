// Turns the Zod schemas a route uses into the JSON Schema of its OpenAPI entry, so the document
// at /api/openapi.json is generated from the very schemas that validate requests, and keeps each
// response's Zod schema for the serializer: a response leaves the server through its schema
// (keys the schema does not name are dropped; a value that does not fit is a 500, in the log).
import { errorBodySchema } from '@bangfu/core';
import { z } from 'zod';

type Zod = z.ZodType;

export const errorBody = errorBodySchema;

/** The Zod schema of each generated response JSON Schema (by its text: Fastify may copy the object). */
const responseSchemas = new Map<string, Zod>();

/** The Zod schema a response's JSON Schema was generated from, if it was. */
export function zodOfResponse(jsonSchemaOfResponse: unknown): Zod | undefined {
  return responseSchemas.get(JSON.stringify(jsonSchemaOfResponse));
}

/** The serializer of a route's response: its Zod schema when it has one, plain JSON otherwise. */
export function serializerFor(jsonSchemaOfResponse: unknown): (data: unknown) => string {
  const schema = zodOfResponse(jsonSchemaOfResponse);
  if (!schema) return (data) => JSON.stringify(data);
  return (data) => {
    const r = schema.safeParse(data);
    if (!r.success) throw new Error(`response does not fit its schema: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return JSON.stringify(r.data);
  };
}

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

/** The Fastify `schema` for a route: the OpenAPI entry, and the response serializers (request validation is Zod's, in the service). */
export function routeSchema(d: RouteDocs) {
  const response: Record<string, unknown> = {};
  for (const [status, s] of Object.entries(d.response ?? {})) {
    response[status] = s ? jsonSchema(s) : { type: 'null', description: 'No content' };
    if (s) responseSchemas.set(JSON.stringify(response[status]), s);
  }
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
