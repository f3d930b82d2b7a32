// Composition root: external plugins, then the app's hooks (auth, CSRF, headers, errors), then
// routes. buildApp takes an open database so tests and the CLI share it.
import { isUniqueViolation } from './db/dialect.js';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from './config.js';
import type { Db } from './db/index.js';
import { AppError, validationFailed } from './lib/errors.js';
import type { ErrorCode } from '@bangfu/core';
import './lib/request.context.js';
import { serializerFor } from './lib/route.docs.js';
import { loadActor } from './modules/auth/auth.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { CSRF_COOKIE, csrfFor, resolveSession, SESSION_COOKIE } from './modules/auth/sessions.js';
import { householdRoutes } from './modules/households/households.routes.js';
import { orgRoutes } from './modules/orgs/orgs.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { identificationRoutes } from './modules/identification/identification.routes.js';
import { reevaluateJob } from './modules/households/reevaluate.job.js';
import { urgencyJob } from './modules/households/urgency.job.js';
import { JobRunner } from './modules/jobs/jobs.runner.js';
import { startFolding } from './db/deltas.js';
import { HOUSEHOLD_DELTAS } from './modules/households/tally.sql.js';
import { ASSISTANCE_DELTAS } from './modules/assistance/assistance-tally.repository.js';
import { jobRoutes } from './modules/jobs/jobs.routes.js';
import { policyRoutes } from './modules/policy/policy.routes.js';
import { proposalRoutes } from './modules/proposals/proposals.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { assistanceRoutes } from './modules/assistance/assistance.routes.js';
import { followUpRoutes } from './modules/assistance/follow-ups.routes.js';
import { transferRoutes } from './modules/transfers/transfers.routes.js';
import { duplicateRoutes } from './modules/duplicates/duplicates.routes.js';
import { dibaoRoutes } from './modules/dibao/dibao.routes.js';
import { duplicateScanJob } from './modules/duplicates/duplicates.job.js';
import { followUpScheduleJob } from './modules/assistance/follow-ups.job.js';
import { campaignRoutes } from './modules/campaigns/campaigns.routes.js';
import { submissionRoutes } from './modules/campaigns/submissions.routes.js';
import { researchReportRoutes } from './modules/campaigns/research-reports.routes.js';
import { bulletinRoutes } from './modules/bulletins/bulletins.routes.js';
import { assessmentRoutes } from './modules/assessment/assessment.routes.js';
import { commendationRoutes } from './modules/assessment/commendations.routes.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { dashboardRoutes } from './modules/campaigns/dashboard.routes.js';
import { exchangeRoutes } from './modules/exchange/exchange.routes.js';
import { importAnalyzeJob, importCommitJob } from './modules/exchange/import.jobs.js';
import { expireStaleImports } from './modules/exchange/import.service.js';
import { printRoutes } from './modules/print/print.routes.js';
import { ensureAuditKeyed, useAuditKey } from './modules/audit/audit.repository.js';
import { loadAuditKey } from './modules/audit/audit.key.js';
import type { FontCandidate } from './modules/print/pdf.font.js';

export interface AppOptions {
  config: Config;
  db: Db;
  logger?: boolean | object;
  /** where the printed forms look for a Chinese font; the default list when absent (tests inject one) */
  pdfFontCandidates?: () => FontCandidate[];
  /** the name of this instance's job leases (default: host, pid, random); tests run two instances in one process */
  jobOwner?: string;
  /**
   * Set when another process runs the jobs (`bangfu serve` with several processes: one of them does
   * nothing else, so a re-evaluation's batches never hold up a request): told when one is queued.
   */
  jobsElsewhere?: () => void;
}

/** The routes that take a file: limited per user (BANGFU_UPLOAD_RATE). */
const UPLOAD_ROUTES = new Set(['/api/imports', '/api/campaigns/:id/research-reports', '/api/research-reports/:id/file', '/api/dibao-lists']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A constraint the database enforced where a service's own check lost a race (two creates of the
 * same username or code at once), or a value past a column's range: a refusal, not a 500.
 */
function databaseRefusal(err: unknown): { status: number; code: ErrorCode; message: string; path: string } | null {
  const e = err as { code?: string; message?: string; detail?: string; constraint?: string };
  const msg = e?.message ?? '';
  const sqliteUnique = /UNIQUE constraint failed: \w+\.(\w+)/.exec(msg);
  if (isUniqueViolation(err)) {
    const column = sqliteUnique?.[1] ?? /Key \((\w+)/.exec(e.detail ?? '')?.[1] ?? '';
    return { status: 409, code: 'CONFLICT', message: '该记录已存在或正被他人同时提交，请刷新后重试', path: column };
  }
  if (e?.code === '22003' || e?.code === '22001')
    return { status: 400, code: 'VALIDATION_FAILED', message: '填写的数值或文字超出了允许的范围', path: '' };
  return null;
}

/** The path of the first string holding a NUL character (keys included), or null. */
function nulPath(v: unknown, path = '', depth = 0): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (!v || typeof v !== 'object' || depth > 32) return null;
  for (const [k, x] of Object.entries(v)) {
    const p = Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return p;
    const found = nulPath(x, p, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** What Fastify itself refuses (before a route runs), said as our own refusals are: code, Chinese, the field. */
function frameworkRefusal(status: number, fastifyCode: string | undefined): { code: ErrorCode; message: string; path: string } {
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求内容的格式不受支持，应为 JSON（Content-Type: application/json）', path: 'body' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大', path: 'body' };
  if (fastifyCode?.startsWith('FST_ERR_CTP')) return { code: 'INVALID_BODY', message: '请求内容不是有效的 JSON', path: 'body' };
  if (status === 414 || fastifyCode === 'FST_ERR_BAD_URL') return { code: 'BAD_REQUEST', message: '请求地址格式不正确', path: 'url' };
  return { code: 'BAD_REQUEST', message: '请求格式不正确', path: 'body' };
}

export async function buildApp({ config, db, logger, pdfFontCandidates, jobOwner, jobsElsewhere }: AppOptions): Promise<FastifyInstance> {
  useAuditKey(loadAuditKey(config));
  await ensureAuditKeyed(db);
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    // the router's own refusals (a malformed or over-long path) in our shape, with the security headers
    frameworkErrors: (err, req, reply) => {
      req.log.info({ err }, 'bad url');
      const { path: field, ...refusal } = frameworkRefusal(400, 'FST_ERR_BAD_URL');
      void (reply as FastifyReply).code(400).send({ ...refusal, errors: [{ path: field, message: refusal.message }] });
    },
    bodyLimit: 2 * 1024 * 1024,
  });

  // Zod validates inside the services (one schema, one error format); a response leaves through
  // its route's Zod schema (core's contract), so nothing the schema does not name is sent.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(({ schema }) => serializerFor(schema));

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'bangfu 帮扶 API', version: '0.1.0', description: '城镇困难职工精准帮扶档案系统。JSON keys and enumerated values follow the household file spec; money in yuan with at most 2 decimals; dates YYYY-MM-DD. State-changing requests need the x-csrf-token header (the value of the bangfu_csrf cookie).' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
  });
  // the API document's page under a CSP of its own (swagger-ui's scripts are files, its styles inline)
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // swagger-ui's own policy without upgrade-insecure-requests (an intranet may serve plain HTTP) and without https: sources
    staticCSP: "default-src 'self'; base-uri 'self'; font-src 'self' data:; frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self'",
  });

  app.addHook('onRequest', async (req) => {
    // only origin-form targets: the hooks below decide by the path, and an absolute-form target
    // (GET http://x/api/…) once reached the routes without a session
    if (!req.url.startsWith('/')) throw new AppError('BAD_REQUEST', { message: '请求地址格式不正确', errors: [{ path: 'url', message: '请求地址应以 / 开头' }] });
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const userId = await resolveSession(db, token);
      if (userId !== undefined) req.actor = await loadActor(db, userId, req.ip);
    }
  });

  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.public || req.url.startsWith('/api/docs')) return;
    if (!req.routeOptions.url) return; // 404s are answered by the not-found handler
    if (!req.actor) throw new AppError('UNAUTHENTICATED', { message: '登录已过期或尚未登录，请重新登录' });
    if (!SAFE_METHODS.has(req.method)) {
      const token = req.cookies[SESSION_COOKIE]!;
      const sent = req.headers['x-csrf-token'];
      if (sent !== csrfFor(token)) throw new AppError('CSRF_FAILED', { message: '页面已过期，请刷新页面后重试' });
    }
  });

  // Heavy work per user (in this process): uploads, and downloads of written documents (workbooks,
  // PDFs, Word, personal-data copies), so that one account cannot hold the cores or fill the disk.
  const perUser = (max: number, what: string) => app.rateLimit({
    max, timeWindow: 60_000,
    keyGenerator: (req) => (req.actor ? `u${req.actor.id}` : `a${req.ip}`),
    errorResponseBuilder: (_req, ctx) => new AppError('TOO_MANY_REQUESTS', { message: `${what}过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试` }),
  });
  const uploads = perUser(config.uploadRatePerMinute ?? 10, '上传文件');
  const exports = perUser(config.exportRatePerMinute ?? 30, '导出和下载');
  app.addHook('preHandler', async (req, reply) => {
    const url = req.routeOptions.url;
    if (!url || !req.actor) return;
    if (req.method === 'POST' && UPLOAD_ROUTES.has(url)) await uploads.call(app, req, reply);
    else if (req.method === 'GET' && /\.(xlsx|pdf|docx|json)$/.test(url)) await exports.call(app, req, reply);
  });

  // PostgreSQL cannot store NUL in text, and no field of ours has a use for it: refused by name,
  // before any service sees it (it once made 19 kinds of request fail with a 500)
  app.addHook('preHandler', async (req) => {
    const at = nulPath(req.body) ?? nulPath(req.query) ?? nulPath(req.params);
    if (at !== null) throw validationFailed([{ path: at, message: '内容中含有不允许的控制字符（NUL）' }], 'NUL in input');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    // behind HTTPS (COOKIE_SECURE=true) the browser is told to keep to HTTPS
    if (config.cookieSecure) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (req.url.startsWith('/api/') && !req.url.startsWith('/api/docs')) reply.header('Cache-Control', 'no-store');
    else if (!req.url.startsWith('/api/docs'))
      reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'");
    return payload;
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      req.log.info({ code: err.code, detail: err.message }, 'request refused');
      return reply.code(err.status).send(err.toBody());
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status < 500) {
      req.log.info({ err }, 'bad request');
      const { path: field, ...refusal } = frameworkRefusal(status, (err as FastifyError).code);
      return reply.code(status).send({ ...refusal, errors: [{ path: field, message: refusal.message }] });
    }
    const db = databaseRefusal(err);
    if (db) {
      req.log.warn({ err }, 'refused by the database');
      return reply.code(db.status).send({ code: db.code, message: db.message, errors: [{ path: db.path, message: db.message }] });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如持续出现请联系系统管理员' });
  });

  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { db, config });
  await app.register(userRoutes, { db });
  await app.register(orgRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(householdRoutes, { db });
  await app.register(printRoutes, { db, fontCandidates: pdfFontCandidates });
  const runner = new JobRunner(db, { reevaluate: reevaluateJob, urgency: urgencyJob, followUpSchedule: followUpScheduleJob, duplicateScan: duplicateScanJob, 'import.analyze': importAnalyzeJob, 'import.commit': importCommitJob }, app.log, undefined, jobOwner, jobsElsewhere);
  app.decorate('jobs', runner);
  await app.register(identificationRoutes, { db });
  await app.register(policyRoutes, { db, runner });
  await app.register(jobRoutes, { db });
  await app.register(proposalRoutes, { db });
  await app.register(assistanceRoutes, { db });
  await app.register(followUpRoutes, { db });
  await app.register(transferRoutes, { db });
  await app.register(duplicateRoutes, { db, runner });
  await app.register(dibaoRoutes, { db, uploadDir: config.uploadDir ?? path.resolve('data', 'uploads') });
  await app.register(settingsRoutes, { db, runner });
  await app.register(campaignRoutes, { db });
  await app.register(submissionRoutes, { db });
  await app.register(researchReportRoutes, { db });
  await app.register(bulletinRoutes, { db, fontCandidates: pdfFontCandidates });
  await app.register(assessmentRoutes, { db });
  await app.register(commendationRoutes, { db, fontCandidates: pdfFontCandidates });
  await app.register(privacyRoutes, { db });
  await app.register(dashboardRoutes, { db });
  await app.register(exchangeRoutes, { db, runner, uploadDir: config.uploadDir ?? path.resolve('data', 'uploads') });
  app.addHook('onReady', async () => {
    await expireStaleImports(db); // unconfirmed imports keep no personal data for long
    runner.kick(); // resumes jobs a restart interrupted
  });
  const tallies = startFolding(db, [...HOUSEHOLD_DELTAS, ...ASSISTANCE_DELTAS], app.log);
  app.addHook('onClose', async () => {
    await runner.stop();
    await tallies.stop();
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const webDist = config.webDist ?? path.resolve(import.meta.dirname, '../../web/dist');
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET')
      return reply.code(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在' });
    // client-side routes of the single-page app
    return reply.sendFile('index.html');
  });

  return app;
}
