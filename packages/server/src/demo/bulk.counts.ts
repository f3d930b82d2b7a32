// The kept counts of a bulk load, counted batch by batch as it writes (a recount of a million files
// afterwards took 24 s on SQLite): the households' list tally and facets (the households module's
// TALLY_IN_JS and FACETS_IN_JS), and of the assistance records the counts per household and year
// (written with each batch), per region and status, and per cadre. All but the first are written at
// the end of the load as delta rows (tally.sql.ts, assistance-tally.sql.ts), so a load onto existing
// files adds to their counts. tallyDifferences() and assistanceTallyDifferences() compare the result
// with the SQL recount (cli/demo-bulk.test.ts).
import { YEARLY_SOLVED_TARGET } from '@bangfu/core';
import { CAUSE_FACET, CAUSE_YEAR_FACET, FACETS_IN_JS, TALLY_IN_JS } from '../modules/households/tally.sql.js';
import type { Row, Rows, Value } from './bulk-writer.js';
import type { BatchRows } from './bulk.js';

const TALLY_COLS = Object.keys(TALLY_IN_JS);
const FACET_NAMES = Object.keys(FACETS_IN_JS);
const SEP = '\u0000';
const NULL_KEY = '\u0001'; // not '' (which join() would make of null too)

/** The rows of a table as objects. */
function* objects({ cols, values }: Rows): Generator<Row> {
  const n = cols.length;
  for (let i = 0; i < values.length; i += n) {
    const row: Row = {};
    for (let c = 0; c < n; c++) row[cols[c]] = values[i + c];
    yield row;
  }
}

function groupByHousehold(rows: Rows): Map<number, Row[]> {
  const by = new Map<number, Row[]>();
  for (const r of objects(rows)) {
    const id = r.household_id as number;
    const list = by.get(id);
    if (list) list.push(r);
    else by.set(id, [r]);
  }
  return by;
}

/** Sums per key; each key's values kept once. */
class Sums {
  private readonly rows = new Map<string, { key: Value[]; sums: number[] }>();
  constructor(private readonly keyCols: string[], private readonly sumCols: string[]) {}
  add(key: Value[], sums: number[]) {
    const k = key.map((v) => (v === null ? NULL_KEY : String(v))).join(SEP);
    const r = this.rows.get(k);
    if (!r) this.rows.set(k, { key, sums: [...sums] });
    else for (let i = 0; i < sums.length; i++) r.sums[i] += sums[i];
  }
  table(): Rows {
    const values: Value[] = [];
    for (const r of this.rows.values()) values.push(...r.key, ...r.sums);
    return { cols: [...this.keyCols, ...this.sumCols], values };
  }
}

export class LoadCounts {
  private readonly tally = new Sums(TALLY_COLS, ['n']);
  private readonly facets = new Sums(['facet', 'region_code', 'status', 'value'], ['n']);
  private readonly assistance = new Sums(['year', 'region_code', 'status'], ['assisted', 'records', 'visits', 'money', 'solved', 'met']);
  private readonly cadres = new Sums(['year', 'region_code', 'user_id'], ['records', 'visits', 'households', 'money', 'solved']);

  /**
   * One household as written (its households row, causes and assistance records). Returns its rows
   * of assistance_household_year, which the loader writes with its other rows.
   */
  add(household: Row, causes: readonly string[], records: readonly Row[]): Row[] {
    const region = household.region_code as string;
    const status = household.status as string;
    this.tally.add(TALLY_COLS.map((c) => TALLY_IN_JS[c](household)), [1]);
    for (const f of FACET_NAMES) this.facets.add([f, region, status, FACETS_IN_JS[f](household)], [1]);
    for (const c of causes) {
      this.facets.add([CAUSE_FACET, region, status, c], [1]);
      this.facets.add([CAUSE_YEAR_FACET, region, status, `${c}|${household.fill_year}`], [1]);
    }
    if (records.length === 0) return [];
    const id = household.id as number;
    // the household's own row per year: its records, visits, money and solved problems
    const perYear = new Map<number, Row>();
    const cadresSeen = new Set<string>();
    for (const r of records) {
      const year = r.year as number;
      const visit = r.type === '走访' ? 1 : 0;
      const money = (r.amount_fen as number | null) ?? 0;
      const solved = r.solved_problem as number;
      const y = perYear.get(year) ?? { household_id: id, year, records: 0, visits: 0, money: 0, solved: 0 };
      perYear.set(year, { ...y, records: (y.records as number) + 1, visits: (y.visits as number) + visit, money: (y.money as number) + money, solved: (y.solved as number) + solved });
      const cadreKey = [year, r.region_code, r.recorded_by];
      const first = !cadresSeen.has(cadreKey.join(SEP));
      cadresSeen.add(cadreKey.join(SEP));
      this.cadres.add(cadreKey, [1, visit, first ? 1 : 0, money, solved]);
    }
    const years = [...perYear.values()];
    for (const y of years) {
      const solved = y.solved as number;
      this.assistance.add([y.year, region, status], [1, y.records as number, y.visits as number, y.money as number, solved, solved >= YEARLY_SOLVED_TARGET ? 1 : 0]);
    }
    return years;
  }

  /** The households of a batch, from its rows; returns their rows of assistance_household_year. */
  addBatch(batch: BatchRows): Rows {
    const tables = new Map(batch.tables);
    const causes = groupByHousehold(tables.get('household_causes')!);
    const records = groupByHousehold(tables.get('assistance_records')!);
    const years: Row[] = [];
    for (const h of objects(tables.get('households')!)) {
      const id = h.id as number;
      years.push(...this.add(h, (causes.get(id) ?? []).map((c) => c.cause as string), records.get(id) ?? []));
    }
    const cols = ['household_id', 'year', 'records', 'visits', 'money', 'solved'];
    return { cols, values: years.flatMap((y) => cols.map((c) => y[c])) };
  }

  /** The rows to insert, table by table. */
  tables(): [string, Rows][] {
    return [
      ['household_tally', this.tally.table()],
      ['household_facets', this.facets.table()],
      ['assistance_tally', this.assistance.table()],
      ['assistance_cadre_tally', this.cadres.table()],
    ];
  }
}
