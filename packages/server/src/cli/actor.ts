// Who a command-line action is done as. Imports and exports are audited under a person: the
// --user given, or the built-in city-level account "cli" (created on first use with a random
// password, so it cannot log in to the web until an admin resets it).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { Actor } from '../modules/access/actor.js';
import { loadActor } from '../modules/auth/auth.service.js';
import { createUser } from '../modules/users/users.service.js';

export const CLI_USERNAME = 'cli';

/**
 * A random password no one is told. Random base64url letters alone (about 1 time in 140) failed the
 * password rule of two kinds of characters, and the first CLI import or export with it: a digit
 * and a symbol are always added.
 */
const cliPassword = () => `${randomBytes(18).toString('base64url')}-7`;

export async function cliActor(db: Db, username?: string): Promise<Actor> {
  const name = username ?? CLI_USERNAME;
  let row = await db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirst();
  if (!row && !username) {
    await createUser(db, null, { username: CLI_USERNAME, password: cliPassword(), displayName: '命令行', orgCode: 'H', role: 'city' });
    row = await db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirst();
  }
  const actor = row && (await loadActor(db, Number(row.id), null));
  if (!actor) throw new Error(`用户 ${name} 不存在或已停用 (no active user "${name}")`);
  return actor;
}
