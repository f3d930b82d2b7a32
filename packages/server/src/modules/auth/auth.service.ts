import type { Db } from '../../db/index.js';
import { AppError } from '../../lib/errors.js';
import { verifyPassword } from '../../lib/password.js';
import type { Actor, Role } from '../access/actor.js';
import { appendAudit, auditNow } from '../audit/audit.repository.js';
import { createSession } from './sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

// Verifying against a dummy hash when the user is unknown keeps timing from telling which
// usernames exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');

export async function login(db: Db, username: unknown, password: unknown, ip: string | null) {
  if (typeof username !== 'string' || typeof password !== 'string' || !username || !password)
    throw new AppError(400, 'VALIDATION_FAILED', '请输入用户名和密码', [
      ...(typeof username === 'string' && username ? [] : [{ path: 'username', message: '请输入用户名' }]),
      ...(typeof password === 'string' && password ? [] : [{ path: 'password', message: '请输入密码' }]),
    ]);
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  const now = Date.now();
  if (user && user.locked_until && Date.parse(user.locked_until) > now) {
    await auditNow(db, { userId: Number(user.id), username, action: 'session.login_locked', ip });
    const minutes = Math.ceil((Date.parse(user.locked_until) - now) / 60_000);
    throw new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  if (!user || !ok || !user.active) {
    await db.transaction().execute(async (trx) => {
      if (user) {
        const failures = user.failed_logins + 1;
        const lock = failures >= MAX_FAILED_LOGINS;
        await trx
          .updateTable('users')
          .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? new Date(now + LOCK_MS).toISOString() : user.locked_until })
          .where('id', '=', user.id)
          .execute();
      }
      await appendAudit(trx, { userId: user ? Number(user.id) : null, username, action: 'session.login_failed', ip });
    });
    throw badCredentials();
  }
  const session = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await appendAudit(trx, { userId: Number(user.id), username, action: 'session.login', ip });
    return createSession(trx as unknown as Db, Number(user.id), ip);
  });
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
