import { describe, expect, it } from 'vitest';
import {
  cellToText, columnLetter, householdToWorkerRow, isBlankRow, mapHeader, MEMBER_COLUMNS, memberRowToInput, memberToRow, normalizeDateText,
  parseCauses, readIdCell, WORKER_COLUMNS, workerRowToInput,
} from './exchange.js';
import { parseHousehold, type HouseholdData } from './household.js';
import { exampleHousehold } from '../test/fixtures/example-household.js';

const header = WORKER_COLUMNS.map((c) => c.label);
const memberHeader = MEMBER_COLUMNS.map((c) => c.label);

function stored(): HouseholdData & { workerNo: string } {
  const r = parseHousehold(exampleHousehold());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { ...r.data, workerNo: 'H0400001' };
}

describe('column layout', () => {
  it('follows household.md order with unique labels and every enumeration offering its values', () => {
    const labels = WORKER_COLUMNS.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.slice(0, 10)).toEqual(['职工编号', '所属地区', '基层工会', '填报日期', '困难类别', '劳模类型', '姓名', '性别', '民族', '身份证号']);
    for (const c of [...WORKER_COLUMNS, ...MEMBER_COLUMNS]) if (c.kind === 'enum' || c.kind === 'bool') expect(c.values?.length).toBeGreaterThan(1);
    expect(MEMBER_COLUMNS[0].label).toBe('职工身份证号');
  });

  it('column letters go past Z', () => {
    expect([0, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

describe('header mapping', () => {
  it('finds columns in any order, tolerating half-width brackets and spaces', () => {
    const h = mapHeader(['姓 名', '技术职称等级(工种)', '身份证号', '额外列'], WORKER_COLUMNS);
    expect(h.index.get('name')).toBe(0);
    expect(h.index.get('skillLevel')).toBe(1);
    expect(h.index.get('idNumber')).toBe(2);
    expect(h.unknown).toEqual(['额外列']);
    expect(h.missing.map((c) => c.label)).toContain('填报日期');
    expect(h.missing.map((c) => c.label)).not.toContain('姓名');
  });

  it('a full header misses nothing', () => {
    expect(mapHeader(header, WORKER_COLUMNS).missing).toEqual([]);
    expect(mapHeader(memberHeader, MEMBER_COLUMNS).missing).toEqual([]);
  });
});

describe('cells', () => {
  it('reads numbers, dates and booleans as a person wrote them', () => {
    expect(cellToText(420802196803120000)).toBe('420802196803120000');
    expect(cellToText(new Date(Date.UTC(2016, 4, 10)))).toBe('2016-05-10');
    expect(cellToText(true)).toBe('是');
    expect(normalizeDateText('2016/5/1')).toBe('2016-05-01');
    expect(normalizeDateText('2016年5月1日')).toBe('2016-05-01');
    expect(normalizeDateText('五月')).toBe('五月');
  });

  it('reads money a formula computed as Excel shows it, to the fen', () => {
    const header = mapHeader(['本人年收入', '家庭年度总收入', '工龄'], WORKER_COLUMNS);
    const conv = workerRowToInput([0.1 + 0.2, 1234.56 * 12, 20.000000000000004], header);
    expect(conv.input).toEqual({ ownAnnualIncome: 0.3, householdAnnualIncome: 14814.72, serviceYears: 20 });
  });

  it('splits causes on 、 and maps the paper form wording', () => {
    expect(parseCauses('因病致困、子女上学, 其他')).toEqual(['因病', '子女上学', '其它']);
  });

  it('upgrades a legacy 15-digit identity number with a warning and refuses one Excel rounded', () => {
    const legacy = readIdCell('420802680312051', '身份证号');
    expect(legacy.value).toMatch(/^42080219680312051[\dX]$/);
    expect(legacy.warning).toContain('15位');
    const rounded = readIdCell(420802196803120519, '身份证号');
    expect(rounded.problem).toContain('文本格式');
    expect(readIdCell(' 11010519491231002x ', '身份证号').value).toBe('11010519491231002X');
  });

  it('recognizes blank rows', () => {
    expect(isBlankRow([null, '', '  ', undefined])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
  });
});

describe('row round trip', () => {
  it('a stored file written as rows reads back to the same file', () => {
    const h = stored();
    const row = householdToWorkerRow(h);
    const conv = workerRowToInput(row, mapHeader(header, WORKER_COLUMNS));
    expect(conv.problems).toEqual([]);
    const members = h.members.map((m) => memberRowToInput(memberToRow(h.idNumber, m), mapHeader(memberHeader, MEMBER_COLUMNS)));
    for (const m of members) expect(m.workerIdNumber).toBe(h.idNumber);
    const again = parseHousehold({ ...conv.input, members: members.map((m) => m.input) });
    expect(again.ok && again.data).toEqual(h);
  });

  it('writes money in yuan, booleans as 是/否, causes joined by 、 and the derived per-capita income', () => {
    const h = stored();
    const row = householdToWorkerRow(h);
    const at = (key: string) => row[WORKER_COLUMNS.findIndex((c) => c.key === key)];
    expect(at('householdAnnualIncome')).toBe(h.householdAnnualIncome / 100);
    expect(at('receivesDibao')).toBe('是');
    expect(at('causes')).toBe(h.causes.join('、'));
    expect(at('perCapitaIncome')).toBe(Math.round(h.householdAnnualIncome / h.householdSize) / 100);
  });

  it('masks through the given function', () => {
    const row = householdToWorkerRow(stored(), { idNumber: () => 'MASKED', phone: () => 'P' });
    expect(row).toContain('MASKED');
    expect(row).toContain('P');
  });

  it('ignores the derived per-capita column on import and reports the schema errors of a bad row', () => {
    const row = householdToWorkerRow(stored());
    const idx = (key: string) => WORKER_COLUMNS.findIndex((c) => c.key === key);
    row[idx('perCapitaIncome')] = 1;
    row[idx('receivesDibao')] = '也许';
    row[idx('serviceYears')] = '二十';
    const conv = workerRowToInput(row, mapHeader(header, WORKER_COLUMNS));
    expect(conv.input).not.toHaveProperty('perCapitaIncome');
    const r = parseHousehold({ ...conv.input, members: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['receivesDibao', 'serviceYears']);
  });
});
