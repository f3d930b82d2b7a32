import { describe, it, expect } from 'vitest';
import { addDays, ageOn, isValidYmd, parseIsoDate, todayInChina } from './dates.js';

describe('isValidYmd', () => {
  it.each([
    [2016, 5, 10, true],
    [2016, 1, 31, true],
    [2016, 12, 31, true],
    [2016, 2, 29, true], // leap year
    [2015, 2, 29, false], // not a leap year
    [2015, 2, 28, true],
    [1900, 2, 29, false], // century, not divisible by 400
    [2000, 2, 29, true], // divisible by 400
    [2100, 2, 29, false],
    [1996, 2, 30, false],
    [2016, 4, 30, true],
    [2016, 4, 31, false],
    [2016, 6, 31, false],
    [2016, 9, 31, false],
    [2016, 11, 31, false],
    [2016, 7, 31, true],
    [2016, 8, 31, true],
    [2016, 1, 32, false],
    [2016, 0, 1, false],
    [2016, 13, 1, false],
    [2016, 1, 0, false],
    [2016, -1, 1, false],
    [2016, 1, -1, false],
  ])('%d-%d-%d → %s', (y, m, d, ok) => {
    expect(isValidYmd(y, m, d)).toBe(ok);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2016-05-10', { y: 2016, m: 5, d: 10 }],
    ['2000-02-29', { y: 2000, m: 2, d: 29 }],
    ['1949-12-31', { y: 1949, m: 12, d: 31 }],
    ['0001-01-01', { y: 1, m: 1, d: 1 }],
  ])('%s → %j', (s, ymd) => {
    expect(parseIsoDate(s)).toEqual(ymd);
  });
  it.each([
    '2015-02-29',
    '1900-02-29',
    '2016-04-31',
    '2016-13-01',
    '2016-00-10',
    '2016-05-00',
    '2016-5-10',
    '2016-05-1',
    '16-05-10',
    '2016/05/10',
    '20160510',
    '2016-05-10T00:00:00Z',
    ' 2016-05-10',
    '2016-05-10 ',
    '',
    'yyyy-mm-dd',
    '２０１６-05-10', // full-width digits
  ])('%j → null', (s) => {
    expect(parseIsoDate(s)).toBeNull();
  });
});

describe('ageOn: whole years at a date', () => {
  it.each([
    ['1968-03-12', '2016-03-11', 47], // day before the birthday
    ['1968-03-12', '2016-03-12', 48], // on the birthday
    ['1968-03-12', '2016-03-13', 48],
    ['1968-03-12', '2016-05-10', 48],
    ['1968-12-31', '2016-12-30', 47],
    ['1968-12-31', '2016-12-31', 48],
    ['1968-01-01', '2016-12-31', 48],
    ['1968-06-15', '2016-05-20', 47], // later month
    ['2016-05-10', '2016-05-10', 0], // born that day
    ['2015-05-11', '2016-05-10', 0],
    ['2015-05-10', '2016-05-10', 1],
    // born on a leap day: the birthday in a common year is passed only on 1 March
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-28', 3],
    ['2000-02-29', '2004-02-29', 4],
    ['2000-02-29', '2016-02-28', 15],
    ['2000-02-29', '2016-02-29', 16],
    // fill date on a leap day
    ['1996-03-01', '2016-02-29', 19],
    ['1996-02-28', '2016-02-29', 20],
    ['1896-05-10', '2016-05-10', 120],
    ['1880-01-01', '2016-05-10', 136], // household.md's example
  ])('born %s, on %s → %d', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each([
    ['1968-02-30', '2016-05-10'],
    ['1968-03-12', '2016-13-01'],
    ['', '2016-05-10'],
    ['1968-03-12', 'x'],
  ])('invalid dates (%j, %j) → NaN', (birth, on) => {
    expect(ageOn(birth, on)).toBeNaN();
  });
});

describe('todayInChina: UTC+8 whatever the server zone', () => {
  it.each([
    ['2016-05-09T16:30:00Z', '2016-05-10'], // 00:30 next day in China
    ['2016-05-09T16:00:00Z', '2016-05-10'], // midnight in China
    ['2016-05-09T15:59:59.999Z', '2016-05-09'], // 23:59:59.999 in China
    ['2016-05-09T00:00:00Z', '2016-05-09'],
    ['2016-05-10T15:59:00Z', '2016-05-10'],
    ['2015-12-31T16:00:00Z', '2016-01-01'], // new year in China first
    ['2016-02-28T16:30:00Z', '2016-02-29'], // leap day
    ['2016-05-10T01:00:00+08:00', '2016-05-10'], // written in China time: 2016-05-09T17:00Z
  ])('%s → %s', (instant, day) => {
    expect(todayInChina(new Date(instant))).toBe(day);
  });

  it('without an argument, a YYYY-MM-DD string', () => {
    expect(todayInChina()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('addDays', () => {
  it.each([
    ['2016-03-01', -1, '2016-02-29'],
    ['2015-03-01', -1, '2015-02-28'],
    ['2016-12-31', 1, '2017-01-01'],
    ['2026-11-29', -90, '2026-08-31'],
  ])('%s %+d → %s', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
  });
});
