import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './index.js';

const CJK = /[\u4e00-\u9fff]/;

describe("zod's default messages", () => {
  it.each([
    [z.object({ a: z.string() }), { a: null }, '格式不正确，应为文本'],
    [z.object({ a: z.string() }), {}, '请填写（应为文本）'],
    [z.array(z.number()), {}, '格式不正确，应为列表（[…]）'],
    [z.object({ n: z.number().int() }), { n: 'x' }, '格式不正确，应为数字'],
  ])('a type mismatch is told in Chinese (%#)', (schema, input, message) => {
    expect(schema.safeParse(input).error!.issues[0].message).toBe(message);
  });

  it('every other default message is Chinese too', () => {
    for (const [schema, input] of [[z.number().positive(), -1], [z.string().max(2), 'abcd'], [z.enum(['a', 'b']), 'c'], [z.number().int(), 1.5]] as const)
      expect(schema.safeParse(input).error!.issues[0].message).toMatch(CJK);
  });

  it('a message a schema names itself is kept', () => {
    expect(z.string({ error: '请填写姓名' }).safeParse(1).error!.issues[0].message).toBe('请填写姓名');
  });
});
