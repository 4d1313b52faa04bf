import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibraryRow } from '@/utils/library/query';
import {
  createLibraryIndex,
  searchLibrary,
  syncLibraryIndex,
  updateLibraryIndex,
} from '@/utils/library/search';
import { fold, matchesText, textOf } from '@/utils/library/search-rule';

/**
 * The token index (utils/library/search.ts) against the search rule itself (search-rule.ts `matchesText`, a plain
 * scan of each text): same hits for any texts and queries, through additions, re-reads, removals,
 * narrowing while typing and compaction.
 */

/** Characters that test the rule's edges: case, accents (precomposed and combining), whitespace of
 * several kinds, punctuation, the ASCII diacritics ^ and `, and letters whose lower case is longer. */
const CHARS = [
  'a',
  'b',
  'c',
  'A',
  'B',
  'é',
  'É',
  'e\u0301',
  'ö',
  'İ',
  'ﬁ',
  '^',
  '`',
  '-',
  ':',
  '1',
];
const SPACES = [' ', '\n', '\t', '\u00a0', '\u2003'];
const text = fc
  .array(fc.constantFrom(...CHARS, ...CHARS, ...SPACES), { maxLength: 24 })
  .map((cs) => cs.join(''));
const query = fc
  .array(fc.constantFrom(...CHARS, ' ', ' ', '  '), { maxLength: 6 })
  .map((cs) => cs.join(''));

const rowOf = (key: string, title: string, revision = 1): LibraryRow => ({
  key,
  title,
  url: `https://pubmed.ncbi.nlm.nih.gov/${key}/`,
  drugs: [],
  targets: [],
  tags: [],
  highlights: [],
  conflicts: 0,
  snippet: '',
  lastEdited: revision,
});

/** The rule applied to every row: the keys a plain scan finds. */
function scan(rows: Iterable<LibraryRow>, q: string): Set<string> | null {
  if (!fold(q).trim()) return null;
  return new Set([...rows].filter((r) => matchesText(textOf(r), q)).map((r) => r.key));
}

/** 0: a word is checked by reading texts once there are candidates; Infinity: always by postings. */
const strategies = fc.constantFrom(0, 1, 32, Infinity);

describe('library search index', () => {
  it('finds exactly what a scan of every text finds', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 30 }),
        fc.array(query, { maxLength: 8 }),
        strategies,
        (ts, qs, scanFactor) => {
          const rows = ts.map((t, i) => rowOf(`k${i}`, t));
          const index = createLibraryIndex();
          index.scanFactor = scanFactor;
          syncLibraryIndex(index, rows);
          for (const q of qs)
            expect(searchLibrary(index, q), JSON.stringify(q)).toEqual(scan(rows, q));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays exact through additions, re-reads, removals and typing', () => {
    const op = fc.oneof(
      fc.record({ put: fc.integer({ min: 0, max: 12 }), text }),
      fc.record({ remove: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ type: query }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), strategies, (ops, scanFactor) => {
        const index = createLibraryIndex();
        index.scanFactor = scanFactor;
        const model = new Map<string, LibraryRow>();
        let revision = 0;
        for (const o of ops) {
          if ('put' in o) {
            const row = rowOf(`k${o.put}`, o.text, ++revision);
            model.set(row.key, row);
            updateLibraryIndex(index, [row]);
          } else if ('remove' in o) {
            model.delete(`k${o.remove}`);
            updateLibraryIndex(index, [], [`k${o.remove}`]);
          } else {
            // Typed one character at a time: each prefix narrows the previous search.
            for (let i = 1; i <= o.type.length; i++) {
              const q = o.type.slice(0, i);
              expect(searchLibrary(index, q), JSON.stringify(q)).toEqual(scan(model.values(), q));
            }
          }
        }
        expect(index.size).toBe(model.size);
      }),
      { numRuns: 300 },
    );
  });

  it('compacts once re-read rows are as many as the living, and still finds the same rows', () => {
    const index = createLibraryIndex();
    let rows = Array.from({ length: 1200 }, (_, i) => rowOf(`k${i}`, `first ${i} alpha`));
    syncLibraryIndex(index, rows);
    expect(searchLibrary(index, 'alpha')?.size).toBe(1200);
    // Every row re-read: 1,200 dead entries, as many as the living, so the index compacts.
    rows = rows.map((r, i) => rowOf(r.key, `second ${i} beta`, 2));
    expect(syncLibraryIndex(index, rows)).toBe(1200);
    expect(index.dead).toBe(0);
    expect(index.keys).toHaveLength(1200);
    expect(searchLibrary(index, 'alpha')?.size).toBe(0);
    expect(searchLibrary(index, 'bet')?.size).toBe(1200);
    expect(searchLibrary(index, '119 be')).toEqual(scan(rows, '119 be'));
  });
});
