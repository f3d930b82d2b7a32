import type { FastifyInstance } from 'fastify';
import { auditListResponseSchema, auditQuerySchema, chainCheckSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { forbidden, validationFailed } from '../../lib/errors.js';
import { parseQuery } from '../../lib/validate.js';
import { isAdmin } from '../access/scope.js';
import { listAudit, verifyAuditChain } from './audit.repository.js';

const tags = ['audit 审计日志'];

/** The UTC instant at which a day (YYYY-MM-DD, China time) starts; timestamps are stored in UTC. */
function chinaDayStart(day: string, plusDays = 0): string {
  const t = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(t)) throw validationFailed([{ path: 'from', message: '日期无效' }], 'audit query');
  return new Date(t + plusDays * 86_400_000).toISOString();
}

/** Read-only: the log has no route that alters or deletes a row. */
export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/audit', { schema: routeSchema({ summary: 'The audit log, newest first, filtered (admins)', tags, querystring: auditQuerySchema, response: { 200: auditListResponseSchema } }) }, async (req) => {
    if (!isAdmin(actorOf(req))) throw forbidden('只有系统管理员可以查看审计日志');
    const f = parseQuery(auditQuerySchema, req.query, 'audit query');
    const { total, rows } = await listAudit(db, { ...f, from: f.from && chinaDayStart(f.from), to: f.to && chinaDayStart(f.to, 1) });
    return {
      total,
      items: rows.map((x) => ({
        id: Number(x.id), at: x.at, userId: x.user_id, username: x.username, action: x.action, entity: x.entity, entityId: x.entity_id,
        detail: x.detail ? JSON.parse(x.detail) : null, ip: x.ip, hash: x.hash,
      })),
    };
  });

  app.get('/api/audit/verify', { schema: routeSchema({ summary: 'Checks the hash chain (admins)', tags, response: { 200: chainCheckSchema } }) }, async (req) => {
    if (!isAdmin(actorOf(req))) throw forbidden('只有系统管理员可以查看审计日志');
    return verifyAuditChain(db);
  });
}
