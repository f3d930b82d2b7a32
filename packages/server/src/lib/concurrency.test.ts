import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './concurrency.js';

describe('mapConcurrently', () => {
  it('keeps the order of the items and runs at most n at a time', async () => {
    let running = 0;
    let most = 0;
    const out = await mapConcurrently([5, 1, 4, 2, 3, 0], 3, async (x) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, x * 3));
      running--;
      return x * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(3);
  });

  it('gives nothing for no items and passes a failure on', async () => {
    expect(await mapConcurrently([], 4, async (x: number) => x)).toEqual([]);
    await expect(mapConcurrently([1, 2], 2, async (x) => {
      if (x === 2) throw new Error('no');
      return x;
    })).rejects.toThrow('no');
  });
});
