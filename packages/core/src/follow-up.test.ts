import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import { addMonths, followUpMonthsSchema, followUpState, latestExitFor } from './follow-up.js';

const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2000-01-01', n));

describe('months on the calendar', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'], ['2024-01-31', 1, '2024-02-29'], ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-15', -3, '2025-12-15'], ['2026-05-31', -1, '2026-04-30'], ['2026-12-07', 12, '2027-12-07'],
  ])('%s + %i months = %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));

  it('latestExitFor(d, m) is the last exit whose visit m months later falls on or before d', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 60 }), (d, m) => {
      const x = latestExitFor(d, m);
      expect(addMonths(x, m) <= d).toBe(true);
      expect(addMonths(addDays(x, 1), m) > d).toBe(true);
    }), { numRuns: 2000 });
  });
});

describe('the state of an exit\'s follow-ups', () => {
  const months = [3, 6, 12];
  it('takes the follow-ups in date order against the planned visits', () => {
    const s = followUpState('2026-01-10', months, [{ date: '2026-07-20', outcome: 'stable' }, { date: '2026-04-09', outcome: 'stable' }], '2026-12-07');
    expect(s.visits).toEqual([
      { seq: 1, dueOn: '2026-04-10', doneOn: '2026-04-09', outcome: 'stable' },
      { seq: 2, dueOn: '2026-07-10', doneOn: '2026-07-20', outcome: 'stable' },
      { seq: 3, dueOn: '2027-01-10', doneOn: null, outcome: null },
    ]);
    expect(s).toMatchObject({ next: { seq: 3, dueOn: '2027-01-10' }, due: false, overdue: false, daysOverdue: 0 });
  });

  it('is due 30 days before the visit, and overdue the day after it', () => {
    expect(followUpState('2026-09-07', months, [], '2026-11-06')).toMatchObject({ due: false, overdue: false });
    expect(followUpState('2026-09-07', months, [], '2026-11-07')).toMatchObject({ due: true, overdue: false });
    expect(followUpState('2026-09-07', months, [], '2026-12-07')).toMatchObject({ due: true, overdue: false });
    expect(followUpState('2026-09-07', months, [], '2026-12-09')).toMatchObject({ due: true, overdue: true, daysOverdue: 2 });
  });

  it('ends when every visit is made, or when a follow-up finds the family fallen back', () => {
    const all = [{ date: '2025-04-01', outcome: 'stable' }, { date: '2025-07-01', outcome: 'stable' }, { date: '2026-01-01', outcome: 'stable' }] as const;
    expect(followUpState('2025-01-01', months, all, '2026-12-07')).toMatchObject({ next: null, due: false, overdue: false });
    expect(followUpState('2025-01-01', months, [{ date: '2025-04-01', outcome: 'fallenBack' }], '2026-12-07')).toMatchObject({ next: null, due: false, overdue: false });
  });

  it('is due exactly when the exit is on or before the threshold SQL compares with', () => {
    fc.assert(fc.property(day, day, fc.integer({ min: 0, max: 3 }), (exit, today, made) => {
      const done = Array.from({ length: made }, (_, i) => ({ date: addDays(exit, i), outcome: 'stable' as const }));
      const s = followUpState(exit, months, done, today);
      const sqlDue = made < months.length && exit <= latestExitFor(addDays(today, 30), months[made]);
      const sqlOverdue = made < months.length && exit <= latestExitFor(addDays(today, -1), months[made]);
      expect([s.due, s.overdue]).toEqual([sqlDue, sqlOverdue]);
    }), { numRuns: 2000 });
  });

  it('takes a schedule of 1 to 6 increasing months', () => {
    expect(followUpMonthsSchema.safeParse([3, 6, 12]).success).toBe(true);
    for (const bad of [[], [6, 3], [3, 3], [0], [61], [1, 2, 3, 4, 5, 6, 7], [1.5]]) expect(followUpMonthsSchema.safeParse(bad).success).toBe(false);
  });
});
