// Security issue points 2 and 3: a role that sees identity numbers masked must not get them in full
// by another door — not by searching number prefixes, not in the answer of a lifecycle action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

let ctx: TestContext;
let city: Client;
let admin: Client;
let viewer: Client;
const h = makeHousehold({ name: '掩码户', phone: '13987654321' });
let id: number;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  admin = await ctx.admin();
  viewer = await ctx.userIn('H', 'viewer');
  const created = await city.post('/api/households', h);
  expect(created.statusCode, created.body).toBe(201);
  id = created.json().id;
});
afterAll(() => ctx.close());

const totalFor = async (c: Client, q: string) => (await c.get(`/api/households?q=${encodeURIComponent(q)}`)).json().total as number;

describe('search by identity number', () => {
  it('a masked role finds a file only by the whole number, never by a prefix', async () => {
    const full = h.idNumber!;
    for (const masked of [admin, viewer]) {
      for (const len of [6, 10, 14, 17]) expect(await totalFor(masked, full.slice(0, len)), `prefix of ${len}`).toBe(0);
      expect(await totalFor(masked, full)).toBe(1);
    }
  });

  it('a role that sees numbers in full still searches by prefix', async () => {
    expect(await totalFor(city, h.idNumber!.slice(0, 14))).toBe(1);
  });
});

describe('lifecycle answers', () => {
  it('are masked for the administrator as every other read is', async () => {
    for (const [action, body] of [['submit', {}], ['review', { level: 'city', decision: 'return', opinion: '请补充材料' }]] as const) {
      if (action === 'review') {
        // the city level needs the unit's opinion first
        const county = await ctx.userIn(h.regionCode!, 'region');
        expect((await county.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '属实' })).statusCode).toBe(200);
      }
      const res = await admin.post(`/api/households/${id}/${action}`, body);
      expect(res.statusCode, res.body).toBe(200);
      const file = res.json();
      expect(file.idNumber).toBe(maskIdNumber(h.idNumber));
      expect(file.phone).not.toBe('13987654321');
      for (const [i, m] of file.members.entries()) expect(m.idNumber).toBe(maskIdNumber(h.members![i].idNumber));
      expect(res.body).not.toContain(h.idNumber);
    }
  });
});
