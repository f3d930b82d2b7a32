// The duplicate scan's four rules as SQL over the live files, and the queue as each role sees it.
// A named read model: it reads households and members (the households module's) and the pairs.
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import { ADDRESS_FOLDS, ADDRESS_MIN_LENGTH, DUPLICATE_GROUP_MAX, LIVE_STATUSES, type DuplicateKind, type DuplicateStatus } from '@bangfu/core';
import type { Database } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { inUnitSubtree, scopeOf } from '../access/scope.js';
import { isPostgres } from '../../db/dialect.js';

export interface FoundPair {
  a: number;
  b: number;
  ra: string;
  rb: string;
  shared: string;
}

const LIVE = sql.join(LIVE_STATUSES.map((s) => sql.lit(s)));
const MAX = sql.lit(DUPLICATE_GROUP_MAX);

/** core's normalizeAddress as nested replace() calls, the same folds in the same order. */
function normalizedAddress(ref: RawBuilder<unknown>): RawBuilder<string> {
  let e: RawBuilder<unknown> = ref;
  for (const [from, to] of ADDRESS_FOLDS) e = sql`replace(${e}, ${sql.lit(from)}, ${sql.lit(to)})`;
  return e as RawBuilder<string>;
}

/**
 * Pairs of a rule: `people` yields (hid, region, v) per live file and shared value. One pass groups
 * the values (a sort, no self-join: joining the rows to themselves took minutes at a million), each
 * group of 2 to DUPLICATE_GROUP_MAX files lists its files, and the pairs are formed here.
 * `distinct`: the rows of one group must differ in this too (the identity number, for the name rule).
 */
async function pairsOf(db: Q, people: RawBuilder<unknown>, distinct?: string): Promise<FoundPair[]> {
  const agg = (e: RawBuilder<unknown>) => (isPostgres(db) ? sql`string_agg(${e}, ',')` : sql`group_concat(${e}, ',')`);
  const member = sql`cast(hid as varchar(12)) || ':' || region${distinct ? sql` || ':' || ${sql.ref(distinct)}` : sql``}`;
  const rows = await sql<{ v: string; m: string }>`
    select v, ${agg(member)} as m from (${people}) p group by v having count(*) between 2 and ${MAX}`.execute(db);
  const out: FoundPair[] = [];
  for (const r of rows.rows) {
    const files = [...new Map(r.m.split(',').map((x) => {
      const [hid, region, other] = x.split(':');
      return [Number(hid), { hid: Number(hid), region, other }] as const;
    })).values()].sort((x, y) => x.hid - y.hid);
    for (let i = 0; i < files.length; i++)
      for (let j = i + 1; j < files.length; j++)
        if (distinct === undefined || files[i].other !== files[j].other)
          out.push({ a: files[i].hid, b: files[j].hid, ra: files[i].region, rb: files[j].region, shared: r.v });
  }
  return out;
}

/** The files that share a person: an identity number as the worker of one and a member of another, or a member of both. */
export const sameIdNumber = (db: Q) => pairsOf(db, sql`
  select h.id as hid, h.region_code as region, h.id_number as v from households h where h.status in (${LIVE}) and h.id_number <> ''
  union all
  select h.id, h.region_code, m.id_number from household_members m join households h on h.id = m.household_id
  where h.status in (${LIVE}) and m.id_number is not null and m.id_number <> ''`);

/** Workers of the same name born the same day (the 18-digit number's digits 7–14) with different numbers: a typo filed twice. */
export const sameNameAndBirth = (db: Q) => pairsOf(db, sql`
  select id as hid, region_code as region, name || '|' || substr(id_number, 7, 8) as v, id_number as n from households
  where status in (${LIVE}) and length(id_number) = 18`, 'n');

export const samePhone = (db: Q) => pairsOf(db, sql`
  select id as hid, region_code as region, phone as v from households where status in (${LIVE}) and length(phone) >= 7`);

export const sameAddressAndSurname = (db: Q) => pairsOf(db, sql`
  select hid, region, a || '|' || s as v from (
    select id as hid, region_code as region, ${normalizedAddress(sql.ref('address'))} as a, substr(name, 1, 1) as s
    from households where status in (${LIVE})) x
  where length(a) >= ${sql.lit(ADDRESS_MIN_LENGTH)}`);

export const RULES: Record<DuplicateKind, (db: Q) => Promise<FoundPair[]>> = {
  idNumber: sameIdNumber, nameBirth: sameNameAndBirth, phone: samePhone, address: sameAddressAndSurname,
};

/** core's normalizeAddress as the database computes it (the tests compare the two). */
export async function normalizeInDb(db: Q, address: string): Promise<string> {
  const r = await sql<{ v: string }>`select ${normalizedAddress(sql`${address}`)} as v`.execute(db);
  return r.rows[0].v;
}

// ---- the queue ---------------------------------------------------------------------------------

type Eb = ExpressionBuilder<Database & { ha: Database['households']; hb: Database['households'] }, 'duplicate_pairs' | 'ha' | 'hb'>;

/** The pairs a role sees: the city's roles all, a county the pairs with a file of its region, a unit those with a file of its subtree. */
function inScope(actor: Actor, regionCode?: string) {
  const scope = scopeOf(actor);
  return (eb: Eb) => {
    const region = (r: string) => eb.or([eb('duplicate_pairs.region_a', '=', r), eb('duplicate_pairs.region_b', '=', r)]);
    switch (scope.kind) {
      case 'all': return regionCode ? region(regionCode) : eb.lit(true);
      case 'region': return region(scope.regionCode);
      case 'unit': return eb.or([inUnitSubtree(eb, eb.ref('ha.unit_id'), scope.unitCode), inUnitSubtree(eb, eb.ref('hb.unit_id'), scope.unitCode)]);
      default: return eb.lit(false);
    }
  };
}

/**
 * The pairs of the city's and a county's scope, by the regions the pair holds: a county's as the
 * union of its two index ranges (an OR of the two made SQLite walk every pair of the status).
 */
function regionOfPair(actor: Actor, status: DuplicateStatus, regionCode?: string) {
  const scope = scopeOf(actor);
  const region = scope.kind === 'region' ? scope.regionCode : regionCode;
  return (eb: ExpressionBuilder<Database, 'duplicate_pairs'>) => {
    if (!region) return eb.lit(true);
    const by = (column: 'region_a' | 'region_b') => eb.selectFrom('duplicate_pairs as r').select('r.id').where('r.status', '=', status).where(`r.${column}`, '=', region);
    return eb('duplicate_pairs.id', 'in', by('region_a').union(by('region_b')));
  };
}

const side = (h: 'ha' | 'hb') => [
  `${h}.id as ${h}_id`, `${h}.worker_no as ${h}_worker_no`, `${h}.name as ${h}_name`, `${h}.region_code as ${h}_region_code`, `${h}.unit_id as ${h}_unit_id`,
  `${h}.status as ${h}_status`, `${h}.id_number as ${h}_id_number`, `${h}.phone as ${h}_phone`, `${h}.address as ${h}_address`,
  `${h}.household_size as ${h}_household_size`, `${h}.fill_date as ${h}_fill_date`, `${h}.updated_at as ${h}_updated_at`, `${h}.merged_into as ${h}_merged_into`,
] as const;

function base(db: Q) {
  return db.selectFrom('duplicate_pairs')
    .innerJoin('households as ha', 'ha.id', 'duplicate_pairs.a_id')
    .innerJoin('households as hb', 'hb.id', 'duplicate_pairs.b_id')
    .leftJoin('users', 'users.id', 'duplicate_pairs.decided_by')
    .select(['duplicate_pairs.id', 'duplicate_pairs.kind', 'duplicate_pairs.shared', 'duplicate_pairs.status', 'duplicate_pairs.found_at',
      'duplicate_pairs.decided_at', 'duplicate_pairs.note', 'users.display_name as decided_by_name', ...side('ha'), ...side('hb')]);
}

export type PairRow = NonNullable<Awaited<ReturnType<typeof pairRow>>>;

export async function listPairRows(db: Q, actor: Actor, f: { status: DuplicateStatus; kind?: DuplicateKind; regionCode?: string; page: number; pageSize: number }) {
  const filtered = base(db).where('duplicate_pairs.status', '=', f.status).where(inScope(actor, f.regionCode) as never)
    .$if(!!f.kind, (q) => q.where('duplicate_pairs.kind', '=', f.kind!));
  // The city's and a county's pairs are read from the pairs alone (their regions are on the pair):
  // joined with the files, the planners walked the files first (seconds at a million). A unit's
  // pairs need the files' units.
  const alone = scopeOf(actor).kind !== 'unit';
  const pairs = alone
    ? db.selectFrom('duplicate_pairs').where('duplicate_pairs.status', '=', f.status).where(regionOfPair(actor, f.status, f.regionCode))
      .$if(!!f.kind, (q) => q.where('duplicate_pairs.kind', '=', f.kind!))
    : filtered.clearSelect();
  const [{ n }] = await pairs.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  // the page's ids first, then only those rows joined with their files
  const ids = (await pairs.select('duplicate_pairs.id').orderBy('duplicate_pairs.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute()).map((r) => Number(r.id));
  const rows = ids.length ? await base(db).where('duplicate_pairs.id', 'in', ids).orderBy('duplicate_pairs.id').execute() : [];
  return { total: Number(n), rows };
}

export async function pairRow(db: Q, id: number) {
  return base(db).where('duplicate_pairs.id', '=', id).executeTakeFirst();
}

/** Whether the actor sees the pair at all (the queue's rule). */
export async function pairInScope(db: Q, actor: Actor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('duplicate_pairs').innerJoin('households as ha', 'ha.id', 'duplicate_pairs.a_id').innerJoin('households as hb', 'hb.id', 'duplicate_pairs.b_id')
    .select('duplicate_pairs.id').where('duplicate_pairs.id', '=', id).where(inScope(actor) as never).executeTakeFirst());
}

/** The latest duplicate scan (a job): when it ran and how it went. */
export async function latestScan(db: Q) {
  return db.selectFrom('jobs').select(['id', 'status', 'created_at', 'finished_at']).where('kind', '=', 'duplicateScan').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
