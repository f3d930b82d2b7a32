import { inTransaction, type Db } from '../../db/transaction.js';
import * as users from '../users/users.repository.js';
import { AppError } from '../../lib/errors.js';
import { verifyPassword } from '../../lib/password.js';
import type { Actor, Role } from '../access/actor.js';
import { audit, auditNow } from '../audit/audit.repository.js';
import { createSession } from './sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

// Verifying against a dummy hash when the user is unknown keeps timing from telling which
// usernames exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const badCredentials = () => new AppError('INVALID_CREDENTIALS', { message: '用户名或密码错误' });

export async function login(db: Db, username: unknown, password: unknown, ip: string | null) {
  if (typeof username !== 'string' || typeof password !== 'string' || !username || !password)
    throw new AppError('VALIDATION_FAILED', { message: '请输入用户名和密码', errors: [
      ...(typeof username === 'string' && username ? [] : [{ path: 'username', message: '请输入用户名' }]),
      ...(typeof password === 'string' && password ? [] : [{ path: 'password', message: '请输入密码' }]),
    ] });
  const user = await users.findUserByName(db, username);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  const now = Date.now();
  if (user && user.locked_until && Date.parse(user.locked_until) > now) {
    await auditNow(db, { id: Number(user.id), username, ip }, 'session.login_locked');
    const minutes = Math.ceil((Date.parse(user.locked_until) - now) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', { message: `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试` });
  }
  if (!user || !ok || !user.active) {
    await inTransaction(db, async (trx) => {
      if (user) {
        const failures = user.failed_logins + 1;
        const lock = failures >= MAX_FAILED_LOGINS;
        await users.setLoginFailures(trx, Number(user.id), lock ? 0 : failures, lock ? new Date(now + LOCK_MS).toISOString() : user.locked_until);
      }
      await audit(trx, { id: user ? Number(user.id) : null, username, ip }, 'session.login_failed');
    });
    throw badCredentials();
  }
  const session = await inTransaction(db, async (trx) => {
    await users.setLoginFailures(trx, Number(user.id), 0, null);
    await audit(trx, { id: Number(user.id), username, ip }, 'session.login');
    return createSession(trx, Number(user.id), ip);
  });
  return { session, actor: await loadActor(db, Number(user.id), ip) };
}

export async function loadActor(db: Db, userId: number, ip: string | null): Promise<Actor | undefined> {
  const r = await users.findActorRow(db, userId);
  if (!r || !r.active) return undefined;
  return { id: Number(r.id), username: r.username, displayName: r.display_name, role: r.role as Role, orgCode: r.org_code, orgName: r.org_name, ip };
}

export function publicUser(a: Actor) {
  return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, orgCode: a.orgCode, orgName: a.orgName };
}
