import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '@/utils/library/search-rule';

describe('library search rule', () => {
  it('folds ASCII text on its fast path as the Unicode path does', () => {
    const slow = (s: string) =>
      s
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase();
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        expect(fold(s)).toBe(slow(s));
      }),
      { numRuns: 500 },
    );
    expect(fold('Sjögren ^caret` É')).toBe('sjogren caret e');
  });
});
