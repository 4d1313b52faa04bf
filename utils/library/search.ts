import type { LibraryRow } from './query';

/**
 * Full-text search over the library: titles, notes, highlighted passages, their comments and tags.
 * Each row's text is kept once, lower-cased and without diacritics, in memory; a query matches the
 * rows whose text contains every word of it (as typed, so a half-typed word already matches). The
 * index follows the rows incrementally: only rows whose content changed are re-read.
 *
 * Why a scan and not a search library or a Dexie index (`npm run bench`, Node 20, on a shared 2-core
 * machine under load, 10,000 generated articles, rows pre-sorted as on the page): a keystroke took
 * 3.7–9.9 ms median (p95 7–19 ms) with this scan, against 12–27 ms median (p95 40–209 ms) with
 * MiniSearch (prefix search, AND; tests/bench/minisearch-contender.ts): the first letters of a word
 * expand to many terms whose postings cover most of the library. MiniSearch's index also took
 * 1.6–3.8 s to build when the page opens; this one 0.1 s. A Dexie multi-entry "words" index would need
 * a schema change (v4), rewriting on every save, and an IndexedDB round trip per keystroke that
 * reads thousands of keys for a short prefix. What the scan does not do: rank results or forgive
 * typos.
 */

/** The searchable text of every row, and what it was built from. */
export interface LibraryIndex {
  texts: Map<string, { signature: string; text: string }>;
  /** The previous search (folded query and its hits), forgotten whenever the index changes. */
  last?: { query: string; hits: ReadonlySet<string> };
}

/** An empty index; fill it with `syncLibraryIndex`. */
export function createLibraryIndex(): LibraryIndex {
  return { texts: new Map() };
}

/**
 * Brings the index in line with `rows`: adds new rows, re-reads changed ones, drops removed ones.
 * Returns how many rows were (re)read or removed, which tests and the bench check.
 */
export function syncLibraryIndex(index: LibraryIndex, rows: readonly LibraryRow[]): number {
  let touched = 0;
  const present = new Set<string>();
  for (const row of rows) {
    present.add(row.key);
    const signature = signatureOf(row);
    if (index.texts.get(row.key)?.signature === signature) continue;
    index.texts.set(row.key, { signature, text: textOf(row) });
    touched++;
  }
  for (const key of index.texts.keys()) {
    if (present.has(key)) continue;
    index.texts.delete(key);
    touched++;
  }
  if (touched) delete index.last;
  return touched;
}

/**
 * The keys of the rows whose text contains every word of `query` (case and accents ignored).
 * Returns null for an empty query, meaning "no search: every row". The set is shared with the next
 * search: do not modify it.
 *
 * Typing narrows: when the query extends the previous one ("calc" → "calci", "mda5" → "mda5 l"),
 * every word of the previous query is part of a word of this one, so only the previous hits can
 * match and only they are scanned. At 50,000 articles this took a keystroke from a scan of every
 * row to a scan of the few hundred rows still matching (`npm run bench`).
 */
export function searchLibrary(index: LibraryIndex, query: string): ReadonlySet<string> | null {
  const folded = fold(query).trim();
  const words = folded.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const last = index.last;
  const candidates =
    last && folded.startsWith(last.query) ? last.hits : (index.texts.keys() as Iterable<string>);
  const hits = new Set<string>();
  for (const key of candidates) {
    const text = index.texts.get(key)!.text;
    if (words.every((w) => text.includes(w))) hits.add(key);
  }
  index.last = { query: folded, hits };
  return hits;
}

/**
 * What changes when a row's text can change: every note save bumps its revision, highlight edits
 * move `lastEdited`, a deleted highlight changes the count, a visit can change the title. Cheaper
 * than comparing the text of 10,000 rows on every update.
 */
function signatureOf(row: LibraryRow): string {
  return `${row.title}\u0000${row.note?.revision ?? 0}\u0000${row.lastEdited}\u0000${row.highlights.length}`;
}

function textOf(row: LibraryRow): string {
  return fold(
    [
      row.title,
      row.note?.body ?? '',
      ...row.highlights.map((h) => `${h.textQuote.exact}\n${h.comment ?? ''}`),
      ...row.tags,
    ].join('\n'),
  );
}

/** Lower case without diacritics, so "Sjögren" is found by "sjogren". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
