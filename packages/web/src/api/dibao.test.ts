import { describe, expect, it } from 'vitest';
import { dibaoUploadForm } from './dibao';

const file = () => new File(['姓名,身份证号\r\n'], '东宝区2026年10月低保名单.csv', { type: 'text/csv' });

describe('the dibao upload body', () => {
  it('sends the fields, then the file; the mapping as JSON only when chosen', () => {
    const form = dibaoUploadForm(file(), { month: '2026-10', regionCode: 'H01', source: ' 东宝区民政局 ', mapping: { name: '户主', idNumber: '证件' } });
    expect([...form.keys()]).toEqual(['month', 'regionCode', 'source', 'mapping', 'file']);
    expect(form.get('source')).toBe('东宝区民政局');
    expect(JSON.parse(String(form.get('mapping')))).toEqual({ name: '户主', idNumber: '证件' });
    expect((form.get('file') as File).name).toBe('东宝区2026年10月低保名单.csv');
  });

  it('leaves out an empty source and an empty mapping', () => {
    const form = dibaoUploadForm(file(), { month: '2026-10', regionCode: 'H', source: '  ', mapping: {} });
    expect([...form.keys()]).toEqual(['month', 'regionCode', 'file']);
  });
});
