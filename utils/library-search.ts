import MiniSearch from 'minisearch';
import type { LibraryRow } from './library-query';

/**
 * Full-text search over the library: titles, notes, highlighted passages, their comments and tags.
 * An in-memory MiniSearch index built from the rows and kept in step with them incrementally (only
 * rows whose content changed are re-indexed), so nothing is added to the database schema.
 *
 * Why MiniSearch rather than a Dexie multi-entry "words" index: a keystroke would then be an
 * IndexedDB transaction per prefix plus a schema change (a v4 `words` index, rewritten on every
 * save); `npm run bench` measures the in-memory index well under a frame at 10,000 articles.
 */

interface SearchDoc {
  id: string;
  title: string;
  note: string;
  highlights: string;
  comments: string;
  tags: string;
}

/** The index plus what it holds, so an update knows which rows changed. */
export interface LibraryIndex {
  search: MiniSearch<SearchDoc>;
  /** Row key → signature of the indexed text. */
  indexed: Map<string, string>;
}

const FIELDS: (keyof SearchDoc)[] = ['title', 'note', 'highlights', 'comments', 'tags'];

function toDoc(row: LibraryRow): SearchDoc {
  return {
    id: row.key,
    title: row.title,
    note: row.note?.body ?? '',
    highlights: row.highlights.map((h) => h.textQuote.exact).join('\n'),
    comments: row.highlights.map((h) => h.comment ?? '').join('\n'),
    tags: row.tags.join(' '),
  };
}

function signatureOf(doc: SearchDoc): string {
  return FIELDS.map((f) => doc[f]).join('\u0000');
}

/** An empty index; fill it with `syncLibraryIndex`. */
export function createLibraryIndex(): LibraryIndex {
  return {
    search: new MiniSearch<SearchDoc>({
      fields: FIELDS,
      storeFields: [],
      searchOptions: { boost: { title: 2, tags: 2 } },
    }),
    indexed: new Map(),
  };
}

/**
 * Brings the index in line with `rows`: adds new rows, re-indexes changed ones, drops removed ones.
 * Returns how many documents were (re)indexed or removed, which tests and the bench read.
 */
export function syncLibraryIndex(index: LibraryIndex, rows: readonly LibraryRow[]): number {
  let touched = 0;
  const present = new Set<string>();
  for (const row of rows) {
    present.add(row.key);
    const doc = toDoc(row);
    const signature = signatureOf(doc);
    const previous = index.indexed.get(row.key);
    if (previous === signature) continue;
    if (previous === undefined) index.search.add(doc);
    else index.search.replace(doc);
    index.indexed.set(row.key, signature);
    touched++;
  }
  for (const key of index.indexed.keys()) {
    if (present.has(key)) continue;
    index.search.discard(key);
    index.indexed.delete(key);
    touched++;
  }
  return touched;
}

/**
 * The keys of the rows matching every word of `query` (each word as a prefix, so results follow the
 * reader's typing; words of five letters or more also match one typo). Returns null for an empty
 * query, meaning "no search: every row".
 */
export function searchLibrary(index: LibraryIndex, query: string): Set<string> | null {
  if (!query.trim()) return null;
  const results = index.search.search(query, {
    prefix: true,
    fuzzy: (term) => (term.length >= 5 ? 1 : false),
    combineWith: 'AND',
  });
  return new Set(results.map((r) => String(r.id)));
}
