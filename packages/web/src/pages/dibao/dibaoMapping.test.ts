import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/request';
import { columnsMissingOf, headerOptions, initialMapping, mappingOf, missingText, repeatedChoices } from './dibaoMapping';

describe('dibao column mapping', () => {
  it('reads the headers and the missing fields of a DIBAO_COLUMNS_MISSING refusal only', () => {
    const e = new ApiError(400, 'DIBAO_COLUMNS_MISSING', '名单中没有找到…', [], { code: 'DIBAO_COLUMNS_MISSING', headers: ['户主', '证件号', 7], missing: ['idNumber', 'weird'] });
    expect(columnsMissingOf(e)).toEqual({ headers: ['户主', '证件号'], missing: ['idNumber'] });
    expect(columnsMissingOf(new ApiError(400, 'INVALID_FILE', '文件已损坏'))).toBeNull();
    expect(columnsMissingOf(new Error('x'))).toBeNull();
    expect(columnsMissingOf(new ApiError(400, 'DIBAO_COLUMNS_MISSING', 'x'))).toEqual({ headers: [], missing: [] });
  });

  it('offers each header once, blanks left out', () => {
    expect(headerOptions(['序号', ' 姓名 ', '', '姓名', '证件'])).toEqual([
      { value: '序号', label: '序号' },
      { value: '姓名', label: '姓名' },
      { value: '证件', label: '证件' },
    ]);
  });

  it('opens with the columns the server would recognize, and the person\'s earlier choices', () => {
    const headers = ['序号', '保障对象姓名', '证件', '保障人数', '金额'];
    expect(initialMapping(headers)).toEqual({ name: '保障对象姓名', householdSize: '保障人数' });
    expect(initialMapping(headers, { idNumber: '证件', monthlyAmount: '不在文件中' })).toEqual({ name: '保障对象姓名', idNumber: '证件', householdSize: '保障人数' });
  });

  it('sends only the fields chosen', () => {
    expect(mappingOf({ name: '户主', idNumber: ' 证件 ', householdSize: undefined, monthlyAmount: '' })).toEqual({ name: '户主', idNumber: '证件' });
    expect(JSON.stringify(mappingOf({ name: '户主', idNumber: '证件' }))).toBe('{"name":"户主","idNumber":"证件"}');
  });

  it('finds one column chosen for two fields', () => {
    expect(repeatedChoices({ name: '户主', idNumber: '证件', region: '户主' })).toEqual(['region']);
    expect(repeatedChoices({ name: '户主', idNumber: '证件' })).toEqual([]);
  });

  it('names the missing fields in the contract\'s order', () => {
    expect(missingText(['idNumber', 'name'])).toBe('姓名、身份证号');
  });
});
