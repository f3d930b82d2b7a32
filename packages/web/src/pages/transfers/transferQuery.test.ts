import { describe, expect, it } from 'vitest';
import { readTransferState, shownBox, transferBoxesOf, transferListQuery, writeTransferState } from './transferQuery';

const read = (q: string) => readTransferState(new URLSearchParams(q));

describe('transfer page URL', () => {
  it('opens without a filter on the page\'s default tab, page 1, 20 a page', () => {
    expect(read('')).toEqual({ box: undefined, status: undefined, page: 1, pageSize: 20 });
    expect(writeTransferState(read('')).toString()).toBe('');
  });

  it('reads the 待办 link as the server names the box', () => {
    expect(read('box=incoming')).toMatchObject({ box: 'incoming' });
    expect(writeTransferState(read('box=outgoing&status=refused&page=2&pageSize=50')).toString()).toBe('box=outgoing&status=refused&page=2&pageSize=50');
    expect(read('box=mine&status=done&page=0&pageSize=7')).toEqual(read(''));
  });

  it('gives the cadres who decide their side\'s boxes, 待我方同意 first; the readers 全部 only', () => {
    expect(transferBoxesOf(true)).toEqual(['incoming', 'outgoing', 'all']);
    expect(transferBoxesOf(false)).toEqual(['all']);
    expect(shownBox(read(''), true)).toBe('incoming');
    expect(shownBox(read('box=all'), true)).toBe('all');
    expect(shownBox(read(''), false)).toBe('all');
    // a reader following a 待办-like link sees every transfer, never a box that is not theirs
    expect(shownBox(read('box=incoming'), false)).toBe('all');
  });

  it('asks the server for the box shown; 待我方同意 holds pending requests, without a status', () => {
    expect(transferListQuery(read('box=incoming&status=agreed'), true)).toEqual({ box: 'incoming', status: undefined, page: 1, pageSize: 20 });
    expect(transferListQuery(read('box=outgoing&status=pending&page=3'), true)).toEqual({ box: 'outgoing', status: 'pending', page: 3, pageSize: 20 });
    expect(transferListQuery(read('box=outgoing&status=agreed'), false)).toEqual({ box: 'all', status: 'agreed', page: 1, pageSize: 20 });
  });
});
