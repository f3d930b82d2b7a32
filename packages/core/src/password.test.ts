import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.js';

describe('passwordProblem', () => {
  it.each([
    ['', 'u', '请填写密码'],
    ['short-1', 'u', '密码至少10个字符'],
    ['zhangsan01', 'zhangsan01', '密码不能与用户名相同'],
    ['aaaaaaaaaa', 'u', expect.stringContaining('过于简单')],
    ['1234567890', 'u', expect.stringContaining('过于简单')],
    ['abcdefghij', 'u', expect.stringContaining('过于简单')],
    ['x'.repeat(129), 'u', '密码不能超过128个字符'],
  ])('refuses %j', (pw, user, message) => {
    expect(passwordProblem(pw, user)).toEqual(message);
  });

  it.each(['Long-enough-1', 'Pw-3fa9c0d1e2b4a6c8', 'E2e-Bangfu-Admin-7f3K9q!x2', '市总工会帮扶2026年'])('accepts %j', (pw) => {
    expect(passwordProblem(pw, 'someone')).toBeNull();
  });
});
