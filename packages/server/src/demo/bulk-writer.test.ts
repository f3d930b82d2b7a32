// The PostgreSQL bulk writer sends a batch's columns as array literals it writes itself.
import { describe, expect, it } from 'vitest';
import { arrayLiteral } from './bulk-writer.js';

describe('arrayLiteral', () => {
  it('quotes text, escapes quotes and backslashes, leaves numbers bare and writes NULL', () => {
    const rows = [1, 'a', null, 'say "hi"', 2.5, 'back\\slash', -3, '{,} NULL', 0, ''];
    expect(arrayLiteral(rows, 0, 2)).toBe('{1,NULL,2.5,-3,0}');
    expect(arrayLiteral(rows, 1, 2)).toBe('{"a","say \\"hi\\"","back\\\\slash","{,} NULL",""}');
  });

  it('gives an empty array for no rows', () => {
    expect(arrayLiteral([], 0, 3)).toBe('{}');
  });
});
