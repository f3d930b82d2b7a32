// SQL of the users, their sessions and the approvals of their accounts (two-person rule). A
// session belongs to its user: deactivating a user or resetting a password ends them in the same
// transaction.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';

export async function findUserByName(q: Q, username: string) {
  return q.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(q: Q, id: number) {
  return q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserNames(q: Q, id: number) {
  return q.selectFrom('users').select(['username', 'display_name']).where('id', '=', id).executeTakeFirst();
}

export async function anyAdmin(q: Q): Promise<boolean> {
  return !!(await q.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst());
}

/** The user with the organization's name: what an Actor is made of. */
export async function findActorRow(q: Q, userId: number) {
  return q
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.code', 'users.org_code')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.org_code', 'users.active', 'orgs.name as org_name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function listUserRows(q: Q) {
  return q
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.code', 'users.org_code')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.org_code', 'users.active', 'users.locked_until', 'users.created_at', 'orgs.name as org_name'])
    .orderBy('users.id')
    .execute();
}

/** Active users of these roles, by role then id (the city's leaders and staff for the link quota). */
export async function activeUsersOfRoles(q: Q, roles: string[]) {
  return q.selectFrom('users').select(['id', 'username', 'display_name', 'role']).where('role', 'in', roles).where('active', '=', 1).orderBy('role').orderBy('id').execute();
}

/**
 * Active users of these roles whose name or username contains `text` (all when empty), with their
 * organization's name; at most `limit`, city people first. People are chosen by name, not code.
 */
export async function searchActiveUsers(q: Q, roles: string[], text: string, limit: number) {
  let query = q
    .selectFrom('users')
    .leftJoin('orgs', 'orgs.code', 'users.org_code')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.org_code', 'orgs.name as org_name'])
    .where('users.role', 'in', roles)
    .where('users.active', '=', 1);
  const t = text.trim();
  if (t) query = query.where((eb) => eb.or([eb('users.display_name', 'like', `%${t}%`), eb('users.username', 'like', `%${t}%`)]));
  return query.orderBy('users.org_code').orderBy('users.display_name').limit(limit).execute();
}

export async function insertUser(q: Q, u: { username: string; passwordHash: string; displayName: string; orgCode: string; role: string; active?: boolean; at: string }): Promise<number> {
  const row = await q
    .insertInto('users')
    .values({ username: u.username, password_hash: u.passwordHash, display_name: u.displayName, org_code: u.orgCode, role: u.role, active: u.active === false ? 0 : 1, failed_logins: 0, locked_until: null, created_at: u.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateUserRow(q: Q, id: number, set: { display_name?: string; active?: number; password_hash?: string; locked_until?: null; failed_logins?: number }): Promise<void> {
  await q.updateTable('users').set(set).where('id', '=', id).execute();
}

/** A failed login: the count, and the lock once it reaches the limit. */
export async function setLoginFailures(q: Q, id: number, failedLogins: number, lockedUntil: string | null): Promise<void> {
  await q.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', id).execute();
}

// ---- sessions ------------------------------------------------------------------------------

export async function insertSession(q: Q, s: { tokenHash: string; userId: number; createdAt: string; expiresAt: string; ip: string | null }): Promise<void> {
  await q.insertInto('sessions').values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, last_seen_at: s.createdAt, expires_at: s.expiresAt, ip: s.ip }).execute();
}

export async function findSession(q: Q, tokenHash: string) {
  return q.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(q: Q, tokenHash: string, at: string): Promise<void> {
  await q.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(q: Q, tokenHash: string): Promise<void> {
  await q.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(q: Q, userId: number): Promise<void> {
  await q.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Every session of the user but the one making the request (a password change keeps it). */
export async function deleteOtherSessions(q: Q, userId: number, keepTokenHash: string | null): Promise<void> {
  await q.deleteFrom('sessions').where('user_id', '=', userId).$if(keepTokenHash !== null, (x) => x.where('token_hash', '<>', keepTokenHash!)).execute();
}

// ---- login attempts ------------------------------------------------------------------------

const notLockedAt = (nowText: string) => (eb: ExpressionBuilder<Database, 'users'>) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowText)]);

/**
 * Counts a login attempt before its password is checked, in one conditional update: parallel
 * attempts each take a number, and only while fewer than `max` failures stand and no lock runs.
 * Returns the new count, or undefined when this attempt may not be evaluated at all.
 */
export async function takeLoginAttempt(q: Q, id: number, max: number, nowText: string): Promise<number | undefined> {
  const taken = await q.updateTable('users').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id).where('failed_logins', '<', max).where(notLockedAt(nowText))
    .returning('failed_logins').executeTakeFirst();
  return taken ? Number(taken.failed_logins) : undefined;
}

/** Locks the account (the counter starts again when the lock ends); `unlessLockedAt`: only if no lock runs then. */
export async function lockUser(q: Q, id: number, lockedUntil: string, unlessLockedAt?: string): Promise<void> {
  await q.updateTable('users').set({ locked_until: lockedUntil, failed_logins: 0 }).where('id', '=', id)
    .$if(unlessLockedAt !== undefined, (x) => x.where(notLockedAt(unlessLockedAt!))).execute();
}

/** A right password: the count goes back to 0 unless a parallel wrong attempt locked meanwhile (false then). */
export async function clearLoginFailures(q: Q, id: number, nowText: string): Promise<boolean> {
  const cleared = await q.updateTable('users').set({ failed_logins: 0 }).where('id', '=', id).where(notLockedAt(nowText)).executeTakeFirst();
  if (Number(cleared.numUpdatedRows) !== 1) return false;
  await q.updateTable('users').set({ locked_until: null }).where('id', '=', id).execute();
  return true;
}

// ---- approvals (two-person rule) -------------------------------------------------------------

export async function usersWithPendingApproval(q: Q): Promise<Set<number>> {
  return new Set((await q.selectFrom('user_approvals').select('user_id').where('status', '=', 'pending').execute()).map((r) => Number(r.user_id)));
}

/** A new request of a kind replaces the pending one of the same kind. */
export async function insertApproval(q: Q, a: { userId: number; kind: 'create' | 'reset' | 'activate'; requestedBy: number; at: string }): Promise<void> {
  await q.updateTable('user_approvals').set({ status: 'refused', decided_at: a.at, note: '已被新的申请取代' })
    .where('user_id', '=', a.userId).where('kind', '=', a.kind).where('status', '=', 'pending').execute();
  await q.insertInto('user_approvals').values({ user_id: a.userId, kind: a.kind, status: 'pending', requested_by: a.requestedBy, requested_at: a.at, decided_by: null, decided_at: null, note: null }).execute();
}

export async function pendingApprovals(q: Q) {
  return q.selectFrom('user_approvals as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('orgs as o', 'o.code', 'u.org_code')
    .innerJoin('users as r', 'r.id', 'a.requested_by')
    .select(['a.id', 'a.kind', 'a.requested_at', 'u.id as user_id', 'u.username', 'u.display_name', 'u.role', 'u.org_code', 'o.name as org_name', 'r.display_name as requested_by_name'])
    .where('a.status', '=', 'pending')
    .orderBy('a.id')
    .execute();
}

export async function findApproval(q: Q, id: number) {
  return q.selectFrom('user_approvals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decides a pending approval; false when it was decided meanwhile. */
export async function decideApprovalRow(q: Q, id: number, d: { status: 'approved' | 'refused'; by: number; at: string; note: string | null }): Promise<boolean> {
  const res = await q.updateTable('user_approvals').set({ status: d.status, decided_by: d.by, decided_at: d.at, note: d.note })
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
