// 通报: the city union drafts a bulletin of a campaign as of a day (its numbers fixed then, its
// text drafted from them), edits the text, and publishes it with the next number of the year. A
// published bulletin is read-only and visible to every organization; each person's first reading
// is recorded, and the city union sees who has read it. Every step is one transaction with its
// audit row.
import {
  BULLETIN_DEFAULT_RECIPIENTS, bulletinCreateSchema, bulletinEditSchema, bulletinNumber, todayInChina, type Bulletin,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { nowIso } from '../../lib/clock.js';
import { audit, auditNow } from '../audit/audit.repository.js';
import type { Actor } from '../access/actor.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import { campaignViews } from '../campaigns/campaigns.service.js';
import { bulletinData, draftParagraphs, type BulletinData } from './bulletin.draft.js';
import * as repo from './bulletins.repository.js';

/** Who drafts, edits and publishes: the city union (its 领导小组办公室) and the administrator. */
const canIssue = (actor: Actor) => actor.role === 'city' || actor.role === 'admin';
/** Who sees who has read: the city's people. */
const seesReads = (actor: Actor) => ['city', 'admin', 'viewer', 'leader'].includes(actor.role);

function view(r: repo.BulletinRow, reads: Awaited<ReturnType<typeof repo.readsOf>>, actor: Actor, orgName: (code: string) => string): Bulletin {
  const data = JSON.parse(r.data) as BulletinData;
  const mine = reads.filter((x) => Number(x.bulletin_id) === Number(r.id));
  const byOrg = new Map<string, { readers: number; firstReadAt: string }>();
  for (const x of mine) {
    const o = byOrg.get(x.org_code);
    if (o) o.readers++;
    else byOrg.set(x.org_code, { readers: 1, firstReadAt: x.read_at });
  }
  return {
    id: Number(r.id), number: Number(r.seq) > 0 ? bulletinNumber(Number(r.year), Number(r.seq)) : null, year: Number(r.year), seq: Number(r.seq),
    campaignId: Number(r.campaign_id), campaignName: r.campaign_name, asOf: r.as_of, title: r.title, recipients: r.recipients,
    paragraphs: JSON.parse(r.paragraphs), rows: data.rows, praised: data.praised, late: data.late,
    status: r.status as Bulletin['status'], createdBy: r.creator, createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at, version: Number(r.version),
    readByMe: mine.some((x) => Number(x.user_id) === actor.id),
    reads: seesReads(actor) ? [...byOrg].map(([orgCode, v]) => ({ orgCode, orgName: orgName(orgCode), ...v })) : null,
  };
}

async function views(db: Q, actor: Actor, rows: repo.BulletinRow[]): Promise<Bulletin[]> {
  const [reads, orgs] = await Promise.all([repo.readsOf(db, rows.map((r) => Number(r.id))), listOrgs(db)]);
  const name = (code: string) => orgs.find((o) => o.code === code)?.name ?? code;
  return rows.map((r) => view(r, reads, actor, name));
}

export async function listBulletins(db: Q, actor: Actor) {
  const rows = await repo.bulletinRows(db, { publishedOnly: !canIssue(actor) });
  return { items: (await views(db, actor, rows)).map(({ paragraphs: _p, rows: _r, praised: _pr, late: _l, reads, ...b }) => ({ ...b, readers: reads?.reduce((s, x) => s + x.readers, 0) ?? 0 })) };
}

async function findBulletin(db: Q, actor: Actor, rawId: string) {
  const id = Number(rawId);
  const [row] = Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? await repo.bulletinRows(db, { id }) : [];
  // a draft is the city union's own until it is published
  if (!row || (row.status !== 'published' && !canIssue(actor))) throw notFound('通报');
  return row;
}

// opts.at: the demo's past bulletins (never from a request): their year and time of issue
export async function createBulletin(db: Db, actor: Actor, input: unknown, opts: { at?: string } = {}): Promise<Bulletin> {
  if (!canIssue(actor)) throw forbidden('只有市总工会可以起草通报');
  const b = parseInput(bulletinCreateSchema, input, 'bulletin');
  const today = opts.at ? todayInChina(new Date(opts.at)) : todayInChina();
  if (b.asOf > today) throw validationFailed([{ path: 'asOf', message: '统计截至日期不能晚于今天' }], 'bulletin');
  const [c] = await campaignViews(db, b.campaignId, b.asOf);
  if (!c) throw validationFailed([{ path: 'campaignId', message: '没有这个专项行动' }], 'bulletin');
  const { data, totals } = await bulletinData(db, actor, c, b.asOf);
  const paragraphs = draftParagraphs(c, b.asOf, data, totals);
  // the default title within the column's 60 characters however long the campaign's name
  const title = b.title ?? (`关于${c.name}工作进展情况的通报`.length <= 60 ? `关于${c.name}工作进展情况的通报` : '专项行动工作进展情况通报');
  const id = await inTransaction(db, async (trx) => {
    const at = opts.at ?? nowIso();
    const id = await repo.insertBulletin(trx, { year: Number(today.slice(0, 4)), campaignId: c.id, asOf: b.asOf, title, recipients: BULLETIN_DEFAULT_RECIPIENTS, paragraphs, data, by: actor.id, at });
    await audit(trx, actor, 'bulletin.create', 'bulletin', id, { campaign: c.id, asOf: b.asOf });
    return id;
  });
  return getBulletin(db, actor, String(id));
}

export async function getBulletin(db: Db, actor: Actor, rawId: string): Promise<Bulletin> {
  const row = await findBulletin(db, actor, rawId);
  // a published bulletin read by someone other than its writers: the first reading is recorded
  if (row.status === 'published' && !canIssue(actor)) {
    await inTransaction(db, async (trx) => {
      if (await repo.markRead(trx, Number(row.id), actor.id, actor.orgCode, nowIso())) await audit(trx, actor, 'bulletin.read', 'bulletin', Number(row.id), {});
    });
  }
  return (await views(db, actor, [row]))[0];
}

export async function updateBulletin(db: Db, actor: Actor, rawId: string, input: unknown): Promise<Bulletin> {
  if (!canIssue(actor)) throw forbidden('只有市总工会可以修改通报');
  const row = await findBulletin(db, actor, rawId);
  const e = parseInput(bulletinEditSchema, input, 'bulletin edit');
  if (row.status === 'published') throw new AppError('BULLETIN_PUBLISHED');
  await inTransaction(db, async (trx) => {
    if (!(await repo.updateDraft(trx, Number(row.id), e.version, { ...e, paragraphs: e.paragraphs.filter((p) => p.length > 0), by: actor.id, at: nowIso() })))
      throw new AppError('VERSION_CONFLICT', { message: '通报已被他人修改或已发布，请刷新页面' });
    await audit(trx, actor, 'bulletin.update', 'bulletin', Number(row.id), { version: e.version + 1 });
  });
  return getBulletin(db, actor, rawId);
}

export async function publishBulletin(db: Db, actor: Actor, rawId: string, opts: { at?: string } = {}): Promise<Bulletin> {
  if (!canIssue(actor)) throw forbidden('只有市总工会可以发布通报');
  const row = await findBulletin(db, actor, rawId);
  const at = opts.at ?? nowIso();
  const year = Number(todayInChina(new Date(at)).slice(0, 4));
  // the number of the year of publication; another bulletin published at the same moment may take it first: then the next
  for (let attempt = 1; ; attempt++) {
    try {
      await inTransaction(db, async (trx) => {
        const seq = await repo.publish(trx, Number(row.id), year, actor.id, at);
        if (seq === null) throw new AppError('BULLETIN_PUBLISHED');
        await audit(trx, actor, 'bulletin.publish', 'bulletin', Number(row.id), { number: bulletinNumber(year, seq) });
      });
      break;
    } catch (e) {
      if (e instanceof AppError || attempt >= 5 || !isUniqueViolation(e)) throw e;
    }
  }
  return getBulletin(db, actor, rawId);
}

/** The bulletin for a document (PDF, Word); audited. */
export async function bulletinForDocument(db: Db, actor: Actor, rawId: string, kind: 'pdf' | 'docx'): Promise<Bulletin> {
  const b = await getBulletin(db, actor, rawId);
  await auditNow(db, actor, 'bulletin.download', 'bulletin', b.id, { kind });
  return b;
}
