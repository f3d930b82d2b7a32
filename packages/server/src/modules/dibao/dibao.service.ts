// 民政低保名单核对. A county union (or the city union, for the whole city) imports the month's list
// of 低保 recipients; it is read as it streams, matched by identity number against the workers and
// members of the region's live files, and kept with the people it matched (only those), its bad
// rows and three kinds of finding, in one transaction with its audit row. A newer list of a region
// replaces the open findings of the older ones. A cadre who files the household resolves a finding
// by correcting the file (through review, like any edit: "corrected" is accepted only once the file
// agrees) or by explaining it.
import {
  checkListMonth, correctionMissing, DIBAO_CHECK_LABELS, DIBAO_FINDING_LABELS, dibaoFindingsQuerySchema, dibaoResolveSchema,
  dibaoUploadFieldsSchema, fenToYuan, formatYuan, maskIdNumber, maskName, todayInChina,
  type DibaoCellError, type DibaoCheck, type DibaoCheckState, type DibaoFinding, type DibaoFindingCounts, type DibaoFindingKind, type DibaoFindingList,
  type DibaoFindingStatus, type DibaoList, type DibaoRow, type HouseholdStatus,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { canFile, scopeOf, seesFullIdentity } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import { FileProblem, type UploadedFile } from '../exchange/import.read.js';
import { ColumnsMissing, readDibaoList } from './dibao.read.js';
import * as repo from './dibao.repository.js';
import {
  currentListFor, findingRow, findingRows, findingRowsOfHousehold, findingsOfHousehold, householdForCheck, latestListCovering, listedOfHousehold, listErrorRows, listRows, matchIdNumbers, monthlyLines, personsOf,
  type FindingRow, type MatchedFile,
} from './dibao.queries.js';

const looks = (a: Actor) => ['admin', 'city', 'region', 'unit', 'viewer'].includes(a.role);
const imports = (a: Actor) => a.role === 'city' || a.role === 'region';
const resolves = (a: Actor, regionCode: string, unitId: string | null) => ['city', 'region', 'unit'].includes(a.role) && canFile(a, regionCode, unitId);

/** Identity numbers matched per query (two index lookups each). */
const MATCH_BATCH = 1000;
/** Bad cells kept to show; the rest are counted. */
const KEPT_ERRORS = 2000;

type Fields = Record<string, string | undefined>;

function parseFields(fields: Fields) {
  let mapping: unknown = {};
  if (fields.mapping) {
    try {
      mapping = JSON.parse(fields.mapping);
    } catch {
      throw validationFailed([{ path: 'mapping', message: '列对应关系格式不正确，请重新选择各列' }], 'dibao upload');
    }
  }
  const f = parseInput(dibaoUploadFieldsSchema, { month: fields.month, regionCode: fields.regionCode, source: fields.source ?? '', mapping }, 'dibao upload');
  const monthProblem = checkListMonth(f.month, todayInChina());
  if (monthProblem) throw validationFailed([{ path: 'month', message: monthProblem }], 'dibao upload');
  return f;
}

/** Organization names for a response: a unit's, a county's, and the city's list as 全市. */
async function placeNames(db: Q): Promise<{ org: (code: string) => string; region: (code: string) => string }> {
  const names = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  const org = (code: string) => names.get(code) ?? code;
  return { org, region: (code) => (code.length === 1 ? '全市' : org(code)) };
}

const yuan = (fen: number) => formatYuan(fen).replace(/\.00$/, '');

function listedText(month: string, persons: readonly { monthly_fen?: number | null }[]): string {
  const total = persons.reduce((s, p) => s + (p.monthly_fen ?? 0), 0);
  return `${month} 民政低保名单中有该户 ${persons.length} 人${total ? `，月保障金共 ${yuan(total)} 元` : ''}`;
}

/** The findings a matched file makes: in the list but declared 否; in the list with income not below the line. */
function findingsOfFile(f: MatchedFile, month: string, persons: readonly { monthly_fen?: number | null }[], lines: Map<string, number>): repo.NewFinding[] {
  const out: repo.NewFinding[] = [];
  const base = { household_id: f.id, region_code: f.region_code };
  if (!f.receives_dibao) out.push({ ...base, kind: 'listedNotDeclared', detail: `${listedText(month, persons)}；档案“是否享受低保”填“否”` });
  if (f.id_eligible !== null && !f.id_flag_no_line && !f.id_c1) {
    const line = lines.get(`${f.region_code}|${f.fill_year}`);
    const lineText = line ? `，不低于当地年低保标准 ${yuan(line * 12)} 元（每月 ${yuan(line)} 元）` : '，不低于当地低保标准';
    out.push({ ...base, kind: 'listedAboveLine', detail: `申报的家庭年人均收入 ${yuan(f.per_capita_income)} 元${lineText}；${listedText(month, persons)}` });
  }
  return out;
}

function countFindings(findings: readonly repo.NewFinding[], declaredNotListed: number): DibaoFindingCounts {
  const c: DibaoFindingCounts = { declaredNotListed, listedNotDeclared: 0, listedAboveLine: 0 };
  for (const f of findings) c[f.kind as 'listedNotDeclared' | 'listedAboveLine']++;
  return c;
}

/** Asked before an upload is saved, and again by the import. */
export function assertCanImportDibao(actor: Actor): void {
  if (!imports(actor)) throw forbidden('只有市总工会和县（市、区）工会可以导入民政低保名单');
}

export async function importDibaoList(db: Db, actor: Actor, file: UploadedFile, fields: Fields): Promise<DibaoList> {
  assertCanImportDibao(actor);
  const f = parseFields(fields);
  const s = scopeOf(actor);
  if (s.kind === 'region' && f.regionCode !== s.regionCode) throw validationFailed([{ path: 'regionCode', message: '县（市、区）工会只能导入本地区的名单' }], 'dibao upload');
  const org = (await listOrgs(db)).find((o) => o.code === f.regionCode);
  if (!org || (org.kind !== 'region' && org.kind !== 'city')) throw validationFailed([{ path: 'regionCode', message: `地区“${f.regionCode}”不存在，请选择县（市、区）或全市` }], 'dibao upload');
  const assertNewest = async (q: Q) => {
    const latest = await latestListCovering(q, f.regionCode);
    if (latest && latest.month > f.month) {
      const of = latest.region_code === f.regionCode ? org.name : (await placeNames(q)).region(latest.region_code);
      throw new AppError('DIBAO_MONTH_OLDER', { message: `已导入 ${of} ${latest.month} 的民政低保名单，不能再导入${org.name}更早月份（${f.month}）的名单` });
    }
  };
  await assertNewest(db);

  // read and match outside the transaction: index lookups in batches, only matched people kept
  const seen = new Set<string>();
  const errors: { row_no: number; col: string; value: string; message: string }[] = [];
  const persons: repo.NewPerson[] = [];
  const files = new Map<number, MatchedFile>();
  let rows = 0;
  let badRows = 0;
  let batch: { rowNo: number; row: DibaoRow }[] = [];
  const flush = async () => {
    const byId = new Map(batch.map((b) => [b.row.idNumber, b]));
    const m = await matchIdNumbers(db, [...byId.keys()], f.regionCode);
    for (const file of m.files) files.set(file.id, file);
    for (const p of m.persons) {
      const b = byId.get(p.idNumber)!;
      persons.push({ household_id: p.householdId, row_no: b.rowNo, name: b.row.name, id_number: p.idNumber, relation: p.relation, household_size: b.row.householdSize, monthly_fen: b.row.monthlyFen });
    }
    batch = [];
  };
  try {
    await readDibaoList(file, f.mapping, {
      async good(rowNo, row) {
        rows++; // a row with a bad optional cell is still matched (and counted bad as well)
        if (seen.has(row.idNumber)) return; // a person listed twice is matched once
        seen.add(row.idNumber);
        batch.push({ rowNo, row });
        if (batch.length >= MATCH_BATCH) await flush();
      },
      bad(rowNo, cellErrors: DibaoCellError[]) {
        badRows++;
        for (const e of cellErrors) if (errors.length < KEPT_ERRORS) errors.push({ row_no: rowNo, col: e.column, value: e.value, message: e.message });
      },
    });
    if (batch.length) await flush();
  } catch (e) {
    if (e instanceof ColumnsMissing)
      throw new AppError('DIBAO_COLUMNS_MISSING', {
        message: `名单中没有找到${e.missing.map((k) => (k === 'name' ? '“姓名”' : '“身份证号”')).join('、')}列：请指定名单中哪一列是姓名、哪一列是身份证号`,
        errors: [{ path: 'mapping', message: '请指定各列对应的表头' }], body: { headers: e.headers, missing: e.missing },
      });
    if (e instanceof FileProblem) throw new AppError('INVALID_FILE', { message: e.userMessage, errors: [{ path: 'file', message: e.userMessage }] });
    throw e;
  }
  if (rows === 0) {
    const first = errors[0];
    const message = badRows ? `名单中没有可用的行：${badRows} 行有错误（例如第${first.row_no}行：${first.message}）` : '名单中只有表头，没有数据行';
    throw new AppError('INVALID_FILE', { message, errors: [{ path: 'file', message }] });
  }

  const personsOfFile = new Map<number, repo.NewPerson[]>();
  for (const p of persons) {
    const of = personsOfFile.get(p.household_id);
    if (of) of.push(p);
    else personsOfFile.set(p.household_id, [p]);
  }
  const lines = await monthlyLines(db, [...files.values()].map((x) => ({ region: x.region_code, year: x.fill_year })));
  const found = [...files.values()].flatMap((x) => findingsOfFile(x, f.month, personsOfFile.get(x.id)!, lines));
  const at = nowIso();
  const { id, counts } = await inTransaction(db, async (trx) => {
    await repo.lockLists(trx);
    await assertNewest(trx); // again: another import may have finished while this one was read
    const id = await repo.insertList(trx, {
      region_code: f.regionCode, month: f.month, source: f.source, file_name: file.name.slice(0, 200), rows, bad_rows: badRows,
      matched_persons: persons.length, matched_households: files.size, imported_by: actor.id, imported_at: at,
    });
    await repo.insertPersons(trx, id, persons);
    await repo.dropReplacedErrors(trx, id, f.regionCode);
    await repo.insertErrors(trx, id, errors);
    const superseded = await repo.supersedeOpen(trx, id, f.regionCode);
    await repo.insertFindings(trx, id, found);
    const declared = await repo.insertDeclaredNotListed(trx, id, f.regionCode, `档案填“享受低保”；${f.month} 民政低保名单中没有该户职工及家庭成员`);
    const counts = countFindings(found, declared);
    await repo.setListCounts(trx, id, counts);
    await repo.recountOpen(trx, f.regionCode);
    await audit(trx, actor, 'dibao.import', 'dibao_list', id, { month: f.month, regionCode: f.regionCode, source: f.source, file: file.name, rows, badRows, matchedHouseholds: files.size, findings: counts, superseded });
    return { id, counts };
  });
  await repo.analyzeFindings(db);
  const [view] = await listViews(db, await listRows(db, actor, { id }));
  return { ...view, findings: counts };
}

async function listViews(db: Q, rows: Awaited<ReturnType<typeof listRows>>): Promise<DibaoList[]> {
  const name = (await placeNames(db)).region;
  // the latest of each region is its current list
  const current = new Set<number>();
  const seenRegion = new Set<string>();
  for (const r of rows) if (!seenRegion.has(r.region_code)) { seenRegion.add(r.region_code); current.add(Number(r.id)); }
  return rows.map((r) => ({
    id: Number(r.id), month: r.month, regionCode: r.region_code, regionName: name(r.region_code), source: r.source, fileName: r.file_name,
    rows: Number(r.rows), badRows: Number(r.bad_rows), matchedPersons: Number(r.matched_persons), matchedHouseholds: Number(r.matched_households),
    findings: { declaredNotListed: Number(r.f_declared_not_listed), listedNotDeclared: Number(r.f_listed_not_declared), listedAboveLine: Number(r.f_listed_above_line) },
    openFindings: Number(r.open_findings), current: current.has(Number(r.id)), importedBy: r.imported_by_name ?? '', importedAt: r.imported_at,
  }));
}

export async function listDibaoLists(db: Q, actor: Actor): Promise<{ items: DibaoList[] }> {
  if (!looks(actor)) throw forbidden('只有工会建档人员可以查看民政低保名单');
  return { items: await listViews(db, await listRows(db, actor)) };
}

export async function listErrors(db: Q, actor: Actor, listId: number, query: { page?: unknown; pageSize?: unknown }) {
  if (!looks(actor)) throw forbidden('只有工会建档人员可以查看民政低保名单');
  const [list] = await listRows(db, actor, { id: listId });
  if (!list) throw notFound('民政低保名单');
  // a county sees the city's list and its findings in the county, not the rest of the city's rows
  const s = scopeOf(actor);
  if (s.kind !== 'all' && list.region_code.length === 1) throw forbidden('全市名单的错误行由市总工会查看');
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(query.pageSize) || 50));
  const r = await listErrorRows(db, listId, page, pageSize);
  const full = seesFullIdentity(actor);
  const shown = (column: string, value: string) => (full || !value ? value : column === '身份证号' ? maskIdNumber(value) : column === '姓名' ? maskName(value) : value);
  return { total: r.total, items: r.items.map((e) => ({ row: Number(e.row_no), column: e.col, value: shown(e.col, e.value), message: e.message })) };
}

/** The stored identification says the per-capita income is below the line (condition 1). */
const belowLine = (r: FindingRow) => r.id_eligible !== null && !Number(r.id_flag_no_line) && !!Number(r.id_c1);

/** The queue's rule: a county's findings are those of its region (which follows a transferred file). */
function inFindingScope(actor: Actor, r: FindingRow): boolean {
  const s = scopeOf(actor);
  if (s.kind === 'all') return looks(actor);
  if (s.kind === 'region') return r.finding_region_code === s.regionCode;
  if (s.kind === 'unit') return r.unit_id !== null && (r.unit_id === s.unitCode || r.unit_id.startsWith(`${s.unitCode}-`));
  return false;
}

/** A listed person as the caller may see them. */
function personView(p: Awaited<ReturnType<typeof personsOf>>[number], full: boolean) {
  return {
    name: full ? p.name : maskName(p.name), relation: p.relation, idNumber: full ? p.id_number : maskIdNumber(p.id_number),
    householdSize: p.household_size === null ? null : Number(p.household_size), monthlyAmount: p.monthly_fen === null ? null : fenToYuan(Number(p.monthly_fen)),
  };
}

async function findingViews(db: Q, actor: Actor, rows: readonly FindingRow[], names?: Awaited<ReturnType<typeof placeNames>>): Promise<DibaoFinding[]> {
  const { org, region } = names ?? (await placeNames(db));
  const people = await personsOf(db, rows.map((r) => ({ listId: Number(r.list_id), householdId: Number(r.household_id) })));
  const full = seesFullIdentity(actor);
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind as DibaoFindingKind, kindLabel: DIBAO_FINDING_LABELS[r.kind as DibaoFindingKind], status: r.status as DibaoFindingStatus, detail: r.detail,
    household: {
      id: Number(r.household_id), workerNo: r.worker_no, name: r.name, regionCode: r.region_code, regionName: org(r.region_code),
      unitName: r.unit_id ? org(r.unit_id) : null, status: r.household_status as HouseholdStatus, receivesDibao: !!Number(r.receives_dibao), version: Number(r.version),
      belowLine: belowLine(r),
    },
    listed: people.filter((p) => Number(p.list_id) === Number(r.list_id) && Number(p.household_id) === Number(r.household_id)).map((p) => personView(p, full)),
    list: { id: Number(r.list_id), month: r.month, regionName: region(r.list_region_code) },
    resolvedBy: r.resolved_by_name ?? null, resolvedAt: r.resolved_at, reason: r.reason,
    canResolve: r.status === 'open' && resolves(actor, r.region_code, r.unit_id),
  }));
}

export async function listFindings(db: Q, actor: Actor, query: unknown): Promise<DibaoFindingList> {
  if (!looks(actor)) throw forbidden('只有工会建档人员可以查看低保核对结果');
  const f = parseQuery(dibaoFindingsQuerySchema, query, 'dibao findings');
  const { total, rows } = await findingRows(db, actor, f);
  return { total, page: f.page, pageSize: f.pageSize, items: await findingViews(db, actor, rows) };
}

export async function resolveFinding(db: Db, actor: Actor, id: number, input: unknown): Promise<DibaoFinding> {
  if (!looks(actor)) throw forbidden('只有该户的建档工会可以处理核对结果');
  const p = parseInput(dibaoResolveSchema, input, 'dibao resolve');
  const r = await findingRow(db, id);
  if (!r || !inFindingScope(actor, r)) throw notFound('低保核对结果');
  if (!resolves(actor, r.region_code, r.unit_id)) throw forbidden('只有该户的建档工会可以处理核对结果');
  if (r.status !== 'open') throw new AppError('DIBAO_FINDING_DECIDED');
  if (p.resolution === 'corrected') {
    const missing = correctionMissing(r.kind as DibaoFindingKind, { receivesDibao: !!Number(r.receives_dibao), belowLine: belowLine(r) });
    if (missing) throw new AppError('DIBAO_NOT_CORRECTED', { message: missing });
  }
  await inTransaction(db, async (trx) => {
    if (!(await repo.resolveOpen(trx, id, { status: p.resolution, resolved_by: actor.id, resolved_at: nowIso(), reason: p.reason }))) throw new AppError('DIBAO_FINDING_DECIDED');
    await repo.countResolved(trx, { regionCode: r.finding_region_code, kind: r.kind, listId: Number(r.list_id) });
    await audit(trx, actor, 'dibao.resolve', 'household', Number(r.household_id), { findingId: id, kind: r.kind, resolution: p.resolution, reason: p.reason, listMonth: r.month });
  });
  return (await findingViews(db, actor, [(await findingRow(db, id))!]))[0];
}

/** 民政名单核实 of one file: what the current list of its region says of its people. */
export async function householdCheck(db: Q, actor: Actor, householdId: number): Promise<DibaoCheck> {
  if (!looks(actor)) throw forbidden('只有工会建档人员可以查看民政名单核实');
  const h = await householdForCheck(db, actor, householdId);
  if (!h) throw notFound('档案');
  const list = await currentListFor(db, h.region_code);
  const people = list ? await personsOf(db, [{ listId: Number(list.id), householdId }]) : [];
  const names = await placeNames(db);
  const findings = await findingViews(db, actor, await findingsOfHousehold(db, householdId, list ? Number(list.id) : null), names);
  const declared = !!Number(h.receives_dibao);
  const state: DibaoCheckState = !list ? 'noList' : people.length ? (declared ? 'confirmed' : 'listedNotDeclared') : declared ? 'declaredNotListed' : 'notListed';
  const full = seesFullIdentity(actor);
  return {
    state, label: DIBAO_CHECK_LABELS[state],
    list: list ? { id: Number(list.id), month: list.month, regionName: names.region(list.region_code), importedAt: list.imported_at } : null,
    listed: people.map((p) => personView(p, full)),
    findings,
  };
}

/** Every list's word on one file and every finding it made: the 低保核对 part of the personal-data copy. */
export async function householdDibaoRecords(db: Q, actor: Actor, householdId: number) {
  const people = await listedOfHousehold(db, householdId);
  const findings = await findingViews(db, actor, await findingRowsOfHousehold(db, householdId));
  return {
    listed: people.map((p) => ({ month: p.month, source: p.source, ...personView(p, seesFullIdentity(actor)) })),
    findings: findings.map(({ canResolve: _c, ...f }) => f),
  };
}
