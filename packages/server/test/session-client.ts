// Logged-in clients that, unlike helpers.ts's Client, keep their cookies and password in view:
// for PATCH, raw (non-JSON) bodies, a second session of the same user, and for tests that
// tamper with the sessions table. Also small fixtures shared by the access, lifecycle and
// security tests.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ADMIN_PASSWORD, multipartBody, type Client, type TestContext } from './helpers.js';
import { createUser } from '../src/modules/users/users.service.js';
import type { Role } from '../src/modules/access/actor.js';
import type { Db } from '../src/db/index.js';

export type Res = LightMyRequestResponse;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SessionClient extends Client {
  id: number;
  password: string;
  displayName: string;
  cookies: Record<string, string>;
  /** sha-256 of the session token, as the sessions table stores it */
  tokenHash: string;
  patch(url: string, body?: unknown): Promise<Res>;
  /** any method, any payload (a Buffer, a string, an object sent as JSON) and extra headers */
  request(opts: { method: Method; url: string; payload?: unknown; headers?: Record<string, string>; csrf?: boolean }): Promise<Res>;
  /** a second, independent session of the same user */
  relogin(): Promise<SessionClient>;
}

export async function sessionLogin(app: FastifyInstance, username: string, password: string, displayName = username): Promise<SessionClient> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies: Record<string, string> = {};
  for (const c of res.cookies) cookies[c.name] = c.value;
  const id = res.json().user.id as number;
  const request: SessionClient['request'] = ({ method, url, payload, headers = {}, csrf = method !== 'GET' }) =>
    app.inject({
      method, url, cookies,
      headers: { ...(csrf ? { 'x-csrf-token': cookies.bangfu_csrf } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  return {
    username, password, id, displayName, cookies,
    tokenHash: createHash('sha256').update(cookies.bangfu_session).digest('hex'),
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: body ?? {} }),
    put: (url, body) => request({ method: 'PUT', url, payload: body ?? {} }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body ?? {} }),
    del: (url) => request({ method: 'DELETE', url }),
    upload: (url, files, fields) => {
      const { payload, contentType } = multipartBody(files, fields);
      return request({ method: 'POST', url, payload: payload as unknown as string, headers: { 'content-type': contentType } });
    },
    request,
    relogin: () => sessionLogin(app, username, password, displayName),
  };
}

let seq = 0;

/** Creates a user through the service (as helpers.ts does) and logs in, keeping the session at hand. */
export async function sessionUserIn(ctx: TestContext, orgCode: string, role: Role, displayName?: string): Promise<SessionClient> {
  const username = `s${role}_${orgCode.replace(/\W/g, '')}_${++seq}_${randomBytes(3).toString('hex')}`;
  const password = `Pw-${randomBytes(8).toString('hex')}`;
  const name = displayName ?? `${role}用户${seq}`;
  await createUser(ctx.db, null, { username, password, displayName: name, orgCode, role });
  return sessionLogin(ctx.app, username, password, name);
}

export const sessionAdmin = (ctx: TestContext) => sessionLogin(ctx.app, 'admin', ADMIN_PASSWORD, '系统管理员');

/** 定点联系: links a household to a leader or staff user (no API yet; the table is written directly). */
export async function linkHousehold(db: Db, householdId: number, userId: number): Promise<void> {
  await db.insertInto('household_links').values({ household_id: householdId, user_id: userId, kind: 'link', created_at: new Date().toISOString() }).execute();
}

export async function statusOf(db: Db, id: number): Promise<string | undefined> {
  const r = await db.selectFrom('households').select('status').where('id', '=', id).executeTakeFirst();
  return r?.status;
}

export async function countRows(db: Db, table: 'households' | 'orgs' | 'users' | 'audit_log' | 'policy_changes' | 'sessions' | 'campaigns' | 'submissions' | 'research_reports' | 'bulletins'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The xlsx MIME type that POST /api/orgs/import reads. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook with header 名称 | 上级组织代码 and the given rows. */
export async function unitsWorkbook(rows: [string, string][], header: [string, string] = ['名称', '上级组织代码']): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('基层工会');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
