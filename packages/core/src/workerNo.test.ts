import { describe, it, expect } from 'vitest';
import { MAX_SERIAL, WORKER_NO_RE, formatWorkerNo, parseWorkerNo } from './workerNo.js';

describe('formatWorkerNo: city letter + 2-digit region + 5-digit serial', () => {
  it.each([
    ['H01', 1, 'H0100001'],
    ['H01', 12, 'H0100012'],
    ['H04', 123, 'H0400123'],
    ['H08', 4567, 'H0804567'],
    ['H05', 10000, 'H0510000'],
    ['H08', 99999, 'H0899999'],
    ['A00', 1, 'A0000001'],
  ])('%s + %d → %s', (region, serial, no) => {
    expect(formatWorkerNo(region, serial)).toBe(no);
  });

  it('MAX_SERIAL is 99999', () => {
    expect(MAX_SERIAL).toBe(99_999);
  });

  it.each([0, -1, 100_000, 1_000_000, 1.5, NaN, Infinity])('serial %d is out of range', (serial) => {
    expect(() => formatWorkerNo('H01', serial)).toThrow(RangeError);
  });

  it.each(['h01', 'H1', 'H001', '01', 'HH1', '', 'H01 ', 'Ｈ01'])('region %j is refused', (region) => {
    expect(() => formatWorkerNo(region, 1)).toThrow(RangeError);
  });
});

describe('parseWorkerNo', () => {
  it.each([
    ['H0100001', 'H01', 1],
    ['H0400123', 'H04', 123],
    ['H0899999', 'H08', 99999],
    ['H0510000', 'H05', 10000],
  ])('%s → %s #%d', (no, regionCode, serial) => {
    expect(parseWorkerNo(no)).toEqual({ regionCode, serial });
  });

  it.each([
    'H0100000', // serial 0: serials start at 00001
    'h0100001', // lower-case letter
    'H010001', // 6 digits
    'H01000001', // 8 digits
    '0100001',
    'HH100001',
    'H01-00001',
    ' H0100001',
    'H0100001 ',
    '',
    'H01ABCDE',
  ])('%j → null', (no) => {
    expect(parseWorkerNo(no)).toBeNull();
  });

  it.each([
    ['H01', 1],
    ['H03', 42],
    ['H08', 99999],
  ])('round trip %s #%d', (region, serial) => {
    expect(parseWorkerNo(formatWorkerNo(region, serial))).toEqual({ regionCode: region, serial });
  });

  it('WORKER_NO_RE matches the form only', () => {
    expect(WORKER_NO_RE.test('H0100001')).toBe(true);
    expect(WORKER_NO_RE.test('H010000')).toBe(false);
    expect(WORKER_NO_RE.test('xH0100001')).toBe(false);
  });
});
