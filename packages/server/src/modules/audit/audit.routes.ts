import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { toFieldErrors } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route-docs.js';
import { actorOf } from '../../lib/request-context.js';
import { forbidden, validationFailed } from '../../lib/errors.js';
import { isAdmin } from '../access/scope.js';
import { verifyAuditChain } from './audit.repository.js';

const tags = ['audit 审计日志'];

/** The UTC instant at which a day (YYYY-MM-DD, China time) starts; timestamps are stored in UTC. */
function chinaDayStart(day: string, plusDays = 0): string {
  const t = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(t)) throw validationFailed([{ path: 'from', message: '日期无效' }], 'audit query');
  return new Date(t + plusDays * 86_400_000).toISOString();
}

export const auditQuerySchema = z.object({
  action: z.string().max(64).optional(),
  username: z.string().max(64).optional(),
  entity: z.string().max(32).optional(),
  entityId: z.string().max(64).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '开始日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '结束日期格式应为 YYYY-MM-DD' }).optional(),
  page: z.coerce.number().int().min(1, { error: '页码应为正整数' }).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, { error: '每页条数应为1至200' }).default(50),
});

/** Read-only: the log has no route that alters or deletes a row. */
export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/audit', { schema: routeSchema({ summary: 'The audit log, newest first, filtered (admins)', tags, querystring: auditQuerySchema }) }, async (req) => {
    if (!isAdmin(actorOf(req))) throw forbidden('只有系统管理员可以查看审计日志');
    const clean = Object.fromEntries(Object.entries((req.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
    const r = auditQuerySchema.safeParse(clean);
    if (!r.success) throw validationFailed(toFieldErrors(r.error), 'audit query');
    const f = r.data;
    const base = db
      .selectFrom('audit_log')
      // a plain, case-sensitive prefix on both databases (LIKE would treat % and _ as wildcards)
      .$if(!!f.action, (q) => q.where(sql<boolean>`substr(action, 1, ${f.action!.length}) = ${f.action}`))
      .$if(!!f.username, (q) => q.where('username', '=', f.username!))
      .$if(!!f.entity, (q) => q.where('entity', '=', f.entity!))
      .$if(!!f.entityId, (q) => q.where('entity_id', '=', f.entityId!))
      .$if(!!f.from, (q) => q.where('at', '>=', chinaDayStart(f.from!)))
      .$if(!!f.to, (q) => q.where('at', '<', chinaDayStart(f.to!, 1)));
    const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const rows = await base.selectAll().orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    return {
      total: Number(total),
      items: rows.map((x) => ({
        id: Number(x.id), at: x.at, userId: x.user_id, username: x.username, action: x.action, entity: x.entity, entityId: x.entity_id,
        detail: x.detail ? JSON.parse(x.detail) : null, ip: x.ip, hash: x.hash,
      })),
    };
  });

  app.get('/api/audit/verify', { schema: routeSchema({ summary: 'Checks the hash chain (admins)', tags }) }, async (req) => {
    if (!isAdmin(actorOf(req))) throw forbidden('只有系统管理员可以查看审计日志');
    return verifyAuditChain(db);
  });
}
