// Append-only audit log with a hash chain: each row's hash covers its content and the previous
// row's hash, so editing or deleting any row breaks every later link. The single audit_head row
// is updated first in each append, which serializes appends on PostgreSQL (row lock) as SQLite
// already is (one writer).
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
// ChainCheck is core's (chainCheckSchema): the route serializes with it, the audit page reads it
import type { AuditAction, AuditEntity, AuditQuery, ChainBreak, ChainCheck } from '@bangfu/core';
import type { Db, Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { isPostgres } from '../../db/dialect.js';

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

let auditKey: Buffer | null = null;

/** The key of the chain, kept outside the database (config: BANGFU_AUDIT_KEY or the key file). */
export function useAuditKey(key: Buffer | null): void {
  auditKey = key;
}

/** SHA-256 before the chain was keyed, HMAC-SHA-256 with the key from then on. */
export function auditHash(prevHash: string, r: Row, keyed = auditKey !== null): string {
  const canonical = JSON.stringify([prevHash, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.detail, r.ip]);
  if (keyed) {
    if (!auditKey) throw new Error('the audit chain is keyed but no audit key is configured (BANGFU_AUDIT_KEY or the key file)');
    return createHmac('sha256', auditKey).update(canonical).digest('hex');
  }
  return createHash('sha256').update(canonical).digest('hex');
}

const keyedMac = (fromId: number) => createHmac('sha256', auditKey!).update(`audit keyed from ${fromId}`).digest('hex');

/**
 * At start with a key: the rows from the next one on are keyed. Earlier rows (written before the
 * key existed) keep their plain hashes; the start is itself MACed so that it cannot be moved.
 */
export async function ensureAuditKeyed(db: Db): Promise<void> {
  if (!auditKey) return;
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.keyed_from !== null) return;
  const from = Number(head.last_id) + 1;
  await db.updateTable('audit_head').set({ keyed_from: from, keyed_mac: keyedMac(from) }).where('id', '=', 1).where('keyed_from', 'is', null).execute();
}

// What the database would store differently from the JavaScript string (a lone surrogate becomes
// U+FFFD in UTF-8; PostgreSQL refuses NUL) is replaced before hashing, so the hash covers what is kept.
const ILL_FORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;
export const storableText = (s: string | null): string | null => (s === null ? null : s.replace(ILL_FORMED, '\uFFFD'));

/** Must run inside the transaction of the change it records. */
export async function appendAudit(trx: Q, e: AuditEntry): Promise<void> {
  await appendAuditMany(trx, [e]);
}

/** Rows per INSERT of audit rows (11 columns each: far below either database's parameter limit). */
const AUDIT_ROWS_PER_INSERT = 500;

/**
 * Several rows of the chain in one go (an import's batch of files): the head is locked once, the
 * hashes are chained here, and the rows go in with multi-row INSERTs, whose ids follow the order
 * of their VALUES, the chain's order.
 */
export async function appendAuditMany(trx: Q, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ last_id: eb.ref('last_id') }))
    .where('id', '=', 1)
    .returning(['last_id', 'last_hash', 'keyed_from'])
    .executeTakeFirstOrThrow();
  // the first row written with a key starts the keyed part (the head row is locked: one writer)
  if (auditKey && head.keyed_from === null) {
    const from = Number(head.last_id) + 1;
    await trx.updateTable('audit_head').set({ keyed_from: from, keyed_mac: keyedMac(from) }).where('id', '=', 1).execute();
  }
  const keyed = auditKey !== null || head.keyed_from !== null;
  const at = nowIso();
  let prev = head.last_hash;
  const rows = entries.map((e) => {
    const row: Row = {
      at,
      user_id: e.userId,
      username: storableText(e.username),
      action: e.action,
      entity: e.entity ?? null,
      entity_id: e.entityId === undefined || e.entityId === null ? null : storableText(String(e.entityId)),
      detail: e.detail === undefined ? null : storableText(JSON.stringify(e.detail)),
      ip: storableText(e.ip ?? null),
    };
    const hash = auditHash(prev, row, keyed);
    const chained = { ...row, prev_hash: prev, hash };
    prev = hash;
    return chained;
  });
  let lastId = 0;
  for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT) {
    const ids = await trx.insertInto('audit_log').values(rows.slice(i, i + AUDIT_ROWS_PER_INSERT)).returning('id').execute();
    for (const r of ids) lastId = Math.max(lastId, Number(r.id));
  }
  await trx.updateTable('audit_head').set({ last_id: lastId, last_hash: prev }).where('id', '=', 1).execute();
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
  await db.transaction().execute(async (trx) => {
    // A record of a read (a view, a print, an export, a refusal) changes no data. On PostgreSQL its
    // commit does not wait for the disk: the chain's head is locked until commit, so a flush per
    // view would let one detail page through per flush city-wide. The record stays in order in the
    // chain; a crash of the database server could lose the last fraction of a second of such records.
    if (isPostgres(db)) await sql`set local synchronous_commit = off`.execute(trx);
    await audit(trx, who, action, entity, entityId, detail);
  });
}


/** An anchor kept outside the database (`bangfu audit anchor`): this row had this hash. */
export interface AuditAnchor {
  id: number;
  hash: string;
}

const MAX_LISTED_BREAKS = 1000;

/**
 * Walks the whole chain in id order and reports every row whose link or content does not hold (not
 * only the first: a break must not hide later tampering), the head, the keyed start, and each anchor.
 */
export async function verifyAuditChain(db: Db, opts: { batch?: number; anchors?: AuditAnchor[] } = {}): Promise<ChainCheck> {
  const batch = opts.batch ?? 5000;
  const breaks: ChainBreak[] = [];
  let breakCount = 0;
  const broke = (id: number, reason: string) => {
    breakCount++;
    if (breaks.length < MAX_LISTED_BREAKS) breaks.push({ id, reason });
  };
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const keyedFrom = head?.keyed_from ?? null;
  if (keyedFrom !== null) {
    if (!auditKey) broke(keyedFrom, 'the chain is keyed but no audit key is configured to check it');
    else if (head!.keyed_mac !== keyedMac(keyedFrom)) broke(keyedFrom, 'the start of the keyed chain was altered (its MAC does not match)');
  } else if (auditKey) broke(0, 'an audit key is configured but the chain is not keyed (the keyed start was removed)');
  const anchors = new Map((opts.anchors ?? []).map((a) => [a.id, a.hash]));
  let prev = '0'.repeat(64);
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (page.length === 0) break;
    for (const r of page) {
      rows++;
      const id = Number(r.id);
      const keyed = keyedFrom !== null && id >= keyedFrom;
      if (r.prev_hash !== prev) broke(id, 'prev_hash does not match the previous row (a row was removed or reordered)');
      if (keyed && !auditKey) { /* reported once above */ } else if (auditHash(r.prev_hash, r, keyed) !== r.hash) broke(id, 'content does not match its hash (the row was edited)');
      const anchored = anchors.get(id);
      if (anchored !== undefined && anchored !== r.hash) broke(id, 'the row does not match its anchor (the chain was rewritten)');
      anchors.delete(id);
      prev = r.hash;
      lastId = id;
    }
  }
  if (head && head.last_hash !== prev) broke(Number(head.last_id), 'the chain head does not match the last row (rows were removed from the end)');
  for (const id of anchors.keys()) broke(id, 'an anchored row is missing (rows were removed from the end)');
  if (breakCount === 0) return { ok: true, rows };
  breaks.sort((a, b) => a.id - b.id);
  return { ok: false, rows, keyedFrom, brokenAt: breaks[0].id, reason: breaks[0].reason, breaks, breakCount };
}

/** The head of the chain, to be kept outside the database (printed, mailed, filed). */
export async function auditAnchor(db: Db): Promise<AuditAnchor & { at: string }> {
  const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { id: Number(head.last_id), hash: head.last_hash, at: nowIso() };
}

/** The audit page's query, with from (inclusive) and to (exclusive) as UTC instants. */
export type AuditFilter = AuditQuery;

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
