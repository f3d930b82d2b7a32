import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sessionUserSchema as user } from '@bangfu/core';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { AppError } from '../../lib/errors.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { auditNow } from '../audit/audit.repository.js';
import { changeOwnPassword, login, passwordChangeSchema, publicUser } from './auth.service.js';
import { CSRF_COOKIE, deleteSession, SESSION_COOKIE, tokenHash } from './sessions.js';

const tags = ['session 登录'];
const loginBody = z.object({ username: z.string(), password: z.string() });

export async function authRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const cookieBase = { path: '/', sameSite: 'strict' as const, secure: config.cookieSecure };

  // per client address, in this process; the per-account lock (5 failures) is kept in the database
  const perAddress = app.rateLimit({
    max: config.loginRatePerMinute ?? 30,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('TOO_MANY_REQUESTS', { message: `登录尝试过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`, errors: [{ path: 'username', message: '登录尝试过于频繁' }] }),
  });
  app.post('/api/session', {
    onRequest: perAddress,
    config: { public: true },
    schema: routeSchema({ summary: 'Log in: sets the httpOnly session cookie and the CSRF cookie', tags, body: loginBody, response: { 200: z.object({ user }) }, public: true }),
  }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { session, actor } = await login(db, body.username, body.password, req.ip);
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true });
    // readable by the page, which echoes it in x-csrf-token (double submit)
    reply.setCookie(CSRF_COOKIE, session.csrf, { ...cookieBase, httpOnly: false });
    return { user: publicUser(actor!) };
  });

  app.get('/api/session', {
    schema: routeSchema({ summary: 'The logged-in user', tags, response: { 200: z.object({ user }) } }),
  }, async (req) => ({ user: publicUser(actorOf(req)) }));

  app.put('/api/session/password', {
    schema: routeSchema({ summary: 'Change one\'s own password (the current one is required); other sessions of the user end', tags, body: passwordChangeSchema, response: { 204: null } }),
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    await changeOwnPassword(db, actorOf(req), req.body, token ? tokenHash(token) : null);
    return reply.code(204).send();
  });

  app.delete('/api/session', {
    schema: routeSchema({ summary: 'Log out', tags, response: { 204: null } }),
  }, async (req, reply) => {
    const actor = actorOf(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    await auditNow(db, actor, 'session.logout');
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
