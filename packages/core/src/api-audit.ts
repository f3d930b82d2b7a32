// The responses of the audit log and of its chain check, the latter also what the CLI prints.
import { z } from 'zod';

const int = () => z.number().int();

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
