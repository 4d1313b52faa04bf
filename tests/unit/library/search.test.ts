import { describe, expect, it } from 'vitest';
import { buildLibraryRows } from '@/utils/library/query';
import { createLibraryIndex, searchLibrary, syncLibraryIndex } from '@/utils/library/search';
import { generateLibrary } from '../../support/library-data';

const data = generateLibrary(6);
data.notes[2]!.body = 'Tofacitinib helped the calcinosis of a seven-year-old';
data.highlights[0]!.comment = 'Ask the pharmacist about dosing';
data.notes[4]!.tags = ['must-read'];
const rows = () => buildLibraryRows(data.articles, data.notes, data.highlights);

describe('library search', () => {
  const index = createLibraryIndex();
  syncLibraryIndex(index, rows());

  it.each([
    ['a word of a note', 'calcinosis', 'pmid:10000002'],
    ['a prefix, as typed', 'calcin', 'pmid:10000002'],
    ['two words, both required', 'tofacitinib seven', 'pmid:10000002'],
    ['a highlight comment', 'pharmacist', 'pmid:10000000'],
    ['a tag', 'must-read', 'pmid:10000004'],
    ['a title word', 'Article 5', 'pmid:10000005'],
    ['whatever the case and accents', 'PHÂRMACIST', 'pmid:10000000'],
  ])('finds %s', (_what, query, key) => {
    expect(searchLibrary(index, query)).toContain(key);
  });

  it('returns null (every row) for an empty query and an empty set for no match', () => {
    expect(searchLibrary(index, '  ')).toBeNull();
    expect(searchLibrary(index, 'zzzzqqq')?.size).toBe(0);
  });

  it('re-indexes only the rows that changed, and forgets removed ones', () => {
    expect(syncLibraryIndex(index, rows())).toBe(0);
    data.notes[1] = { ...data.notes[1]!, body: 'now mentions ustekinumab', revision: 9 };
    expect(syncLibraryIndex(index, rows())).toBe(1);
    expect(searchLibrary(index, 'ustekinumab')).toEqual(new Set(['pmid:10000001']));
    const fewer = rows().filter((r) => r.key !== 'pmid:10000001');
    expect(syncLibraryIndex(index, fewer)).toBe(1);
    expect(searchLibrary(index, 'ustekinumab')?.size).toBe(0);
  });

  it('typing narrows the previous hits and finds what a fresh search finds', () => {
    const many = generateLibrary(300);
    const manyRows = buildLibraryRows(many.articles, many.notes, many.highlights);
    const typed = createLibraryIndex();
    syncLibraryIndex(typed, manyRows);
    for (const phrase of ['calcinosis dose', 'MDA5 lung', 'tag-1 review', 'Article 12 ']) {
      for (let i = 1; i <= phrase.length; i++) {
        const fresh = createLibraryIndex();
        syncLibraryIndex(fresh, manyRows);
        const query = phrase.slice(0, i);
        expect(searchLibrary(typed, query), query).toEqual(searchLibrary(fresh, query));
      }
      // Deleting a letter is not a narrowing: the whole index is searched again.
      expect(searchLibrary(typed, phrase.slice(0, 3))?.size).toBeGreaterThanOrEqual(
        searchLibrary(typed, phrase)?.size ?? 0,
      );
    }
  });

  it('forgets the previous hits when the rows change, so an edited row is found while typing', () => {
    const typed = createLibraryIndex();
    const current = rows();
    syncLibraryIndex(typed, current);
    expect(searchLibrary(typed, 'secukin')?.size).toBe(0);
    const edited = current.map((r) =>
      r.key === 'pmid:10000003'
        ? { ...r, note: { ...r.note!, body: 'secukinumab', revision: 42 } }
        : r,
    );
    expect(syncLibraryIndex(typed, edited)).toBe(1);
    expect(searchLibrary(typed, 'secukinu')).toEqual(new Set(['pmid:10000003']));
  });
});
