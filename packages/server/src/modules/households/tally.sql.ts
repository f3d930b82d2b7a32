// Kept counts of the households, as SQL: the tables' triggers (SQLite and PostgreSQL), the recount
// and the compaction. Owned by the households module: the tally tables are written only by these
// triggers (in the same transaction as the change that moves a count) and by the recount and
// compaction of tally.repository.ts.
//
// Two tallies, both insert-only deltas (+1 / -1 rows) that a compaction folds into one row per key.
// Insert-only because on PostgreSQL an UPDATE of a shared count row would lock it until commit: an
// import's long transaction would hold every count it touched and block every other edit, and two
// files moving in opposite directions would deadlock. An INSERT locks nothing that others need.
//  - household_tally: one key per combination of the list's filters (region, status, category,
//    identification result, suggested category, conditions, flags): the list's exact total is a
//    sum over a few thousand rows instead of a count over a million.
//  - household_facets: per region and status, the values the summaries group by (work status,
//    enterprise status, per-capita income band, urgency batch, day of the last assistance, year of
//    the fill date, unit and fill year, fill year and the day the file was entered, category and income band with the fill year, and
//    each cause of household_causes).
//
// A change to what is tallied needs a migration that recreates the triggers (dropTallyTriggers,
// tallyTriggers) and recounts (recountTallies).
import { INCOME_BANDS } from '@bangfu/core';
import { deltaId, type DeltaTable, createTriggers, dropTriggers, type CountingTrigger } from '../../db/deltas.js';

/** The list filters' columns: tally column ← expression over a households row (`r.` is replaced by NEW./OLD./nothing). */
export const TALLY_DIMS: readonly (readonly [string, string])[] = [
  ['region_code', 'r.region_code'],
  ['status', 'r.status'],
  ['category', 'r.category'],
  ['eligible', 'coalesce(r.id_eligible, -1)'],
  ['suggested', "coalesce(r.id_category, '')"],
  ['c1', 'r.id_c1'],
  ['c2', 'r.id_c2'],
  ['c3', 'r.id_c3'],
  ['f_mismatch', 'r.id_flag_mismatch'],
  ['f_dibao_not_received', 'r.id_flag_dibao_not_received'],
  ['f_dibao_above', 'r.id_flag_dibao_above'],
  ['f_no_line', 'r.id_flag_no_line'],
];

/** The band of core's INCOME_BANDS a per-capita income falls in (no income counts in the top band, as the summary always did). */
export const bandExpression = (ref: string) =>
  `case ${INCOME_BANDS.filter((b) => b.max !== null).map((b) => `when ${ref} < ${b.max} then '${b.key}'`).join(' ')} else '${INCOME_BANDS[INCOME_BANDS.length - 1].key}' end`;

/**
 * The facets of the days (China) a file was entered and reached each review step, with the column
 * each reads. The day entered was cut from the UTC time until migration 029 gave files created_on.
 */
export const STEP_DAYS = [
  ['asof_created', 'created_on'], ['asof_submitted', 'submitted_on'], ['asof_approved', 'approved_on'], ['asof_filed', 'filed_on'], ['asof_ended', 'ended_on'],
] as const;
const stepDayValue = (ref: string) => `cast(r.fill_year as varchar(8)) || '|' || coalesce(substr(${ref}, 1, 10), '') || '|' || coalesce(r.unit_id, '')`;

/** The households' own facets: facet name → value expression and the columns that move it. */
export const FACETS: readonly { facet: string; value: string; columns: string[]; since?: number; until?: number }[] = [
  { facet: 'work_status', value: 'r.work_status', columns: ['work_status'] },
  { facet: 'enterprise_status', value: 'r.enterprise_status', columns: ['enterprise_status'] },
  { facet: 'band', value: bandExpression('r.per_capita_income'), columns: ['per_capita_income'] },
  { facet: 'batch', value: "coalesce(cast(r.urgency_batch as varchar(4)), '')", columns: ['urgency_batch'] },
  // the day of the last assistance ('' for never): 帮扶统计 counts the overdue as the days before a cutoff
  { facet: 'last_assisted', value: "coalesce(r.last_assisted_on, '')", columns: ['last_assisted_on'] },
  // the year of the fill date: the live files of each (region, year) pair, which a policy line governs
  { facet: 'year', value: 'cast(r.fill_year as varchar(8))', columns: ['fill_year'] },
  // the unit and the fill year ('H01-0003|2026'; '|2026' for the county's own files): a campaign's progress per unit
  { facet: 'unit_year', value: "coalesce(r.unit_id, '') || '|' || cast(r.fill_year as varchar(8))", columns: ['unit_id', 'fill_year'] },
  // the fill year and the day the file was entered ('2026|2026-12-07'): a campaign year's files entered per week, new this week
  { facet: 'year_created_day', value: "cast(r.fill_year as varchar(8)) || '|' || substr(r.created_at, 1, 10)", columns: ['fill_year', 'created_at'] },
  // the category and the income band with the fill year ('低保户|2026', 'b1|2026'): a campaign year's 工作台
  { facet: 'category_year', value: "r.category || '|' || cast(r.fill_year as varchar(8))", columns: ['category', 'fill_year'] },
  { facet: 'band_year', value: `(${bandExpression('r.per_capita_income')}) || '|' || cast(r.fill_year as varchar(8))`, columns: ['per_capita_income', 'fill_year'] },
  // "as of a day" (migration 024): the fill year, the day a file was entered or reached a review step, and
  // its unit ('2026|2026-06-20|H01-0003'); progress.queries asOfCounts sums those up to a day
  { facet: 'asof_created', value: stepDayValue('r.created_at'), columns: ['fill_year', 'created_at', 'unit_id'], since: 24, until: 28 },
  ...STEP_DAYS.map(([facet, day]) => ({ facet, value: stepDayValue(`r.${day}`), columns: ['fill_year', day, 'unit_id'], since: day === 'created_on' ? 29 : 24 })),
  // 地区汇总 of a year: work and enterprise status with the fill year ('在岗|2026'); causes below (cause_year)
  { facet: 'work_status_year', value: "r.work_status || '|' || cast(r.fill_year as varchar(8))", columns: ['work_status', 'fill_year'], since: 24 },
  { facet: 'enterprise_status_year', value: "r.enterprise_status || '|' || cast(r.fill_year as varchar(8))", columns: ['enterprise_status', 'fill_year'], since: 24 },
];
export const CAUSE_FACET = 'cause';
/** each cause with the household's fill year ('因病|2026'), from migration 024 */
export const CAUSE_YEAR_FACET = 'cause_year';
const causeYear = (cause: string, household: string) => `${cause} || '|' || cast(${household}.fill_year as varchar(8))`;
const LATEST = Number.MAX_SAFE_INTEGER;
/** The facets a migration knew: those of columns added later are left out of its triggers and recount. */
const facetsAt = (migration: number) => FACETS.filter((f) => (f.since ?? 0) <= migration && migration <= (f.until ?? LATEST));

type HouseholdRow = Record<string, string | number | null>;
const orEmpty = (v: string | number | null) => (v === null ? '' : String(v));

/**
 * TALLY_DIMS in JavaScript, column by column: the bulk loader counts the files it writes as it
 * generates them instead of recounting a million rows afterwards. tallyDifferences() compares the
 * result with the SQL recount (cli/demo-bulk.test.ts).
 */
export const TALLY_IN_JS: Readonly<Record<string, (r: HouseholdRow) => string | number | null>> = {
  region_code: (r) => r.region_code,
  status: (r) => r.status,
  category: (r) => r.category,
  eligible: (r) => r.id_eligible ?? -1,
  suggested: (r) => r.id_category ?? '',
  c1: (r) => r.id_c1,
  c2: (r) => r.id_c2,
  c3: (r) => r.id_c3,
  f_mismatch: (r) => r.id_flag_mismatch,
  f_dibao_not_received: (r) => r.id_flag_dibao_not_received,
  f_dibao_above: (r) => r.id_flag_dibao_above,
  f_no_line: (r) => r.id_flag_no_line,
};

/** FACETS in JavaScript, facet by facet (as TALLY_IN_JS). */
export const FACETS_IN_JS: Readonly<Record<string, (r: HouseholdRow) => string>> = {
  work_status: (r) => orEmpty(r.work_status),
  enterprise_status: (r) => orEmpty(r.enterprise_status),
  band: (r) => {
    const v = r.per_capita_income;
    const band = v === null ? undefined : INCOME_BANDS.find((b) => b.max !== null && Number(v) < b.max);
    return (band ?? INCOME_BANDS[INCOME_BANDS.length - 1]).key;
  },
  batch: (r) => orEmpty(r.urgency_batch),
  last_assisted: (r) => orEmpty(r.last_assisted_on),
  year: (r) => orEmpty(r.fill_year),
  unit_year: (r) => `${orEmpty(r.unit_id)}|${orEmpty(r.fill_year)}`,
  year_created_day: (r) => `${orEmpty(r.fill_year)}|${orEmpty(r.created_at).slice(0, 10)}`,
  category_year: (r) => `${orEmpty(r.category)}|${orEmpty(r.fill_year)}`,
  band_year: (r) => `${FACETS_IN_JS.band(r)}|${orEmpty(r.fill_year)}`,
  ...Object.fromEntries(STEP_DAYS.map(([facet, day]) => [facet, (r: HouseholdRow) => `${orEmpty(r.fill_year)}|${orEmpty(r[day]).slice(0, 10)}|${orEmpty(r.unit_id)}`])),
  work_status_year: (r) => `${orEmpty(r.work_status)}|${orEmpty(r.fill_year)}`,
  enterprise_status_year: (r) => `${orEmpty(r.enterprise_status)}|${orEmpty(r.fill_year)}`,
};
// the two mirrors name exactly what they mirror
for (const [what, sqlKeys, jsKeys] of [['TALLY_DIMS', TALLY_DIMS.map(([c]) => c), Object.keys(TALLY_IN_JS)], ['FACETS', facetsAt(LATEST).map((f) => f.facet), Object.keys(FACETS_IN_JS)]] as const)
  if (sqlKeys.join() !== jsKeys.join()) throw new Error(`tally.sql.ts: the JavaScript mirror of ${what} is out of step`);

const on = (expr: string, row: string) => expr.replace(/\br\./g, row ? `${row}.` : '');
const TALLY_COLS = TALLY_DIMS.map(([c]) => c).join(', ');
const TALLY_SOURCE_COLS = [...new Set(TALLY_DIMS.flatMap(([, e]) => [...e.matchAll(/\br\.(\w+)/g)].map((m) => m[1])))];

export const CREATE_TALLY_TABLES = (pg: boolean) => {
  const id = deltaId(pg);
  return [
    `create table household_tally (${id}, ${TALLY_DIMS.map(([c]) => `${c} ${/^(eligible|c\d|f_)/.test(c) ? 'integer' : 'varchar(16)'} not null`).join(', ')}, n integer not null)`,
    `create table household_facets (${id}, facet varchar(24) not null, region_code varchar(8) not null, status varchar(16) not null, value varchar(32) not null, n integer not null)`,
    'create index household_facets_facet on household_facets (facet, status)',
  ];
};

/** `insert … select` rows of the list tally for one households row (NEW or OLD) with a sign. */
const tallyRow = (row: string, sign: 1 | -1) => `select ${TALLY_DIMS.map(([, e]) => on(e, row)).join(', ')}, ${sign}`;

const changed = (pg: boolean, cols: string[]) => cols.map((c) => (pg ? `old.${c} is distinct from new.${c}` : `old.${c} is not new.${c}`)).join(' or ');

/** The facet rows of one households row, for the facets whose columns (or the row's region or status) changed. */
function facetRows(pg: boolean, row: string, sign: 1 | -1, onlyChanged: boolean, facets: typeof FACETS): string[] {
  return facets.map((f) => {
    const cond = onlyChanged ? ` where ${changed(pg, ['region_code', 'status', ...f.columns])}` : '';
    return `select '${f.facet}', ${row}.region_code, ${row}.status, ${on(f.value, row)}, ${sign}${pg ? '' : ' from (select 1)'}${cond}`;
  });
}

/** The cause facets as of a migration: cause, and from 024 cause_year. */
const causeFacets = (migration: number) => (migration >= 24 ? [[CAUSE_FACET, false], [CAUSE_YEAR_FACET, true]] as const : [[CAUSE_FACET, false]] as const);
const causeRows = (row: string, sign: 1 | -1, migration: number) => causeFacets(migration).map(([facet, year]) =>
  `select '${facet}', ${row}.region_code, ${row}.status, ${year ? causeYear('c.cause', row) : 'c.cause'}, ${sign} from household_causes c where c.household_id = ${row}.id`);
const causeOfRow = (row: 'new' | 'old', sign: 1 | -1, migration: number) => causeFacets(migration).map(([facet, year]) =>
  `select '${facet}', h.region_code, h.status, ${year ? causeYear(`${row}.cause`, 'h') : `${row}.cause`}, ${sign} from households h where h.id = ${row}.household_id`);

const insertTally = (selects: string[]) => `insert into household_tally (${TALLY_COLS}, n) ${selects.join(' union all ')}`;
const insertFacets = (selects: string[]) => `insert into household_facets (facet, region_code, status, value, n) ${selects.join(' union all ')}`;

/** The statements of each trigger body, by event. */
function bodies(pg: boolean, migration = LATEST): CountingTrigger[] {
  const facets = facetsAt(migration);
  const ins = [insertTally([tallyRow('new', 1)]), insertFacets(facetRows(pg, 'new', 1, false, facets))];
  const del = [insertTally([tallyRow('old', -1)]), insertFacets([...facetRows(pg, 'old', -1, false, facets), ...causeRows('old', -1, migration)])];
  const updTally = [insertTally([tallyRow('old', -1), tallyRow('new', 1)])];
  const updFacets = [insertFacets([...facetRows(pg, 'old', -1, true, facets), ...facetRows(pg, 'new', 1, true, facets)])];
  const updCauses = [insertFacets([...causeRows('old', -1, migration), ...causeRows('new', 1, migration)])];
  const causeIns = [insertFacets(causeOfRow('new', 1, migration))];
  const causeDel = [insertFacets(causeOfRow('old', -1, migration))];
  const facetCols = ['region_code', 'status', ...facets.flatMap((f) => f.columns)];
  return [
    { name: 'households_tally_ins', table: 'households', event: 'insert', when: '', body: ins },
    { name: 'households_tally_del', table: 'households', event: 'delete', when: '', body: del },
    { name: 'households_tally_upd', table: 'households', event: 'update', when: changed(pg, TALLY_SOURCE_COLS), body: updTally },
    { name: 'households_facets_upd', table: 'households', event: 'update', when: changed(pg, facetCols), body: updFacets },
    { name: 'households_causes_move', table: 'households', event: 'update', when: changed(pg, ['region_code', 'status', ...(migration >= 24 ? ['fill_year'] : [])]), body: updCauses },
    { name: 'household_causes_ins', table: 'household_causes', event: 'insert', when: '', body: causeIns },
    { name: 'household_causes_del', table: 'household_causes', event: 'delete', when: '', body: causeDel },
  ];
}

/** The triggers as of a migration: an earlier migration makes them without the facets of columns it has not got yet. */
export const tallyTriggers = (pg: boolean, migration = LATEST) => createTriggers(pg, bodies(pg, migration));
export const dropTallyTriggers = (pg: boolean) => dropTriggers(pg, bodies(pg));

/** Every count again from the households: what the kept counts must equal at any moment. */
const recountTally = (from: string) =>
  `select ${TALLY_DIMS.map(([c, e]) => `${on(e, '')} as ${c}`).join(', ')}, count(*) as n from ${from} group by ${TALLY_DIMS.map(([, e]) => on(e, '')).join(', ')}`;
const recountFacets = (from: string, migration = LATEST) => [
  ...facetsAt(migration).map((f) => `select '${f.facet}' as facet, region_code, status, ${on(f.value, '')} as value, count(*) as n from ${from} group by region_code, status, ${on(f.value, '')}`),
  ...causeFacets(migration).map(([facet, year]) => {
    const value = year ? causeYear('c.cause', 'h') : 'c.cause';
    return `select '${facet}' as facet, h.region_code, h.status, ${value} as value, count(*) as n from household_causes c join ${from} h on h.id = c.household_id group by h.region_code, h.status, ${value}`;
  }),
].join(' union all ');

/** Every count again, straight from the households: what the kept counts must equal at any moment. */
export const RECOUNT_TALLY = recountTally('households');
export const RECOUNT_FACETS = recountFacets('households');

/** The columns the counts read: copied once into a narrow temporary table that the six groupings scan instead of the wide files. */
const countedColumns = (facets: typeof FACETS) => [...new Set(['id', 'region_code', 'status', ...TALLY_SOURCE_COLS, ...facets.flatMap((f) => [...f.value.matchAll(/\br\.(\w+)/g)].map((m) => m[1]))])];

/** The recount as of a migration (see tallyTriggers). */
export const recountStatements = (migration = LATEST) => [
  'delete from household_tally',
  'delete from household_facets',
  'drop table if exists recount_households',
  `create temporary table recount_households as select ${countedColumns(facetsAt(migration)).join(', ')} from households`,
  `insert into household_tally (${TALLY_COLS}, n) ${recountTally('recount_households')}`,
  `insert into household_facets (facet, region_code, status, value, n) ${recountFacets('recount_households', migration)}`,
  'drop table recount_households',
];
export const RECOUNT_STATEMENTS = recountStatements();

/** The two delta tables, for db/deltas.ts's fold. */
export const HOUSEHOLD_DELTAS: readonly DeltaTable[] = [
  { table: 'household_tally', keys: TALLY_DIMS.map(([c]) => c), values: ['n'] },
  { table: 'household_facets', keys: ['facet', 'region_code', 'status', 'value'], values: ['n'] },
];
