import { describe, expect, it } from 'vitest';
import { filenameOf } from './download';

describe('filenameOf', () => {
  it('prefers the UTF-8 name of filename*', () => {
    expect(filenameOf(`attachment; filename="H0100001.pdf"; filename*=UTF-8''${encodeURIComponent('调查表-H0100001.pdf')}`)).toBe('调查表-H0100001.pdf');
  });
  it('falls back to the plain name, quoted or not', () => {
    expect(filenameOf('attachment; filename="a b.pdf"')).toBe('a b.pdf');
    expect(filenameOf('attachment; filename=plain.pdf')).toBe('plain.pdf');
    expect(filenameOf(`attachment; filename="ok.pdf"; filename*=UTF-8''%E8%ZZ`)).toBe('ok.pdf');
  });
  it('has no name without the header or the parameter', () => {
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf('attachment')).toBeNull();
  });
});
