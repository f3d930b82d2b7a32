// Security issue point 8: creates racing for the same generated or chosen key once answered 500.
// Each now gets its object or a 409 naming the field; NUL in input is refused by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { verifyPassword } from '../../lib/password.js';
import { createUsers } from './users.service.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.admin();
});
afterAll(() => ctx.close());

describe('parallel creates', () => {
  it('ten creates of one username: one account, nine 409s', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => admin.post('/api/users', { username: 'same_name', password: 'Long-enough-pw-1', displayName: '同名', orgCode: 'H', role: 'viewer' })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().errors[0].path).toBe('username');
  });

  it('ten new unions of one county at once: no 500, each created one gets its own code', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.post('/api/orgs', { name: `并发工会${i}`, parentCode: 'H07' })));
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
    const codes = answers.filter((a) => a.statusCode === 201).map((a) => a.json().code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('NUL in input', () => {
  it('is refused with the field named, in a body, a query string and a path', async () => {
    const body = await admin.post('/api/orgs', { name: 'a\u0000b', parentCode: 'H07' });
    expect(body.statusCode).toBe(400);
    expect(body.json().errors).toEqual([{ path: 'name', message: expect.stringContaining('NUL') }]);
    const query = await admin.get('/api/households?q=%00x');
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].path).toBe('q');
    const param = await admin.del('/api/households/1/links/a%00b');
    expect(param.statusCode).toBe(400);
    expect(param.json().errors[0].path).toBe('username');
  });
});

describe('empty changes', () => {
  it('an empty PATCH of a user or an organization is a 400 naming a field', async () => {
    const user = (await admin.post('/api/users', { username: 'patch_me', password: 'Long-enough-pw-1', displayName: '待改', orgCode: 'H', role: 'viewer' })).json();
    for (const url of [`/api/users/${user.id}`, '/api/orgs/H01']) {
      const res = await admin.patch(url, {});
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0].path).toMatch(/\w/);
    }
  });
});

describe('many accounts at once (the demo)', () => {
  it('hashes side by side but creates in the order given, each password its own', async () => {
    const inputs = ['批量甲', '批量乙', '批量丙', '批量丁'].map((displayName, i) => ({
      username: `batch_${i}`, password: `Batch-pw-${i}-long`, displayName, orgCode: 'H03', role: 'region',
    }));
    const made = await createUsers(ctx.db, null, inputs);
    expect(made.map((u) => u.username)).toEqual(inputs.map((u) => u.username));
    const ids = made.map((u) => u.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    for (const u of inputs) {
      const row = await ctx.db.selectFrom('users').select('password_hash').where('username', '=', u.username).executeTakeFirstOrThrow();
      expect(await verifyPassword(u.password, row.password_hash)).toBe(true);
      expect(await verifyPassword(inputs[(inputs.indexOf(u) + 1) % inputs.length].password, row.password_hash)).toBe(false);
    }
  });
});
