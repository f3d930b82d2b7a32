// Requests made from the OpenAPI document, to attack the server with: every operation, its path
// parameters as real ids and as hostile ones, query strings and bodies generated from the schemas
// the server publishes, then mutated (wrong types, nulls, huge and NUL-laden strings, lone
// surrogates, deep nesting, unknown keys, bodies that are not JSON at all).
import fc from 'fast-check';

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: string[];
  query?: JsonSchema;
  body?: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
  nullable?: boolean;
}

type OpenApi = { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/docs') || path === '/api/openapi.json') continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const query: JsonSchema = { type: 'object', properties: {} };
      for (const p of op.parameters ?? []) if (p.in === 'query') query.properties![p.name] = p.schema ?? { type: 'string' };
      ops.push({
        method: m.toUpperCase() as Operation['method'],
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]),
        query: Object.keys(query.properties!).length ? query : undefined,
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

/** Strings that have broken servers: NUL, lone surrogates, huge, SQL and path tricks, formulas. */
export const hostileString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x'.repeat(100_000), '../../etc/passwd', "'; drop table users; --", '%00', '=HYPERLINK("http://x")',
    '2147483648', '-1', '9007199254740993', '1e309', 'NaN', 'null', 'true', '<script>alert(1)</script>', '\u202e', '０１２', 'H01', 'H0100001', '110101199003074514'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const hostileNumber = fc.oneof(fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER), fc.integer(), fc.double({ noNaN: false }));

/** A value of the schema's shape (often valid), each level sometimes replaced by something hostile. */
export function valueOf(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(hostileString, hostileNumber, fc.constantFrom(null, true, false, [], {}, [[[[[[]]]]]]), fc.object({ maxDepth: 2 }));
  if (!schema || depth > 4) return hostile;
  const alt = schema.anyOf ?? schema.oneOf;
  const shaped: fc.Arbitrary<unknown> = alt?.length
    ? fc.oneof(...alt.map((s) => valueOf(s, depth + 1)))
    : schema.enum?.length
      ? fc.constantFrom(...schema.enum)
      : shapedByType(schema, depth);
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: hostile });
}

function shapedByType(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of props) record[k] = valueOf(s, depth + 1);
      return fc.tuple(fc.record(record, { requiredKeys: schema.required?.filter((k) => k in record) ?? [] }), fc.dictionary(hostileString, hostileString, { maxKeys: 2 }))
        .map(([known, extra]) => ({ ...extra, ...known }));
    }
    case 'array':
      return fc.array(valueOf(schema.items, depth + 1), { maxLength: 5 });
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1e9) }), hostileNumber);
    case 'number':
      return fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), hostileNumber);
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.format === 'date') return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), hostileString);
      return fc.oneof(fc.string({ maxLength: schema.maxLength ?? 30 }), hostileString);
    default:
      return fc.oneof(hostileString, hostileNumber, fc.boolean());
  }
}

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  payload?: string;
  headers: Record<string, string>;
}

/** One request for an operation: path ids (known or hostile), a query string and a body. */
export function requestOf(op: Operation, ids: Record<string, string[]>): fc.Arbitrary<FuzzRequest> {
  const paramArb = fc.tuple(...op.params.map((p) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(ids[p] ?? ['1'])) }, { weight: 1, arbitrary: hostileString.map((s) => s.slice(0, 200)) })));
  const queryArb = op.query ? valueOf(op.query) : fc.constant(undefined);
  const bodyArb = op.body
    ? fc.oneof(
        { weight: 6, arbitrary: valueOf(op.body).map((v) => ({ payload: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
        { weight: 1, arbitrary: fc.constantFrom('{', '[1,', 'null', '"x"', '{"a":'.repeat(50), '\u0000').map((p) => ({ payload: p, type: 'application/json' })) },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data', 'application/x-www-form-urlencoded').map((t) => ({ payload: 'a=1', type: t })) },
      )
    : fc.constant(undefined);
  return fc.tuple(paramArb, queryArb, bodyArb).map(([params, query, body]) => {
    let path = op.path;
    op.params.forEach((p, i) => (path = path.replace(`{${p}}`, encodeSegment(String(params[i])))));
    const qs = query && typeof query === 'object' && !Array.isArray(query)
      ? new URLSearchParams(Object.entries(query as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString()
      : '';
    return {
      method: op.method,
      url: qs ? `${path}?${qs}` : path,
      ...(body ? { payload: body.payload } : {}),
      headers: (body ? { 'content-type': body.type } : {}) as Record<string, string>,
    };
  });
}

/** A path segment; a lone surrogate goes as the invalid UTF-8 bytes a hostile client would send. */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}
