import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/request';
import { generatePassword, importErrorLines, importErrorRows, passwordProblem, usernameProblem } from './adminShared';
import { readAuditQuery, writeAuditQuery } from './auditQuery';

describe('org import errors', () => {
  it('lists each row message, or the error itself', () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', '填写的内容有误', [
      { path: 'rows[3].parentCode', message: '第 3 行：上级组织 H99 不是启用中的县（市、区）工会' },
      { path: 'rows[5].name', message: '第 5 行：组织名称至少2个字' },
    ]);
    expect(importErrorLines(e)).toEqual(['第 3 行：上级组织 H99 不是启用中的县（市、区）工会', '第 5 行：组织名称至少2个字']);
    expect(importErrorRows(e.fieldErrors)).toEqual([3, 5]);
    expect(importErrorLines(new ApiError(400, 'INVALID_FILE', '文件不是有效的 Excel（.xlsx）工作簿'))).toEqual(['文件不是有效的 Excel（.xlsx）工作簿']);
    expect(importErrorLines(new Error('x'))).toEqual(['x']);
  });
});

describe('new user rules (as the server checks them)', () => {
  it('checks username and password', () => {
    expect(usernameProblem('ab')).toMatch(/3至32位/);
    expect(usernameProblem('h01_zhang')).toBeNull();
    expect(usernameProblem('张三')).not.toBeNull();
    expect(passwordProblem('', 'a')).toBe('请填写密码');
    expect(passwordProblem('short', 'a')).toBe('密码至少10个字符');
    expect(passwordProblem('H01_Zhangsan', 'h01_zhangsan')).toBe('密码不能与用户名相同');
    expect(passwordProblem('Good-Pass-2026', 'h01_zhangsan')).toBeNull();
  });

  it('generates passwords that pass the rule', () => {
    const p = generatePassword();
    expect(p).toHaveLength(12);
    expect(passwordProblem(p, 'someone')).toBeNull();
    expect(generatePassword(4, () => 0)).toBe('AAAA');
  });
});

describe('audit filters in the URL', () => {
  it('round-trips the filters and drops bad values', () => {
    const q = readAuditQuery(new URLSearchParams('action=household.&username=admin&entity=household&entityId=12&from=2026-01-01&to=2026-01-31&page=2&pageSize=100'));
    expect(q).toEqual({ action: 'household.', username: 'admin', entity: 'household', entityId: '12', from: '2026-01-01', to: '2026-01-31', page: 2, pageSize: 100 });
    expect(writeAuditQuery(q).toString()).toBe('action=household.&username=admin&entity=household&entityId=12&from=2026-01-01&to=2026-01-31&page=2&pageSize=100');
    expect(readAuditQuery(new URLSearchParams('from=yesterday&page=-1&pageSize=7'))).toEqual({ page: 1, pageSize: 50 });
  });
});
