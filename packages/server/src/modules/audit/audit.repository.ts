// Append-only audit log with a hash chain: each row's hash covers its content and the previous
// row's hash, so editing or deleting any row breaks every later link. The single audit_head row
// is updated first in each append, which serializes appends on PostgreSQL (row lock) as SQLite
// already is (one writer).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditAction, AuditEntity } from '@bangfu/core';
import type { Db, Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  action: AuditAction;
  entity?: AuditEntity | null;
  entityId?: string | number | null;
  detail?: unknown;
  ip?: string | null;
}

type Row = { at: string; user_id: number | null; username: string | null; action: string; entity: string | null; entity_id: string | null; detail: string | null; ip: string | null };

export function auditHash(prevHash: string, r: Row): string {
  const canonical = JSON.stringify([prevHash, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.detail, r.ip]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Must run inside the transaction of the change it records. */
export async function appendAudit(trx: Q, e: AuditEntry): Promise<void> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ last_id: eb.ref('last_id') }))
    .where('id', '=', 1)
    .returning(['last_hash'])
    .executeTakeFirstOrThrow();
  const row: Row = {
    at: nowIso(),
    user_id: e.userId,
    username: e.username,
    action: e.action,
    entity: e.entity ?? null,
    entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    detail: e.detail === undefined ? null : JSON.stringify(e.detail),
    ip: e.ip ?? null,
  };
  const hash = auditHash(head.last_hash, row);
  const inserted = await trx.insertInto('audit_log').values({ ...row, prev_hash: head.last_hash, hash }).returning('id').executeTakeFirstOrThrow();
  await trx.updateTable('audit_head').set({ last_id: Number(inserted.id), last_hash: hash }).where('id', '=', 1).execute();
}

/** Who an audit row names: a person (an Actor fits), or the system itself (no user id). */
export interface AuditActor {
  id: number | null;
  username: string | null;
  ip: string | null;
}

export const SYSTEM: AuditActor = { id: null, username: 'system', ip: null };

/** The audit row of a change, inside the transaction of the change it records. */
export function audit(trx: Q, who: AuditActor, action: AuditAction, entity?: AuditEntity | null, entityId?: string | number | null, detail?: unknown): Promise<void> {
  return appendAudit(trx, { userId: who.id, username: who.username, action, entity, entityId, detail, ip: who.ip });
}

/** An audit row on its own (a view, a failed login): its own small transaction. */
export async function auditNow(db: Db, who: AuditActor, action: AuditAction, entity?: AuditEntity | null, entityId?: string | number | null, detail?: unknown): Promise<void> {
  await db.transaction().execute((trx) => audit(trx, who, action, entity, entityId, detail));
}

export type ChainCheck = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Walks the chain in id order; reports the first row whose link or content does not hold. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainCheck> {
  let prev = '0'.repeat(64);
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (page.length === 0) break;
    for (const r of page) {
      rows++;
      if (r.prev_hash !== prev) return { ok: false, rows, brokenAt: Number(r.id), reason: 'prev_hash does not match the previous row (a row was removed or reordered)' };
      if (auditHash(r.prev_hash, r) !== r.hash) return { ok: false, rows, brokenAt: Number(r.id), reason: 'content does not match its hash (the row was edited)' };
      prev = r.hash;
      lastId = Number(r.id);
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && head.last_hash !== prev) return { ok: false, rows, brokenAt: Number(head.last_id), reason: 'the chain head does not match the last row (rows were removed from the end)' };
  return { ok: true, rows };
}

export interface AuditFilter {
  action?: string;
  username?: string;
  entity?: string;
  entityId?: string;
  /** UTC instants: from inclusive, to exclusive */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** One page of the log, newest first, with the count of every matching row. */
export async function listAudit(db: Db, f: AuditFilter) {
  const base = db
    .selectFrom('audit_log')
    // a plain, case-sensitive prefix on both databases (LIKE would treat % and _ as wildcards)
    .$if(!!f.action, (q) => q.where(sql<boolean>`substr(action, 1, ${f.action!.length}) = ${f.action}`))
    .$if(!!f.username, (q) => q.where('username', '=', f.username!))
    .$if(!!f.entity, (q) => q.where('entity', '=', f.entity!))
    .$if(!!f.entityId, (q) => q.where('entity_id', '=', f.entityId!))
    .$if(!!f.from, (q) => q.where('at', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('at', '<', f.to!));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.selectAll().orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total: Number(total), rows };
}
