// Kept counts of regular assistance (帮扶统计), as SQL: written by triggers in the same transaction
// as the record or the status change that moves them, recounted after a bulk load or a restore.
// Owned by the assistance module; only these triggers and assistance-tally.repository.ts write
// the three tables. Records are append-only (nothing edits or deletes one), so an insert is the
// only change of a record the triggers follow; a merge of duplicate files moves records with
// their counts itself (assistance-tally.repository.ts moveRecordsCounted).
//  - assistance_household_year: per household and year, its records, 走访 visits, money, solved
//    problems (one row per household that has a record that year; upserted: a household's own row).
//  - assistance_tally: per year, region and the household's status, how many households were
//    assisted and met the yearly target, and the sums — insert-only deltas (db/deltas.ts).
//  - assistance_cadre_tally: per year, region and recording user, the records, visits, distinct
//    households, money and solved problems — insert-only deltas.
import { YEARLY_SOLVED_TARGET } from '@bangfu/core';
import { deltaId, foldStatements, createTriggers, dropTriggers, type CountingTrigger } from '../../db/deltas.js';

const T = YEARLY_SOLVED_TARGET;
const visit = (r: string) => `case when ${r}.type = '走访' then 1 else 0 end`;

export const ASSISTANCE_TALLY = { table: 'assistance_tally', keys: ['year', 'region_code', 'status'], values: ['assisted', 'records', 'visits', 'money', 'solved', 'met'] } as const;
export const CADRE_TALLY = { table: 'assistance_cadre_tally', keys: ['year', 'region_code', 'user_id'], values: ['records', 'visits', 'households', 'money', 'solved'] } as const;

export const CREATE_ASSISTANCE_TALLY_TABLES = (pg: boolean) => [
  `create table assistance_household_year (household_id integer not null, year integer not null, records integer not null, visits integer not null,
    money bigint not null, solved integer not null, primary key (household_id, year))`,
  'create index assistance_household_year_order on assistance_household_year (year, solved, records, household_id)',
  `create table assistance_tally (${deltaId(pg)}, year integer not null, region_code varchar(8) not null, status varchar(16) not null,
    assisted integer not null, records integer not null, visits integer not null, money bigint not null, solved integer not null, met integer not null)`,
  `create table assistance_cadre_tally (${deltaId(pg)}, year integer not null, region_code varchar(8) not null, user_id integer not null,
    records integer not null, visits integer not null, households integer not null, money bigint not null, solved integer not null)`,
  'create index assistance_tally_year on assistance_tally (year, status)',
  'create index assistance_cadre_tally_year on assistance_cadre_tally (year)',
  // the overdue list walks the filed households (of a region) by the day of their last assistance
  'create index households_region_last_assisted on households (region_code, status, last_assisted_on, id)',
  'drop index households_last_assisted',
  'create index households_last_assisted on households (status, last_assisted_on, id)',
];

const tallyCols = `${ASSISTANCE_TALLY.keys.join(', ')}, ${ASSISTANCE_TALLY.values.join(', ')}`;
const cadreCols = `${CADRE_TALLY.keys.join(', ')}, ${CADRE_TALLY.values.join(', ')}`;

/** A new record: the year's tally (reading the household's row before it moves), the cadre's, then the household's row. */
function onRecord(pg: boolean): string[] {
  const upsertSet = ['records', 'visits', 'money', 'solved'].map((c) => `${c} = assistance_household_year.${c} + excluded.${c}`).join(', ');
  return [
    `insert into assistance_tally (${tallyCols})
      select new.year, h.region_code, h.status, case when y.records is null then 1 else 0 end, 1, ${visit('new')}, coalesce(new.amount_fen, 0), new.solved_problem,
        case when coalesce(y.solved, 0) < ${T} and coalesce(y.solved, 0) + new.solved_problem >= ${T} then 1 else 0 end
      from households h left join assistance_household_year y on y.household_id = h.id and y.year = new.year
      where h.id = new.household_id`,
    `insert into assistance_cadre_tally (${cadreCols})
      select new.year, h.region_code, new.recorded_by, 1, ${visit('new')},
        case when exists (select 1 from assistance_records o where o.household_id = new.household_id and o.year = new.year and o.recorded_by = new.recorded_by and o.id <> new.id) then 0 else 1 end,
        coalesce(new.amount_fen, 0), new.solved_problem
      from households h where h.id = new.household_id`,
    `insert into assistance_household_year (household_id, year, records, visits, money, solved)
      values (new.household_id, new.year, 1, ${visit('new')}, coalesce(new.amount_fen, 0), new.solved_problem)
      on conflict (household_id, year) do update set ${upsertSet}`,
  ];
}

/** A household whose status (or region) changed: its years move from the old key to the new. */
const moveRows = (row: 'old' | 'new', sign: 1 | -1) =>
  `select y.year, ${row}.region_code, ${row}.status, ${sign}, ${sign} * y.records, ${sign} * y.visits, ${sign} * y.money, ${sign} * y.solved,
     ${sign} * (case when y.solved >= ${T} then 1 else 0 end)
   from assistance_household_year y where y.household_id = ${row}.id`;

function bodies(pg: boolean): CountingTrigger[] {
  const changed = pg ? 'old.status is distinct from new.status or old.region_code is distinct from new.region_code' : 'old.status is not new.status or old.region_code is not new.region_code';
  return [
    { name: 'assistance_records_tally', table: 'assistance_records', event: 'insert', when: '', body: onRecord(pg) },
    { name: 'households_assistance_move', table: 'households', event: 'update', when: changed,
      body: [`insert into assistance_tally (${tallyCols}) ${moveRows('old', -1)} union all ${moveRows('new', 1)}`] },
  ];
}

export const assistanceTallyTriggers = (pg: boolean) => createTriggers(pg, bodies(pg));
export const dropAssistanceTallyTriggers = (pg: boolean) => dropTriggers(pg, bodies(pg));

export const RECOUNT_HOUSEHOLD_YEAR = `select household_id, year, count(*) as records, sum(${visit('r')}) as visits, sum(coalesce(amount_fen, 0)) as money,
  sum(solved_problem) as solved from assistance_records r group by household_id, year`;
export const RECOUNT_ASSISTANCE_TALLY = `select y.year, h.region_code, h.status, count(*) as assisted, sum(y.records) as records, sum(y.visits) as visits,
  sum(y.money) as money, sum(y.solved) as solved, sum(case when y.solved >= ${T} then 1 else 0 end) as met
  from assistance_household_year y join households h on h.id = y.household_id group by y.year, h.region_code, h.status`;
// a record keeps the region it was written in (a transferred file's earlier records stay with the
// region whose cadres wrote them), so no join with the files
export const RECOUNT_CADRE_TALLY = `select r.year, r.region_code, r.recorded_by as user_id, count(*) as records, sum(${visit('r')}) as visits,
  count(distinct r.household_id) as households, sum(coalesce(r.amount_fen, 0)) as money, sum(r.solved_problem) as solved
  from assistance_records r group by r.year, r.region_code, r.recorded_by`;

export const RECOUNT_ASSISTANCE_STATEMENTS = [
  'delete from assistance_household_year',
  'delete from assistance_tally',
  'delete from assistance_cadre_tally',
  `insert into assistance_household_year (household_id, year, records, visits, money, solved) ${RECOUNT_HOUSEHOLD_YEAR}`,
  `insert into assistance_tally (${tallyCols}) ${RECOUNT_ASSISTANCE_TALLY}`,
  `insert into assistance_cadre_tally (${cadreCols}) ${RECOUNT_CADRE_TALLY}`,
];

export const foldAssistanceStatements = (pg: boolean) => [
  ...foldStatements(pg, ASSISTANCE_TALLY.table, ASSISTANCE_TALLY.keys, ASSISTANCE_TALLY.values),
  ...foldStatements(pg, CADRE_TALLY.table, CADRE_TALLY.keys, CADRE_TALLY.values),
];
