import { describe, expect, it } from 'vitest';
import { readProposalQuery, summarizeDecision, writeProposalQuery } from './proposalQuery';

describe('proposal queue URL', () => {
  it('defaults to pending, page 1, 20 a page', () => {
    expect(readProposalQuery(new URLSearchParams())).toEqual({ status: 'pending', regionCode: undefined, page: 1, pageSize: 20 });
    expect(writeProposalQuery(readProposalQuery(new URLSearchParams())).toString()).toBe('');
  });

  it('reads and writes tab, region and page, ignoring nonsense', () => {
    const q = readProposalQuery(new URLSearchParams('status=confirmed&regionCode=H01&page=3&pageSize=50'));
    expect(q).toEqual({ status: 'confirmed', regionCode: 'H01', page: 3, pageSize: 50 });
    expect(writeProposalQuery(q).toString()).toBe('status=confirmed&regionCode=H01&page=3&pageSize=50');
    expect(readProposalQuery(new URLSearchParams('status=deleted&regionCode=x&page=-1&pageSize=7'))).toEqual({ status: 'pending', regionCode: undefined, page: 1, pageSize: 20 });
  });
});

describe('summarizeDecision', () => {
  it('names each failure by 职工编号 and 姓名', () => {
    const rows = [
      { id: 1, workerNo: 'H0800001', name: '任红军' },
      { id: 2, workerNo: 'H0200001', name: '高秀兰' },
    ];
    const s = summarizeDecision(
      { decided: 1, results: [{ id: 1, ok: true }, { id: 2, ok: false, code: 'ALREADY_DECIDED', message: '该剔除建议已处理' }, { id: 9, ok: false, code: 'NOT_FOUND' }] },
      rows,
    );
    expect(s).toEqual({
      decided: 1,
      failures: [
        { id: 2, who: 'H0200001 高秀兰', message: '该剔除建议已处理' },
        { id: 9, who: '剔除建议 #9', message: '处理失败' },
      ],
    });
  });
});
