// Printing survey forms: one file, or every file the list's filters select. Each print is audited
// (who printed which files, with identity numbers in full or masked) before the PDF is sent.
import { PLAN_STATUS_LABELS, todayInChina, type PlanStatus } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { seesFullIdentity } from '../access/scope.js';
import { auditNow } from '../audit/audit.repository.js';
import * as repo from '../households/households.repository.js';
import { loadJson, masked, parseListFilter } from '../households/households.service.js';
import type { PdfFonts } from './pdf-font.js';
import { addSurveyForm, surveyDocument, type FooterInfo } from './survey-document.js';
import type { PlanLine } from './survey-form.js';

/** A batch beyond this is refused: it would take minutes to print and is rarely what was meant. */
export const MAX_BATCH = 2000;
const PAGE = 200;
/** Output waiting for a slow reader beyond this makes the batch wait before drawing more forms. */
const MAX_BUFFERED = 4 * 1024 * 1024;

export interface Printed {
  doc: PDFKit.PDFDocument;
  filename: string;
  /** how many forms the document holds */
  count: number;
}

async function planOf(db: Db, householdId: number): Promise<PlanLine[]> {
  const rows = await db
    .selectFrom('household_plans')
    .innerJoin('measures', 'measures.code', 'household_plans.measure_code')
    .select(['measures.name', 'household_plans.status', 'household_plans.target_date'])
    .where('household_plans.household_id', '=', householdId)
    .orderBy('measures.sort')
    .execute();
  return rows.map((r) => ({ name: r.name, statusLabel: PLAN_STATUS_LABELS[r.status as PlanStatus] ?? r.status, targetDate: r.target_date }));
}

const footerOf = (actor: Actor): FooterInfo => ({ printedBy: actor.displayName, printedOn: todayInChina() });

/** The CLI prints as no user of the system: its audit rows carry the name `cli` and no user id. */
const auditUser = (actor: Actor) => ({ userId: actor.id, username: actor.username, ip: actor.ip });

/** One household's form; 404 outside the actor's scope, exactly as reading the file. */
export async function printHousehold(db: Db, actor: Actor, id: number, fonts: () => PdfFonts): Promise<Printed> {
  const file = await loadJson(db, actor, id);
  if (!file) throw notFound('档案');
  const doc = surveyDocument(fonts(), `困难职工调查表 ${file.workerNo}`);
  addSurveyForm(doc, masked(actor, file), { plan: await planOf(db, id) }, footerOf(actor));
  doc.end();
  await auditNow(db, {
    ...auditUser(actor), action: 'household.print', entity: 'household', entityId: id,
    detail: { workerNo: file.workerNo, fullIdentity: seesFullIdentity(actor) },
  });
  return { doc, filename: `调查表-${file.workerNo}.pdf`, count: 1 };
}

/** The file of a worker number (the CLI's way in); a clear message when there is none. */
export async function printByWorkerNo(db: Db, actor: Actor, workerNo: string, fonts: () => PdfFonts): Promise<Printed> {
  const no = workerNo.trim().toUpperCase();
  const id = await repo.findIdByWorkerNo(db, actor, no);
  if (id === undefined) throw new AppError(404, 'NOT_FOUND', `找不到职工编号为 ${no} 的档案，请核对职工编号（例如 H0100001）`);
  return printHousehold(db, actor, id, fonts);
}

/** Waits while the reader lags far behind; returns false once the document was destroyed (the client left). */
async function readerKeepsUp(doc: PDFKit.PDFDocument, maxBuffered: number): Promise<boolean> {
  while (!doc.destroyed && doc.readableLength > maxBuffered) {
    // a 'data' listener does not resume a stream its pipe has paused: it fires once the reader reads again
    await new Promise<void>((resolve) => {
      const done = () => {
        doc.off('data', done).off('close', done).off('error', done);
        resolve();
      };
      doc.on('data', done).on('close', done).on('error', done);
    });
  }
  return !doc.destroyed;
}

/**
 * Every file the list filters select (within the actor's scope), in id order, one form after the
 * other. The count is checked first; the forms are then drawn page by page of ids while the
 * document streams out.
 */
export async function printBatch(db: Db, actor: Actor, query: unknown, fonts: () => PdfFonts,
  { log = () => {}, max = MAX_BATCH, maxBuffered = MAX_BUFFERED }: { log?: (msg: string) => void; max?: number; maxBuffered?: number } = {}): Promise<Printed> {
  const filter = parseListFilter(query);
  const count = await repo.countHouseholds(db, actor, filter);
  if (count === 0) throw new AppError(400, 'NOTHING_TO_PRINT', '没有符合筛选条件的档案，请调整筛选条件后再打印', [{ path: 'q', message: '没有符合筛选条件的档案' }]);
  if (count > max)
    throw new AppError(400, 'PRINT_BATCH_TOO_LARGE', `符合条件的档案有 ${count} 份，超过一次批量打印的上限 ${max} 份。请按地区、困难类别或状态等条件缩小范围后分批打印。`, [{ path: 'regionCode', message: `一次最多打印 ${max} 份，请缩小范围` }]);
  const doc = surveyDocument(fonts(), '困难职工调查表（批量）');
  await auditNow(db, {
    ...auditUser(actor), action: 'household.print', entity: 'household', entityId: null,
    detail: { batch: true, count, filter, fullIdentity: seesFullIdentity(actor) },
  });
  const footer = footerOf(actor);
  void (async () => {
    let after = 0;
    let printed = 0;
    for (;;) {
      const ids = await repo.householdIdsAfter(db, actor, filter, after, PAGE);
      if (ids.length === 0) break;
      for (const id of ids) {
        if (!(await readerKeepsUp(doc, maxBuffered))) return;
        const file = await loadJson(db, actor, id);
        if (!file || printed >= count) continue; // left the scope meanwhile, or added after the count
        addSurveyForm(doc, masked(actor, file), { plan: await planOf(db, id) }, footer);
        printed++;
      }
      after = ids[ids.length - 1];
    }
    doc.end();
  })().catch((e: unknown) => {
    log(`batch print failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    doc.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return { doc, filename: `调查表-批量-${todayInChina().replaceAll('-', '')}.pdf`, count };
}
