import { describe, expect, it } from 'vitest';
import { readReviewState, reviewApiQuery, summarizeBatch, writeReviewState } from './reviewQuery';

describe('review queue', () => {
  it('asks for the status the role reviews, oldest first, in the own region', () => {
    const s = readReviewState(new URLSearchParams('regionCode=H03&q=张&page=2'));
    expect(reviewApiQuery(s, { level: 'city', status: 'unitApproved' }, null)).toEqual({ status: 'unitApproved', regionCode: 'H03', q: '张', page: 2, pageSize: 20, sort: 'updatedAt:asc' });
    expect(reviewApiQuery(s, { level: 'unit', status: 'submitted' }, 'H01')).toMatchObject({ status: 'submitted', regionCode: 'H01' });
    expect(writeReviewState(s).toString()).toBe('regionCode=H03&q=%E5%BC%A0&page=2');
    expect(readReviewState(new URLSearchParams('regionCode=bad&pageSize=7'))).toEqual({ regionCode: undefined, q: undefined, page: 1, pageSize: 20 });
  });

  it('names each file that failed with the server message', () => {
    const rows = [
      { id: 1, workerNo: 'H0100001', name: '张三' },
      { id: 2, workerNo: 'H0100002', name: '李四' },
    ];
    const r = summarizeBatch(
      {
        done: 1,
        results: [
          { id: 1, ok: true },
          { id: 2, ok: false, code: 'FORBIDDEN', message: '填报人不能审核自己填报的档案，请由本单位工会其他人员审核' },
          { id: 9, ok: false, code: 'NOT_FOUND' },
        ],
      },
      rows,
    );
    expect(r.done).toBe(1);
    expect(r.failures).toEqual([
      { id: 2, who: 'H0100002 李四', code: 'FORBIDDEN', message: '填报人不能审核自己填报的档案，请由本单位工会其他人员审核' },
      { id: 9, who: '档案 #9', code: 'NOT_FOUND', message: '审核失败' },
    ]);
  });
});
