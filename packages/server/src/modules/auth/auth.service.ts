import type { Db } from '../../db/index.js';
import { AppError } from '../../lib/errors.js';
import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from '@bangfu/core';
import { hashPassword, verifyPassword } from '../../lib/password.js';
import { validationFailed } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import type { Actor, Role } from '../access/actor.js';
import { appendAudit, auditNow } from '../audit/audit.repository.js';
import { createSession } from './sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

// Verifying against a dummy hash when the user is unknown keeps timing from telling which
// usernames exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Failed attempts on usernames that do not exist, in this process, bounded in size. */
const ghosts = new Map<string, { failures: number; until: number }>();
function ghostAttempt(username: string, now: number): { locked: boolean; until: number } {
  const g = ghosts.get(username) ?? { failures: 0, until: 0 };
  if (g.until > now) return { locked: true, until: g.until };
  if (g.until && g.until <= now) Object.assign(g, { failures: 0, until: 0 });
  g.failures++;
  // the attempt that reaches the limit is answered 423, as a real account's next attempt would be
  if (g.failures > MAX_FAILED_LOGINS) g.until = now + LOCK_MS;
  ghosts.delete(username);
  ghosts.set(username, g);
  if (ghosts.size > 10_000) ghosts.delete(ghosts.keys().next().value!);
  return { locked: g.until > now, until: g.until };
}

const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');

export async function login(db: Db, username: unknown, password: unknown, ip: string | null) {
  if (typeof username !== 'string' || typeof password !== 'string' || !username || !password)
    throw new AppError(400, 'VALIDATION_FAILED', '请输入用户名和密码', [
      ...(typeof username === 'string' && username ? [] : [{ path: 'username', message: '请输入用户名' }]),
      ...(typeof password === 'string' && password ? [] : [{ path: 'password', message: '请输入密码' }]),
    ]);
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const now = Date.now();
  const nowText = new Date(now).toISOString();
  const locked = async (until: string | null) => {
    await auditNow(db, { userId: Number(user!.id), username, action: 'session.login_locked', ip });
    const minutes = Math.max(1, Math.ceil(((until ? Date.parse(until) : now + LOCK_MS) - now) / 60_000));
    return new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  };
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    // an unknown name locks like a real one, so that 423 does not tell which accounts exist
    const ghost = ghostAttempt(username, now);
    if (ghost.locked) {
      await auditNow(db, { userId: null, username, action: 'session.login_locked', ip });
      throw new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${Math.max(1, Math.ceil((ghost.until - now) / 60_000))} 分钟后再试`);
    }
    await auditNow(db, { userId: null, username, action: 'session.login_failed', ip });
    throw badCredentials();
  }
  if (user.locked_until && user.locked_until > nowText) throw await locked(user.locked_until);
  // The attempt is counted before the password is checked, in one conditional update: parallel
  // attempts each take a number, and only the first MAX_FAILED_LOGINS are evaluated at all.
  const taken = await db.updateTable('users').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', user.id).where('failed_logins', '<', MAX_FAILED_LOGINS)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowText)]))
    .returning('failed_logins').executeTakeFirst();
  if (!taken) {
    const lockedUntil = new Date(now + LOCK_MS).toISOString();
    await db.updateTable('users').set({ locked_until: lockedUntil, failed_logins: 0 }).where('id', '=', user.id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowText)])).execute();
    throw await locked(lockedUntil);
  }
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok || !user.active) {
    await db.transaction().execute(async (trx) => {
      // the fifth failure locks; the counter starts again when the lock ends
      if (Number(taken.failed_logins) >= MAX_FAILED_LOGINS)
        await trx.updateTable('users').set({ failed_logins: 0, locked_until: new Date(now + LOCK_MS).toISOString() }).where('id', '=', user.id).execute();
      await appendAudit(trx, { userId: Number(user.id), username, action: 'session.login_failed', ip });
    });
    throw badCredentials();
  }
  const session = await db.transaction().execute(async (trx) => {
    // a lock that a parallel wrong attempt set meanwhile wins over a right password
    const cleared = await trx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', user.id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', new Date().toISOString())])).executeTakeFirst();
    if (Number(cleared.numUpdatedRows) !== 1) return null;
    await trx.updateTable('users').set({ locked_until: null }).where('id', '=', user.id).execute();
    await appendAudit(trx, { userId: Number(user.id), username, action: 'session.login', ip });
    return createSession(trx as unknown as Db, Number(user.id), ip);
  });
  if (!session) throw await locked(null);
  return { session, actor: await loadActor(db, Number(user.id), ip) };
}

export async function loadActor(db: Db, userId: number, ip: string | null): Promise<Actor | undefined> {
  const r = await db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.code', 'users.org_code')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.org_code', 'users.active', 'orgs.name as org_name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!r || !r.active) return undefined;
  return { id: Number(r.id), username: r.username, displayName: r.display_name, role: r.role as Role, orgCode: r.org_code, orgName: r.org_name, ip };
}

export function publicUser(a: Actor) {
  return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, orgCode: a.orgCode, orgName: a.orgName };
}

export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, { error: '请输入当前密码' }).max(PASSWORD_MAX, { error: '当前密码不正确' }),
  newPassword: z.string({ error: '请输入新密码' }),
});

/**
 * A user changes their own password: the current one must be right (a wrong one counts toward the
 * lock like a failed login), the new one passes the rule and differs; every other session ends.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: unknown, keepTokenHash: string | null): Promise<void> {
  const p = parseInput(passwordChangeSchema, input, 'password change');
  const user = await db.selectFrom('users').select(['id', 'username', 'password_hash', 'failed_logins']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(p.currentPassword, user.password_hash))) {
    await db.transaction().execute(async (trx) => {
      const failures = user.failed_logins + 1;
      await trx.updateTable('users').set(failures >= MAX_FAILED_LOGINS ? { failed_logins: 0, locked_until: new Date(Date.now() + LOCK_MS).toISOString() } : { failed_logins: failures })
        .where('id', '=', user.id).execute();
      await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'user.passwordChangeFailed', entity: 'user', entityId: actor.id, ip: actor.ip });
    });
    throw validationFailed([{ path: 'currentPassword', message: '当前密码不正确' }], 'password change');
  }
  const weak = passwordProblem(p.newPassword, user.username);
  if (weak) throw validationFailed([{ path: 'newPassword', message: weak }], 'password change');
  if (p.newPassword === p.currentPassword) throw validationFailed([{ path: 'newPassword', message: '新密码不能与当前密码相同' }], 'password change');
  const password_hash = await hashPassword(p.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash, failed_logins: 0 }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).$if(keepTokenHash !== null, (q) => q.where('token_hash', '<>', keepTokenHash!)).execute();
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'user.passwordChange', entity: 'user', entityId: actor.id, ip: actor.ip });
  });
}
