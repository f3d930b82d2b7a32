// 脱困回访 through the API: the schedule of an exit, recording follow-ups, "fallen back" reopening
// the file (or waiting for its filers), the lists and to-dos, and the year's summary recounted from
// the raw rows with core's followUpState.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, followUpState, todayInChina, type FollowUpOutcome } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

let ctx: TestContext;
let city: Client;
let region: Client;
let staff: Client;
const today = todayInChina();

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  region = await ctx.userIn('H01');
  staff = await ctx.userIn('H', 'staff');
});
afterAll(() => ctx?.close());

/** A filed household of H01 (or `regionCode`) that exited on `exitDate`. */
async function exited(exitDate: string, regionCode = 'H01', linkTo?: Client) {
  const f = (await city.post('/api/households', makeHousehold({ regionCode, fillDate: '2016-05-01' }))).json();
  expect((await ctx.fileThrough(f.id)).statusCode).toBe(200);
  // 定点联系 is arranged while the file is 已建档, and stays after the exit
  if (linkTo) expect((await city.post(`/api/households/${f.id}/links`, { username: linkTo.username })).statusCode).toBe(200);
  expect((await city.post(`/api/households/${f.id}/exit`, { reason: '再就业，收入稳定', date: exitDate })).statusCode).toBe(200);
  return f.id as number;
}

const months = (n: number) => addMonths(today, -n);

describe('the schedule of an exit', () => {
  it('plans visits 3, 6 and 12 months after the exit, and each follow-up fulfils the next one', async () => {
    const exit = addDays(months(7), -3);
    const id = await exited(exit);
    let s = (await region.get(`/api/households/${id}/follow-ups`)).json();
    expect(s).toMatchObject({ months: [3, 6, 12], exitDate: exit, next: { seq: 1, dueOn: addMonths(exit, 3) }, due: true, overdue: true, pendingReopen: false, items: [] });
    expect(s.visits.map((v: { dueOn: string }) => v.dueOn)).toEqual([addMonths(exit, 3), addMonths(exit, 6), addMonths(exit, 12)]);
    const days = (Date.parse(today) - Date.parse(addMonths(exit, 3))) / 86_400_000;
    expect(s.daysOverdue).toBe(days);

    const first = await region.post(`/api/households/${id}/follow-ups`, { date: addMonths(exit, 3), outcome: 'stable', note: '已在物流公司上班，收入稳定' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'exited', record: { outcome: 'stable', exitDate: exit, reopened: false, recordedBy: expect.any(String) } });
    s = (await region.get(`/api/households/${id}/follow-ups`)).json();
    expect(s.next).toEqual({ seq: 2, dueOn: addMonths(exit, 6) });
    expect(s.overdue).toBe(true);
    await region.post(`/api/households/${id}/follow-ups`, { date: today, outcome: 'stable', note: '家庭情况稳定' });
    s = (await region.get(`/api/households/${id}/follow-ups`)).json();
    expect(s).toMatchObject({ next: { seq: 3, dueOn: addMonths(exit, 12) }, due: false, overdue: false, daysOverdue: 0 });
    expect(s.visits.map((v: { doneOn: string | null }) => v.doneOn)).toEqual([addMonths(exit, 3), today, null]);
    expect(s.items.map((i: { date: string }) => i.date)).toEqual([today, addMonths(exit, 3)]);
  });

  it('names the field of a bad follow-up, and refuses files not exited, the read-only group and other regions', async () => {
    const exit = months(4);
    const id = await exited(exit);
    const bad = async (body: unknown) => (await region.post(`/api/households/${id}/follow-ups`, body)).json().errors.map((e: { path: string }) => e.path);
    expect(await bad({ date: addDays(exit, -1), outcome: 'stable', note: '情况稳定' })).toEqual(['date']);
    expect(await bad({ date: addDays(today, 1), outcome: 'stable', note: '情况稳定' })).toEqual(['date']);
    expect(await bad({ date: '2026-02-30', outcome: 'better', note: '' })).toEqual(expect.arrayContaining(['date', 'outcome', 'note']));

    const draft = (await city.post('/api/households', makeHousehold({ regionCode: 'H01' }))).json();
    const notExited = await region.post(`/api/households/${draft.id}/follow-ups`, { date: today, outcome: 'stable', note: '情况稳定' });
    expect([notExited.statusCode, notExited.json().code]).toEqual([409, 'NOT_EXITED']);
    const viewer = await ctx.userIn('H', 'viewer');
    expect((await viewer.post(`/api/households/${id}/follow-ups`, { date: today, outcome: 'stable', note: '情况稳定' })).statusCode).toBe(403);
    const other = await ctx.userIn('H02');
    expect((await other.get(`/api/households/${id}/follow-ups`)).statusCode).toBe(404);
    expect((await other.post(`/api/households/${id}/follow-ups`, { date: today, outcome: 'stable', note: '情况稳定' })).statusCode).toBe(404);
    expect((await other.get('/api/follow-ups')).json().items.map((i: { householdId: number }) => i.householdId)).not.toContain(id);
    const count = await ctx.db.selectFrom('follow_ups').select((eb) => eb.fn.countAll().as('n')).where('household_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('follows the months the city union sets, re-planning the exits made before, and names a bad schedule', async () => {
    const earlier = await exited(months(5));
    const settings = (await city.get('/api/settings/assistance')).json();
    const wrong = await city.put('/api/settings/assistance', { ...settings, followUpMonths: [6, 3] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual(['followUpMonths']);
    expect((await city.put('/api/settings/assistance', { ...settings, followUpMonths: [1, 2, 24] })).statusCode).toBe(200);
    await ctx.app.jobs.idle();
    const item = (await city.get('/api/follow-ups?pageSize=200')).json().items.find((i: { householdId: number }) => i.householdId === earlier);
    expect(item.next).toEqual({ seq: 1, dueOn: addMonths(months(5), 1) });
    expect((await ctx.db.selectFrom('households').select('follow_up_due_on').where('id', '=', earlier).executeTakeFirstOrThrow()).follow_up_due_on).toBe(addMonths(months(5), 1));
    const id = await exited(months(1));
    expect((await region.get(`/api/households/${id}/follow-ups`)).json().visits.map((v: { dueOn: string }) => v.dueOn)).toEqual([1, 2, 24].map((m) => addMonths(months(1), m)));
    // saved without the field (an older form), the schedule stays
    const { followUpMonths: _, ...older } = settings;
    expect((await city.put('/api/settings/assistance', older)).json().settings.followUpMonths).toEqual([1, 2, 24]);
    expect((await city.put('/api/settings/assistance', settings)).statusCode).toBe(200);
    await ctx.app.jobs.idle();
    expect((await city.get('/api/settings/assistance')).json().followUpMonths).toEqual([3, 6, 12]);
  });
});

describe('fallen back', () => {
  it('reopens the file with that reason when the recorder files it; it then goes through review again', async () => {
    const id = await exited(months(5));
    expect((await region.post(`/api/households/${id}/follow-ups`, { date: today, outcome: 'fallenBack', note: '长'.repeat(401) })).json().errors[0].path).toBe('note');
    const res = await region.post(`/api/households/${id}/follow-ups`, { date: today, outcome: 'fallenBack', note: '企业停产，再次失业' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', record: { outcome: 'fallenBack', reopened: true } });
    const file = (await region.get(`/api/households/${id}`)).json();
    expect(file.status).toBe('draft');
    const versions = await ctx.db.selectFrom('household_versions').select(['action', 'reason']).where('household_id', '=', id).orderBy('version', 'desc').execute();
    expect(versions[0]).toEqual({ action: 'reopen', reason: `${today}脱困回访发现返困：企业停产，再次失业` });
    const actions = (await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id)).where('action', 'not like', '%.view').orderBy('id').execute()).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(['followUp.create', 'household.reopen']);
    expect((await ctx.fileThrough(id)).statusCode).toBe(200);
    expect((await region.get(`/api/households/${id}`)).json().status).toBe('filed');
    // the longest note still makes a reason the version keeps (500 at most)
    expect((await city.post(`/api/households/${id}/exit`, { reason: '再就业', date: today })).statusCode).toBe(200);
    const long = await region.post(`/api/households/${id}/follow-ups`, { date: today, outcome: 'fallenBack', note: '长'.repeat(400) });
    expect([long.statusCode, long.json().status]).toEqual([201, 'draft']);
    // the follow-up stays with the file, under the exit it followed
    expect((await region.get(`/api/households/${id}/follow-ups`)).json()).toMatchObject({ exitDate: null, items: [{ outcome: 'fallenBack', exitDate: today }, { outcome: 'fallenBack', exitDate: months(5) }] });
  });

  it('waits for the filers when the recorder may not reopen it (a linked city staff member)', async () => {
    const id = await exited(months(8), 'H01', staff);
    const dueTodo = (await staff.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'followUpsDue');
    expect(dueTodo).toMatchObject({ count: 1, link: '/follow-ups?mine=true&due=true' });
    const mine = (await staff.get('/api/my/households')).json().items.find((h: { id: number }) => h.id === id);
    expect(mine).toMatchObject({ status: 'exited', nextFollowUpOn: addMonths(months(8), 3), followUpDue: true, followUpOverdue: true });

    const before = (await region.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'fallenBack')?.count ?? 0;
    const res = await staff.post(`/api/households/${id}/follow-ups`, { date: today, outcome: 'fallenBack', note: '家人重病，开支大增' });
    expect(res.json()).toMatchObject({ status: 'exited', record: { reopened: false } });
    expect((await staff.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'followUpsDue')).toBeUndefined();
    expect((await region.get(`/api/households/${id}/follow-ups`)).json().pendingReopen).toBe(true);
    expect((await region.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'fallenBack')).toMatchObject({ count: before + 1, link: '/follow-ups?fallenBack=true' });
    const pending = (await region.get('/api/follow-ups?fallenBack=true')).json();
    expect(pending.items.map((i: { householdId: number }) => i.householdId)).toContain(id);
    expect(pending.items.find((i: { householdId: number }) => i.householdId === id)).toMatchObject({ pendingReopen: true, lastOutcome: 'fallenBack', done: 1 });

    expect((await region.post(`/api/households/${id}/reopen`, { reason: '回访发现返困，重新纳入' })).statusCode).toBe(200);
    expect((await region.get('/api/follow-ups?fallenBack=true')).json().items.map((i: { householdId: number }) => i.householdId)).not.toContain(id);
  });
});

describe('lists and the summary', () => {
  let world: number[];
  beforeAll(async () => {
    // exits around the notice window and the visits' days, in two regions, some with follow-ups
    world = [
      await exited(months(1)), // first visit in two months: not due
      await exited(addDays(months(3), 20)), // first visit in 20 days: due, not overdue
      await exited(months(3)), // first visit today: due, not overdue
      await exited(addDays(months(3), -1)), // first visit yesterday: overdue
      await exited(months(13), 'H02'),
      await exited(months(6), 'H02'),
    ];
    await city.post(`/api/households/${world[4]}/follow-ups`, { date: addMonths(months(13), 3), outcome: 'stable', note: '情况稳定' });
    await city.post(`/api/households/${world[5]}/follow-ups`, { date: today, outcome: 'stable', note: '情况稳定' });
  });

  /** Every exited household with core's state of its current exit, from the raw rows. */
  async function reference() {
    const rows = await ctx.db.selectFrom('households').select(['id', 'region_code', 'exit_date']).where('status', '=', 'exited').execute();
    const made = await ctx.db.selectFrom('follow_ups').select(['household_id', 'exit_date', 'date', 'outcome']).execute();
    return rows.map((h) => {
      const own = made.filter((m) => Number(m.household_id) === Number(h.id) && m.exit_date === h.exit_date).map((m) => ({ date: m.date, outcome: m.outcome as FollowUpOutcome }));
      return { id: Number(h.id), region: h.region_code, exit: h.exit_date!, own, ...followUpState(h.exit_date!, [3, 6, 12], own, today) };
    });
  }

  it('keeps each exit\'s next visit and visits made as core computes them from the follow-ups', async () => {
    const ref = await reference();
    const kept = await ctx.db.selectFrom('households').select(['id', 'follow_up_due_on', 'follow_ups_made']).where('status', '=', 'exited').execute();
    expect(kept.map((k) => [Number(k.id), k.follow_up_due_on, Number(k.follow_ups_made)]).sort((a, b) => Number(a[0]) - Number(b[0])))
      .toEqual(ref.map((r) => [r.id, r.next?.dueOn ?? null, r.own.length]).sort((a, b) => Number(a[0]) - Number(b[0])));
    // a reopened file keeps no schedule
    const reopened = await ctx.db.selectFrom('households').select(['follow_up_due_on', 'follow_ups_made']).where('status', '<>', 'exited').where('follow_up_due_on', 'is not', null).execute();
    expect(reopened).toEqual([]);
  });

  it('lists due, overdue and all exits exactly as core schedules them', async () => {
    const ref = await reference();
    const ids = async (q: string) => {
      const r = (await city.get(`/api/follow-ups?pageSize=200${q}`)).json();
      expect(r.total).toBe(r.items.length);
      return r.items.map((i: { householdId: number }) => i.householdId).sort((a: number, b: number) => a - b);
    };
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    expect(await ids('')).toEqual(sorted(ref.map((r) => r.id)));
    expect(await ids('&due=true')).toEqual(sorted(ref.filter((r) => r.due).map((r) => r.id)));
    expect(await ids('&overdue=true')).toEqual(sorted(ref.filter((r) => r.overdue).map((r) => r.id)));
    expect(await ids('&regionCode=H02')).toEqual(sorted(ref.filter((r) => r.region === 'H02').map((r) => r.id)));
    for (const [i, due, overdue] of [[0, false, false], [1, true, false], [2, true, false], [3, true, true]] as const)
      expect(ref.find((r) => r.id === world[i])).toMatchObject({ due, overdue });
    // a region user sees their own region's only; items carry core's next visit
    const own = (await region.get('/api/follow-ups?pageSize=200')).json();
    expect(own.items.every((i: { regionCode: string }) => i.regionCode === 'H01')).toBe(true);
    const item = own.items.find((i: { householdId: number }) => i.householdId === world[3]);
    expect(item).toMatchObject({ next: { seq: 1, dueOn: addDays(today, -1) }, overdue: true, daysOverdue: 1, regionName: expect.any(String) });
    // pages
    const p1 = (await city.get('/api/follow-ups?pageSize=2&page=1')).json();
    const p2 = (await city.get('/api/follow-ups?pageSize=2&page=2')).json();
    expect(p1.items).toHaveLength(2);
    expect(p2.items[0].exitDate >= p1.items[1].exitDate).toBe(true);
    expect((await city.get('/api/follow-ups?pageSize=500')).json().errors[0].path).toBe('pageSize');
  });

  it('sums a year\'s exits per region as the raw rows do', async () => {
    for (const year of new Set([today, months(13), months(6), months(8)].map((d) => Number(d.slice(0, 4))))) {
      const got = (await city.get(`/api/follow-ups/summary?year=${year}`)).json();
      const ref = (await reference()).filter((r) => r.exit.startsWith(`${year}-`));
      const returns = await ctx.db.selectFrom('follow_ups').innerJoin('households', 'households.id', 'follow_ups.household_id')
        .select(['follow_ups.household_id', 'follow_ups.exit_date', 'households.region_code', 'households.status', 'households.exit_date as current'])
        .where('outcome', '=', 'fallenBack').where('follow_ups.exit_date', 'like', `${year}-%`).execute();
      const expected = new Map<string, Record<string, number>>();
      const at = (code: string) => expected.get(code) ?? expected.set(code, { exits: 0, visitsDue: 0, visitsDone: 0, overdue: 0, stable: 0, returns: 0 }).get(code)!;
      for (const r of ref) {
        const x = at(r.region);
        const due = r.visits.filter((v) => v.dueOn <= today).length;
        x.exits++; x.visitsDue += due; x.visitsDone += Math.min(due, r.own.length);
        if (r.overdue) x.overdue++;
        if (r.own.length > 0 && r.own.every((o) => o.outcome === 'stable')) x.stable++;
      }
      for (const r of new Map(returns.map((x) => [`${x.household_id}|${x.exit_date}`, x])).values()) {
        const x = at(r.region_code);
        x.returns++;
        if (!(r.status === 'exited' && r.current === r.exit_date)) x.exits++;
      }
      expect(Object.fromEntries(got.regions.map((r: Record<string, number> & { regionCode: string }) => [r.regionCode,
        { exits: r.exits, visitsDue: r.visitsDue, visitsDone: r.visitsDone, overdue: r.overdue, stable: r.stable, returns: r.returns }]))).toEqual(Object.fromEntries(expected));
      expect(got.total.exits).toBe([...expected.values()].reduce((s, x) => s + x.exits, 0));
    }
    const thisYear = (await city.get('/api/follow-ups/summary')).json();
    expect(thisYear.regions.some((r: { returns: number }) => r.returns > 0)).toBe(true);
    const own = (await region.get(`/api/follow-ups/summary?year=${today.slice(0, 4)}`)).json();
    expect(own.regions.map((r: { regionCode: string }) => r.regionCode)).toEqual(['H01']);
    expect((await city.get('/api/follow-ups/summary?year=1999')).json().errors[0].path).toBe('year');
  });
});
