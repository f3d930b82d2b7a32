import { checkIdNumber, parseHousehold, type HouseholdInput } from '@bangfu/core';
import { describe, expect, it } from 'vitest';
import {
  createIdPool, createRng, iterateSyntheticHouseholds, syntheticHousehold, syntheticHouseholds, SYNTHETIC_REGIONS,
} from './synthetic.js';

const SEED = 20160620;
const COUNT = 2000;
const households = syntheticHouseholds(COUNT, SEED);

function allIds(h: HouseholdInput): string[] {
  const out = [h.idNumber];
  for (const m of h.members ?? []) if (m.idNumber) out.push(m.idNumber);
  return out;
}

/** Yuan → fen through the decimal text, as core does; also checks "at most 2 decimals". */
function fen(yuan: unknown): number {
  expect(typeof yuan).toBe('number');
  const s = String(yuan);
  const dot = s.indexOf('.');
  if (dot >= 0) expect(s.length - dot - 1).toBeLessThanOrEqual(2);
  return Math.round((yuan as number) * 100);
}

describe('createRng', () => {
  it('is deterministic and stays in range', () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = a.int(3, 5);
      b.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
    expect(createRng(8).next()).not.toBe(createRng(7).next());
  });
});

describe('syntheticHouseholds', () => {
  it(`makes ${COUNT} households that all pass parseHousehold`, () => {
    expect(households).toHaveLength(COUNT);
    for (let i = 0; i < households.length; i++) {
      const r = parseHousehold(households[i]);
      if (!r.ok) throw new Error(`household ${i}: ${JSON.stringify(r.errors[0])}\n${JSON.stringify(households[i])}`);
    }
  });

  it('gives the same output for the same seed, and another for another seed', () => {
    expect(syntheticHouseholds(COUNT, SEED)).toEqual(households);
    expect(syntheticHouseholds(50, SEED + 1)).not.toEqual(households.slice(0, 50));
    // the streaming form yields the same sequence
    expect([...iterateSyntheticHouseholds(50, SEED)]).toEqual(households.slice(0, 50));
  });

  it('never repeats an identity number within the set', () => {
    const seen = new Set<string>();
    for (const h of households)
      for (const id of allIds(h)) {
        expect(seen.has(id), `repeated identity number ${id}`).toBe(false);
        seen.add(id);
      }
  });

  it('keeps gender in agreement with the identity number, and relations with gender', () => {
    for (const h of households) {
      const w = checkIdNumber(h.idNumber, h.fillDate);
      expect(w.ok).toBe(true);
      if (w.ok) expect(w.info.gender).toBe(h.gender);
      for (const m of h.members ?? []) {
        if (m.idNumber) {
          const r = checkIdNumber(m.idNumber, h.fillDate);
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.info.gender).toBe(m.gender);
        }
        if (m.relation === '配偶') expect(m.gender).not.toBe(h.gender);
        if (['子', '父亲', '岳父', '公公'].includes(m.relation)) expect(m.gender).toBe('男');
        if (['女', '母亲', '岳母', '婆婆'].includes(m.relation)) expect(m.gender).toBe('女');
      }
    }
  });

  it('uses Jingmen area codes that fit the region', () => {
    const jingmen = ['420800', '420802', '420804', '420821', '420822', '420881', '420882'];
    const home: Record<string, string[]> = { H01: ['420821', '420882'], H02: ['420822'], H03: ['420881'], H04: ['420802'], H05: ['420804'] };
    const fits: Record<string, number> = {};
    const total: Record<string, number> = {};
    for (const h of households) {
      for (const id of allIds(h)) expect(jingmen).toContain(id.slice(0, 6));
      const own = home[h.regionCode];
      if (!own) continue;
      total[h.regionCode] = (total[h.regionCode] ?? 0) + 1;
      if (own.includes(h.idNumber.slice(0, 6))) fits[h.regionCode] = (fits[h.regionCode] ?? 0) + 1;
    }
    for (const r of Object.keys(home)) expect(fits[r] / total[r], r).toBeGreaterThan(0.7);
  });

  it('spreads over all regions, 市直 and 东宝 the largest', () => {
    const by: Record<string, number> = {};
    for (const h of households) by[h.regionCode] = (by[h.regionCode] ?? 0) + 1;
    expect(Object.keys(by).sort()).toEqual([...SYNTHETIC_REGIONS]);
    const sorted = Object.entries(by).sort((a, b) => b[1] - a[1]).map(([r]) => r);
    expect(sorted.slice(0, 2).sort()).toEqual(['H04', 'H08']);
    expect(syntheticHouseholds(100, 1, ['H03']).every((h) => h.regionCode === 'H03')).toBe(true);
  });

  it('has households below the line, in the 100–130% band and above it', () => {
    let below = 0;
    let band = 0;
    let above = 0;
    for (const h of households) {
      const t = fen(h.householdAnnualIncome);
      const n = h.householdSize;
      // per capita against 6,000 and 7,800 yuan a year, exactly in fen
      if (t < 600_000 * n) below++;
      else if (t <= 780_000 * n) band++;
      else above++;
    }
    expect(below / COUNT).toBeGreaterThan(0.05);
    expect(band / COUNT).toBeGreaterThan(0.05);
    expect(above / COUNT).toBeGreaterThan(0.05);
  });

  it('spreads incomes around the line of each region when one is given', () => {
    const set = syntheticHouseholds(1000, 5, ['H07', 'H04'], { H07: 450, H04: 600 });
    for (const [region, line] of [['H07', 450], ['H04', 600]] as const) {
      const files = set.filter((h) => h.regionCode === region);
      const annual = line * 12 * 100;
      const below = files.filter((h) => fen(h.householdAnnualIncome) < annual * h.householdSize).length;
      const inBand = files.filter((h) => {
        const t = fen(h.householdAnnualIncome);
        return t >= annual * h.householdSize && t * 10 <= 13 * annual * h.householdSize;
      }).length;
      expect(below / files.length, region).toBeGreaterThan(0.3);
      expect(inBand / files.length, region).toBeGreaterThan(0.2);
      expect((files.length - below - inBand) / files.length, region).toBeGreaterThan(0.05);
    }
    for (const h of set) expect(parseHousehold(h).ok).toBe(true);
  });

  it('has consistent money, sizes and causes, with a few realistic data errors', () => {
    let sizeOff = 0;
    let incomeBelowSum = 0;
    let bigMedical = 0;
    let tuition = 0;
    let accident = 0;
    for (const h of households) {
      const members = h.members ?? [];
      if (h.householdSize !== 1 + members.length) sizeOff++;
      const t = fen(h.householdAnnualIncome);
      let sum = fen(h.ownAnnualIncome);
      for (const m of members) sum += fen(m.annualIncome);
      if (t < sum) incomeBelowSum++;
      const med = fen(h.medicalExpense);
      fen(h.householdAnnualExpense);
      if (med * 2 > t && med > 0) bigMedical++;
      if (fen(h.tuitionExpense) > 0) {
        tuition++;
        expect(members.some((m) => m.occupation === '非义务教育在校')).toBe(true);
      }
      if (fen(h.accidentExpense) > 0) {
        accident++;
        expect(h.causes).toContain('因意外');
      }
      if (h.causes.includes('其它')) expect(h.causeDescription).toBeTruthy();
      if (h.causes.includes('因病')) expect(h.health !== '良好' || members.some((m) => m.health !== '良好')).toBe(true);
      expect(h).not.toHaveProperty('workerNo');
    }
    expect(sizeOff / COUNT).toBeGreaterThan(0.005);
    expect(sizeOff / COUNT).toBeLessThan(0.08);
    expect(incomeBelowSum / COUNT).toBeGreaterThan(0.005);
    expect(incomeBelowSum / COUNT).toBeLessThan(0.08);
    expect(bigMedical / COUNT).toBeGreaterThan(0.03);
    expect(tuition / COUNT).toBeGreaterThan(0.05);
    expect(accident).toBeGreaterThan(10);
  });

  it('keeps children consistent with their age', () => {
    for (const h of households)
      for (const m of h.members ?? []) {
        if ((m.relation !== '子' && m.relation !== '女') || !m.idNumber) continue;
        const r = checkIdNumber(m.idNumber, h.fillDate);
        if (!r.ok) continue;
        const age = ageAt(r.info.birthDate, h.fillDate);
        if (age < 6) expect(m.occupation).toBe('学龄前');
        else if (age <= 15) expect(m.occupation).toBe('义务教育在校');
        else expect(['学龄前', '义务教育在校']).not.toContain(m.occupation);
      }
  });
});

describe('syntheticHousehold', () => {
  it('honours regionCode and fillDate', () => {
    const h = syntheticHousehold(createRng(3), { regionCode: 'H02', fillDate: '2017-01-15' });
    expect(h.regionCode).toBe('H02');
    expect(h.fillDate).toBe('2017-01-15');
    expect(parseHousehold(h).ok).toBe(true);
  });

  it('defaults the fill date to the 2016 campaign', () => {
    for (const h of households) {
      expect(h.fillDate >= '2016-03-25').toBe(true);
      expect(h.fillDate <= '2016-06-20').toBe(true);
    }
  });

  it('gives distinct worker numbers for distinct indices without a shared pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      // a fresh generator each time, as separate processes would have
      const h = syntheticHousehold(createRng(1), { regionCode: 'H04', fillDate: '2016-05-01', index: i });
      expect(seen.has(h.idNumber)).toBe(false);
      seen.add(h.idNumber);
    }
  });

  it('avoids numbers already in a pool', () => {
    const ids = createIdPool();
    const rng = createRng(9);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++)
      for (const id of allIds(syntheticHousehold(rng, { regionCode: 'H07', fillDate: '2016-05-01', ids }))) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
  });
});

function ageAt(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
