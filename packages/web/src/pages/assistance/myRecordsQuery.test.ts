import { describe, expect, it } from 'vitest';
import { MY_RECORDS_CODEC, myTabOf } from './myRecordsQuery';

describe('我的帮扶对象 tabs', () => {
  it('opens 我的帮扶对象 unless the URL asks for the records', () => {
    expect(myTabOf(new URLSearchParams(''))).toBe('households');
    expect(myTabOf(new URLSearchParams('tab=records'))).toBe('records');
    expect(myTabOf(new URLSearchParams('tab=other'))).toBe('households');
  });

  it('keeps the records tab in the URL with its page', () => {
    const s = MY_RECORDS_CODEC.read(new URLSearchParams('tab=records&page=3&pageSize=50'));
    expect(s).toEqual({ page: 3, pageSize: 50 });
    expect(MY_RECORDS_CODEC.write(s).toString()).toBe('tab=records&page=3&pageSize=50');
    expect(MY_RECORDS_CODEC.write({ page: 1, pageSize: 20 }).toString()).toBe('tab=records');
  });
});
