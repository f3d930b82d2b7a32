// Server-side sessions: the cookie holds a random token, the database only its SHA-256, so a
// leaked database does not leak live sessions. Idle sessions expire after two hours.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';

export const SESSION_COOKIE = 'bangfu_session';
export const CSRF_COOKIE = 'bangfu_csrf';
export const IDLE_MS = 2 * 3600_000;
export const ABSOLUTE_MS = 12 * 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** What the sessions table keeps of a token. */
export const tokenHash = sha256;

export async function createSession(db: Db, userId: number, ip: string | null): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: new Date(now + ABSOLUTE_MS).toISOString(),
      ip,
    })
    .execute();
  // The CSRF token is derived from the session token so it needs no storage of its own.
  return { token, csrf: csrfFor(token) };
}

export const csrfFor = (token: string) => sha256(`csrf:${token}`).slice(0, 32);

/** The session's user id, touching last_seen; undefined when absent, idle or expired. */
export async function resolveSession(db: Db, token: string): Promise<number | undefined> {
  const hash = sha256(token);
  const s = await db.selectFrom('sessions').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!s) return undefined;
  const now = Date.now();
  if (Date.parse(s.expires_at) <= now || Date.parse(s.last_seen_at) + IDLE_MS <= now) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return undefined;
  }
  // Touch at most once a minute: a list page fires several requests at once.
  if (now - Date.parse(s.last_seen_at) > 60_000)
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('token_hash', '=', hash).execute();
  return s.user_id;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}
