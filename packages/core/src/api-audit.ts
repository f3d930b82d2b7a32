// The audit log's query and responses, and its chain check (also what the CLI prints).
import { z } from 'zod';

const int = () => z.number().int();

/** The log's filters and page: validated by the server, built by the audit page. */
export const auditQuerySchema = z.object({
  /** a prefix: 'household.' or 'session.login' */
  action: z.string().max(64).optional(),
  username: z.string().max(64).optional(),
  entity: z.string().max(32).optional(),
  entityId: z.string().max(64).optional(),
  /** YYYY-MM-DD, China time, inclusive */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '开始日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '结束日期格式应为 YYYY-MM-DD' }).optional(),
  page: z.coerce.number().int().min(1, { error: '页码应为正整数' }).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, { error: '每页条数应为1至200' }).default(50),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditItemSchema = z.object({
  id: int(),
  at: z.string(),
  userId: int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.unknown(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;
export const auditListResponseSchema = z.object({ total: int(), items: z.array(auditItemSchema) });

export const chainBreakSchema = z.object({ id: int(), reason: z.string() });
export type ChainBreak = z.infer<typeof chainBreakSchema>;

/** The whole chain checked: every break listed (up to a limit), not only the first. */
export const chainCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: int() }),
  z.object({
    ok: z.literal(false),
    rows: int(),
    keyedFrom: int().nullable().describe('the first row of the keyed (HMAC) chain'),
    brokenAt: int(),
    reason: z.string(),
    breaks: z.array(chainBreakSchema),
    breakCount: int(),
  }),
]);
export type ChainCheck = z.infer<typeof chainCheckSchema>;
