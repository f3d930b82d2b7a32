// The check of an uploaded file, before anything is written to the files: stage the rows,
// parse each household with the same core schema as the API, place it (region, unit, the
// importer's scope) and reconcile it by identity number with the files already stored:
// new, changed (with field-level differences), unchanged, or error (every bad cell reported).
import {
  editRule, EXAMPLE_MARKER, householdToWorkerRow, memberToRow, HOUSEHOLD_STATUS_LABELS, labelOfPath, MEMBER_COLUMNS, memberRowToInput, parseHousehold, parseWorkerNo,
  WORKER_COLUMNS, workerRowToInput, cellToText, type CellValue, type HeaderMap, type HouseholdStatus, type FieldError,
} from '@bangfu/core';
import type { Db } from '../../db/index.js';
import type { Q } from '../households/households.repository.js';
import type { Actor } from '../access/actor.js';
import { canFile, householdScope } from '../access/scope.js';
import { listOrgs, type Org } from '../orgs/orgs.repository.js';
import { rowToData } from '../households/household.mapping.js';
import { diffHouseholds } from '../households/household.diff.js';
import { OUT_OF_SCOPE_DUPLICATE } from '../households/households.service.js';
import { FileProblem, readImportFiles, SHEET_NAMES, type ReadSummary, type SheetKind, type UploadedFile } from './import.read.js';
import { setProgress } from './import.progress.js';

const STAGE_BATCH = 500;
const CHECK_BATCH = 500;

const WORKER_HEADER: HeaderMap = { index: new Map(WORKER_COLUMNS.map((c, i) => [c.key, i])), missing: [], unknown: [] };
const MEMBER_HEADER: HeaderMap = { index: new Map(MEMBER_COLUMNS.map((c, i) => [c.key, i])), missing: [], unknown: [] };

interface ErrorLine {
  sheet: string;
  row: number;
  column: string;
  value: string | null;
  message: string;
}

const W_ID = WORKER_COLUMNS.findIndex((c) => c.key === 'idNumber');
const W_NO = WORKER_COLUMNS.findIndex((c) => c.key === 'workerNo');

/** The worker's identity number as the member rows refer to it (legacy numbers upgraded). */
function keyOf(v: CellValue): string | null {
  const text = cellToText(v).replace(/\s+/g, '').toUpperCase();
  if (!text) return null;
  return workerRowToInput([text], { index: new Map([['idNumber', 0]]), missing: [], unknown: [] }).input.idNumber as string | null;
}

/** Stage every row of the files; members join their worker by key later, in SQL. */
async function stage(db: Db, importId: number, files: UploadedFile[]): Promise<{ rows: number; summary: ReadSummary }> {
  let buffer: { import_id: number; sheet: SheetKind; row_no: number; key: string | null; cells: string }[] = [];
  let workers = 0;
  const exampleKeys = new Set<string>();
  const flush = async () => {
    if (!buffer.length) return;
    const chunk = buffer;
    buffer = [];
    await db.insertInto('import_raw').values(chunk).execute();
  };
  const summary = await readImportFiles(files, {
    async row(kind, rowNo, cells) {
      const keyCell = cells[kind === 'w' ? W_ID : 0];
      // the template's example row (职工编号 示例) and its example members
      const no = kind === 'w' ? cellToText(cells[W_NO]) : '';
      if (no === EXAMPLE_MARKER || no.startsWith(`${EXAMPLE_MARKER}（`)) {
        exampleKeys.add(keyOf(keyCell) ?? '');
        return;
      }
      if (kind === 'm' && exampleKeys.has(keyOf(keyCell) ?? '')) return;
      if (cellToText(keyCell).includes('*'))
        throw new FileProblem(`${SHEET_NAMES[kind]}表第${rowNo}行的身份证号含有“*”，是脱敏导出的数据，不能用于导入`);
      if (kind === 'w') {
        workers++;
        if (workers % 1000 === 0) {
          setProgress(importId, { phase: 'reading', done: workers, total: 0 });
          await new Promise((r) => setImmediate(r));
        }
      }
      buffer.push({ import_id: importId, sheet: kind, row_no: rowNo, key: keyOf(keyCell)?.slice(0, 32) ?? null, cells: JSON.stringify(cells) });
      if (buffer.length >= STAGE_BATCH) await flush();
    },
  });
  await flush();
  return { rows: workers, summary };
}

/** Region: a code (H01), a region's name (京山), or taken from the worker number / the importer's org. */
function resolveRegion(text: unknown, workerNo: unknown, actor: Actor, regions: Org[]): string | null {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t) {
    const upper = t.toUpperCase();
    const byCode = regions.find((r) => r.code === upper);
    if (byCode) return byCode.code;
    const byName = regions.find((r) => r.name === t || r.name.startsWith(t));
    return byName ? byName.code : t;
  }
  if (typeof workerNo === 'string' && workerNo) {
    const p = parseWorkerNo(workerNo.trim().toUpperCase());
    if (p) return p.regionCode;
  }
  if (actor.role === 'region' || actor.role === 'unit') return actor.orgCode.slice(0, 3);
  return null;
}

function resolveUnit(text: unknown, regionCode: string | null, actor: Actor, units: Org[]): string | null {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!t) return actor.role === 'unit' ? actor.orgCode : null;
  const upper = t.toUpperCase();
  const byCode = units.find((u) => u.code === upper);
  if (byCode) return byCode.code;
  const byName = units.filter((u) => u.name === t && (!regionCode || u.parentCode === regionCode));
  return byName.length === 1 ? byName[0].code : t;
}

interface RawRow {
  row_no: number;
  key: string | null;
  cells: string;
}

/** Where a schema error lands in the spreadsheet: the worker row or the member's own row. */
function placeError(e: FieldError, workerRow: number, workerCells: CellValue[], members: RawRow[], memberCells: CellValue[][]): ErrorLine {
  const m = /^members\[(\d+)\]\.(\w+)$/.exec(e.path);
  if (m) {
    const i = Number(m[1]);
    const col = MEMBER_COLUMNS.findIndex((c) => c.key === m[2]);
    return {
      sheet: SHEET_NAMES.m, row: members[i]?.row_no ?? workerRow, column: MEMBER_COLUMNS[col]?.label ?? m[2],
      value: col >= 0 ? cellToText(memberCells[i]?.[col]) || null : null, message: e.message,
    };
  }
  const head = e.path.split(/[.[]/)[0];
  const col = WORKER_COLUMNS.findIndex((c) => c.key === head);
  return {
    sheet: SHEET_NAMES.w, row: workerRow, column: col >= 0 ? WORKER_COLUMNS[col].label : labelOfPath(e.path) || '（整行）',
    value: col >= 0 ? cellToText(workerCells[col]) || null : null, message: e.message,
  };
}

export interface AnalyzeResult {
  rows: number;
  new: number;
  changed: number;
  unchanged: number;
  error: number;
  errorLines: number;
  warnings: number;
  /** rows refused because their identity number has a live file outside the importer's scope */
  outOfScope: number;
}

export async function analyzeImport(db: Db, importId: number, actor: Actor, files: UploadedFile[]): Promise<AnalyzeResult> {
  // a resumed analysis starts over: staging is not the files, so nothing is lost
  for (const t of ['import_errors', 'import_rows', 'import_raw'] as const) await db.deleteFrom(t).where('import_id', '=', importId).execute();
  setProgress(importId, { phase: 'reading', done: 0, total: 0 });
  const { rows: total, summary } = await stage(db, importId, files);
  // a column the header lacks is "not supplied", not "blank": an existing file keeps its value
  const workerPresent = summary.sheets.w!.present;
  const membersSupplied = summary.sheets.m !== undefined;

  const orgs = await listOrgs(db);
  const regions = orgs.filter((o) => o.kind === 'region');
  const units = orgs.filter((o) => o.kind === 'unit');
  const counts: AnalyzeResult = { rows: total, new: 0, changed: 0, unchanged: 0, error: 0, errorLines: 0, warnings: 0, outOfScope: 0 };
  const fileErrors: ErrorLine[] = [];

  // the same identity number twice in 职工: the later rows are errors
  const dupKeys = (await db.selectFrom('import_raw').select('key').where('import_id', '=', importId)
    .where('sheet', '=', 'w').where('key', 'is not', null).groupBy('key').having((eb) => eb.fn.countAll(), '>', 1).execute()).map((d) => d.key!);
  const dupRowsOf = new Map<string, number[]>();
  for (let i = 0; i < dupKeys.length; i += 500) {
    const rows = await db.selectFrom('import_raw').select(['key', 'row_no']).where('import_id', '=', importId).where('sheet', '=', 'w')
      .where('key', 'in', dupKeys.slice(i, i + 500)).orderBy('row_no').execute();
    for (const r of rows) dupRowsOf.set(r.key!, [...(dupRowsOf.get(r.key!) ?? []), Number(r.row_no)]);
  }
  // member rows whose worker is not in 职工
  const orphans = await db.selectFrom('import_raw as m').select(['m.row_no', 'm.key', 'm.cells']).where('m.import_id', '=', importId).where('m.sheet', '=', 'm')
    .where((eb) => eb.or([eb('m.key', 'is', null), eb.not(eb.exists(eb.selectFrom('import_raw as w').select('w.row_no')
      .where('w.import_id', '=', importId).where('w.sheet', '=', 'w').whereRef('w.key', '=', 'm.key')))]))
    .orderBy('m.row_no').execute();
  for (const o of orphans)
    fileErrors.push({
      sheet: SHEET_NAMES.m, row: Number(o.row_no), column: MEMBER_COLUMNS[0].label, value: cellToText((JSON.parse(o.cells) as CellValue[])[0]) || null,
      message: o.key ? `职工表中没有身份证号为 ${o.key} 的职工，无法确定该成员属于哪户` : '请填写该成员所属职工的身份证号',
    });

  const seenWorkerNos = new Map<string, number>();
  let cursor = 0;
  let seq = 0;
  setProgress(importId, { phase: 'checking', done: 0, total });
  for (;;) {
    const batch = await db.selectFrom('import_raw').select(['row_no', 'key', 'cells']).where('import_id', '=', importId).where('sheet', '=', 'w')
      .where('row_no', '>', cursor).orderBy('row_no').limit(CHECK_BATCH).execute();
    if (batch.length === 0) break;
    cursor = Number(batch[batch.length - 1].row_no);
    const keys = [...new Set(batch.map((b) => b.key).filter((k): k is string => !!k))];
    const memberRaw = keys.length
      ? await db.selectFrom('import_raw').select(['row_no', 'key', 'cells']).where('import_id', '=', importId).where('sheet', '=', 'm').where('key', 'in', keys).orderBy('row_no').execute()
      : [];
    const membersOf = new Map<string, RawRow[]>();
    for (const m of memberRaw) membersOf.set(m.key!, [...(membersOf.get(m.key!) ?? []), { row_no: Number(m.row_no), key: m.key, cells: m.cells }]);
    // Which of these identity numbers have a live file (one per worker, city-wide): only the id and
    // whether it lies in the importer's scope are read; a file outside it is never read, completed,
    // compared or echoed.
    const live = keys.length
      ? await db.selectFrom('households').select(['id', 'id_number']).where('id_number', 'in', keys).where('status', 'not in', ['removed', 'exited']).execute()
      : [];
    const visibleIds = new Set(
      live.length
        ? (await db.selectFrom('households').select('id').where('id', 'in', live.map((e) => Number(e.id))).where(householdScope(actor)).execute()).map((r) => Number(r.id))
        : [],
    );
    const outOfScope = new Set(live.filter((e) => !visibleIds.has(Number(e.id))).map((e) => e.id_number));
    const existing = visibleIds.size ? await db.selectFrom('households').selectAll().where('id', 'in', [...visibleIds]).execute() : [];
    const existingOf = new Map(existing.map((e) => [e.id_number, e]));
    const existingMembers = existing.length
      ? await db.selectFrom('household_members').selectAll().where('household_id', 'in', existing.map((e) => Number(e.id))).orderBy('seq').execute()
      : [];
    const membersOfExisting = new Map<number, typeof existingMembers>();
    for (const m of existingMembers) membersOfExisting.set(Number(m.household_id), [...(membersOfExisting.get(Number(m.household_id)) ?? []), m]);
    const cellsOf = batch.map((b) => JSON.parse(b.cells) as CellValue[]); // parsed once per row
    const givenNos = cellsOf.map((c) => cellToText(c[W_NO]).toUpperCase()).filter(Boolean);
    const takenNos = givenNos.length
      ? new Map((await db.selectFrom('households').select(['worker_no', 'id_number', 'status']).where('worker_no', 'in', givenNos).execute()).map((r) => [r.worker_no, r]))
      : new Map();

    const outRows: Parameters<typeof insertRows>[1] = [];
    const outErrors: ErrorLine[] = [];
    for (const [rowIndex, raw] of batch.entries()) {
      seq++;
      const rowNo = Number(raw.row_no);
      const cells = cellsOf[rowIndex];
      const members = raw.key ? membersOf.get(raw.key) ?? [] : [];
      let memberCells = members.map((m) => JSON.parse(m.cells) as CellValue[]);
      const known = raw.key ? existingOf.get(raw.key) : undefined;
      if (known && (workerPresent.size < WORKER_COLUMNS.length || !membersSupplied)) {
        // what the file does not supply (an absent column, no 家庭成员 sheet) stays as stored
        const storedFile = rowToData(known, membersOfExisting.get(Number(known.id)) ?? []);
        const storedRow = householdToWorkerRow(storedFile);
        WORKER_COLUMNS.forEach((c, i) => {
          if (!workerPresent.has(c.key) && c.kind !== 'derived') cells[i] = storedRow[i];
        });
        if (!membersSupplied) memberCells = storedFile.members.map((m) => memberToRow(storedFile.idNumber, m));
      }
      const conv = workerRowToInput(cells, WORKER_HEADER);
      const memberConv = memberCells.map((c) => memberRowToInput(c, MEMBER_HEADER));
      const errors: ErrorLine[] = [];
      const warnings: string[] = [];
      const cellError = (key: string, message: string) => {
        const col = WORKER_COLUMNS.findIndex((c) => c.key === key);
        errors.push({ sheet: SHEET_NAMES.w, row: rowNo, column: WORKER_COLUMNS[col].label, value: cellToText(cells[col]) || null, message });
      };
      for (const p of conv.problems) cellError(p.key, p.message);
      for (const w of conv.warnings) warnings.push(`第${rowNo}行：${w.message}`);
      memberConv.forEach((mc, i) => {
        for (const p of mc.problems)
          errors.push({ sheet: SHEET_NAMES.m, row: members[i].row_no, column: MEMBER_COLUMNS.find((c) => c.key === p.key)!.label, value: cellToText(memberCells[i][MEMBER_COLUMNS.findIndex((c) => c.key === p.key)]) || null, message: p.message });
        for (const w of mc.warnings) warnings.push(`家庭成员表第${members[i].row_no}行：${w.message}`);
      });

      const workerNoText = typeof conv.input.workerNo === 'string' ? conv.input.workerNo.toUpperCase() : conv.input.workerNo;
      const regionCode = resolveRegion(conv.input.regionCode, workerNoText, actor, regions);
      const unitId = resolveUnit(conv.input.unitId, regionCode, actor, units);
      const input = { ...conv.input, workerNo: workerNoText, regionCode, unitId, members: memberConv.map((m) => m.input) };
      const parsed = parseHousehold(input);
      if (!parsed.ok) for (const e of parsed.errors) errors.push(placeError(e, rowNo, cells, members, memberCells));

      // every row of a repeated identity number is an error: which one is right, only a person can say
      const dupRows = raw.key ? dupRowsOf.get(raw.key) : undefined;
      // at most ten row numbers: a file of one number repeated 8,000 times once wrote 493 MB of messages
      if (dupRows) cellError('idNumber', `身份证号在职工表中出现了${dupRows.length}次（第${dupRows.slice(0, 10).join('、')}${dupRows.length > 10 ? '等' : ''}行）：一户只能有一行，请删去多余的行`);

      let status: 'new' | 'changed' | 'unchanged' | 'error' = 'error';
      let householdId: number | null = null;
      let householdVersion: number | null = null;
      let changes: unknown[] | null = null;
      let data: string | null = null;
      const h = parsed.ok ? parsed.data : null;
      if (h && errors.length === 0) {
        const region = regions.find((r) => r.code === h.regionCode);
        if (!region || !region.active) cellError('regionCode', `“${h.regionCode}”不是已配置的地区，应为地区代码（如 H01）或地区名称`);
        if (h.unitId) {
          const unit = units.find((u) => u.code === h.unitId);
          if (!unit || !unit.active || unit.parentCode !== h.regionCode) cellError('unitId', `基层工会“${h.unitId}”不存在或不属于所选地区，应为基层工会代码（如 ${h.regionCode}-0001）`);
        }
        if (errors.length === 0 && !canFile(actor, h.regionCode, h.unitId))
          cellError(actor.role === 'unit' ? 'unitId' : 'regionCode', `您只能导入本组织（${actor.orgName}）的档案`);
        if (h.workerNo) {
          const first = seenWorkerNos.get(h.workerNo);
          if (first !== undefined) cellError('workerNo', `与第${first}行的职工编号重复`);
          else seenWorkerNos.set(h.workerNo, rowNo);
        }
        const current = existingOf.get(h.idNumber);
        if (errors.length === 0 && outOfScope.has(h.idNumber)) {
          cellError('idNumber', `${OUT_OF_SCOPE_DUPLICATE}，不能导入`);
          counts.outOfScope++;
        } else if (errors.length === 0 && current) {
          householdId = Number(current.id);
          householdVersion = current.version;
          const curStatus = current.status as HouseholdStatus;
          if (h.workerNo && h.workerNo !== current.worker_no) cellError('workerNo', `系统中该身份证号的档案职工编号为 ${current.worker_no}，与填写的不一致`);
          else if (h.regionCode !== current.region_code) cellError('regionCode', `系统中该档案属于地区 ${current.region_code}，所属地区不能通过导入修改`);
          else {
            const stored = { ...h, workerNo: current.worker_no };
            const diff = diffHouseholds(rowToData(current, membersOfExisting.get(householdId) ?? []), stored);
            if (diff.length === 0) status = 'unchanged';
            else if (editRule(curStatus) === 'locked')
              cellError('idNumber', `该档案${HOUSEHOLD_STATUS_LABELS[curStatus]}，正在审核中，不能通过导入修改；请待审核退回后再导入`);
            else {
              status = 'changed';
              changes = diff;
              data = JSON.stringify(stored);
            }
          }
        } else if (errors.length === 0) {
          if (h.workerNo) {
            const p = parseWorkerNo(h.workerNo);
            const taken = takenNos.get(h.workerNo);
            if (!p || p.regionCode !== h.regionCode) cellError('workerNo', `职工编号应以所属地区代码 ${h.regionCode} 开头`);
            else if (taken) cellError('workerNo', `职工编号 ${h.workerNo} 已被另一份档案使用`);
          }
          if (errors.length === 0) {
            status = 'new';
            data = JSON.stringify(h);
          }
        }
      }
      if (errors.length) {
        status = 'error';
        data = null;
        changes = null;
      }
      counts[status]++;
      counts.errorLines += errors.length;
      if (warnings.length) counts.warnings++;
      outErrors.push(...errors);
      outRows.push({
        import_id: importId, seq, row_no: rowNo, status,
        worker_no: ((h?.workerNo ?? (typeof workerNoText === 'string' ? workerNoText : null)) || (householdId ? existingOf.get(h!.idNumber)!.worker_no : null))?.slice(0, 16) ?? null,
        name: typeof conv.input.name === 'string' ? conv.input.name.slice(0, 64) : null, id_number: raw.key?.slice(0, 32) ?? null,
        household_id: householdId, household_version: householdVersion, data, changes: changes ? JSON.stringify(changes) : null,
        warnings: warnings.length ? JSON.stringify(warnings) : null,
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, outRows);
      await insertErrors(trx, importId, outErrors);
    });
    setProgress(importId, { phase: 'checking', done: seq, total });
    await new Promise((r) => setImmediate(r));
  }
  await insertErrors(db, importId, fileErrors);
  counts.errorLines += fileErrors.length;
  await db.deleteFrom('import_raw').where('import_id', '=', importId).execute();
  return counts;
}

async function insertRows(db: Q, rows: {
  import_id: number; seq: number; row_no: number; status: 'new' | 'changed' | 'unchanged' | 'error'; worker_no: string | null; name: string | null;
  id_number: string | null; household_id: number | null; household_version: number | null; data: string | null; changes: string | null; warnings: string | null;
}[]) {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('import_rows').values(rows.slice(i, i + 100)).execute();
}

async function insertErrors(db: Q, importId: number, lines: ErrorLine[]) {
  for (let i = 0; i < lines.length; i += 200)
    await db.insertInto('import_errors').values(lines.slice(i, i + 200).map((e) => ({
      import_id: importId, sheet: e.sheet, row_no: e.row, column_label: e.column.slice(0, 64), value: e.value === null ? null : e.value.slice(0, 500), message: e.message,
    }))).execute();
}

