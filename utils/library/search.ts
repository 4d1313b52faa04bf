import type { LibraryRow } from './query';
import { fold, textOf } from './search-rule';

/**
 * Full-text search over the library: titles, notes, highlighted passages, their comments and tags.
 * A query matches the rows whose text contains every word of it, anywhere, as typed (the rule and what
 * a row's text is: search-rule.ts); the index below answers that rule without reading every text.
 *
 * The index: every row's folded text is split at whitespace into tokens, and each distinct token
 * lists the rows that hold it (postings). A query word has no whitespace, so a text contains it
 * exactly when one of the text's tokens does: the rows matching a word are the union of the
 * postings of the vocabulary's tokens that contain it. Finding those tokens scans the vocabulary
 * (tens of thousands of short strings, not megabytes of notes), and is remembered per word, so a
 * word being typed re-checks only the tokens its shorter form matched. When a word's postings are
 * many (a single letter), reading the candidate rows' texts is cheaper and gives the same answer, so
 * the search picks whichever reads less. Either way the result is exactly `matchesText`'s (property
 * tests compare the two on random texts and queries).
 *
 * History (`npm run bench`, `npm run bench:library-page`): a plain scan of every text per keystroke
 * took 25–50 ms at 50,000 articles, the key sets it built most of the rest; MiniSearch (prefix
 * tokens, tests/bench/minisearch-contender.ts) was slower still and cannot find "inib". A Dexie
 * multi-entry "words" index would need a schema change and an IndexedDB round trip per keystroke.
 * What the search does not do: rank results or forgive typos.
 *
 * Rows are added, re-read (when their signature changes) and removed incrementally, so the library
 * page can index its rows chunk by chunk as it reads them. A re-read or removed row's old entry is
 * left in the postings and skipped (its id is dead); the index is compacted when the dead are as
 * many as the living.
 */

export class LibraryIndex {
  /** The id of each key's current entry. */
  readonly ids = new Map<string, number>();
  /** By entry id: its key (undefined once dead), folded text and signature. */
  keys: (string | undefined)[] = [];
  texts: string[] = [];
  signatures: string[] = [];
  dead = 0;
  /** The vocabulary: token → token id; by token id: the token and the entries holding it. */
  tokenIds = new Map<string, number>();
  tokens: string[] = [];
  postings: number[][] = [];
  /** Tokens found to contain a word: the first `upTo` tokens were checked. Survives additions. */
  wordTokens = new Map<string, { upTo: number; ids: number[] }>();
  /** The previous search (folded query and its hits), forgotten whenever the entries change. */
  last?: { query: string; hits: number[] };
  /** Scratch marks for unions of postings (stamped with `stamp`, so never cleared). */
  marks = new Uint32Array(0);
  stamp = 0;
  /**
   * Reading a text costs about as much as this many postings entries: a word whose postings exceed
   * this many per candidate row is checked by reading the candidates' texts instead. Both give the
   * same rows (tests run both); only the time differs.
   */
  scanFactor = 32;

  get size(): number {
    return this.ids.size;
  }
}

/** The rows matching a search: `has(key)`, how many, and their keys. */
export interface LibraryHits {
  readonly size: number;
  has(key: string): boolean;
  keys(): string[];
}

/** An empty index; fill it with `syncLibraryIndex` or `updateLibraryIndex`. */
export function createLibraryIndex(): LibraryIndex {
  return new LibraryIndex();
}

/**
 * Brings the index in line with `rows` (the whole library): adds new rows, re-reads changed ones,
 * drops removed ones. Returns how many rows were (re)read or removed, which tests and the bench check.
 */
export function syncLibraryIndex(index: LibraryIndex, rows: readonly LibraryRow[]): number {
  const present = new Set(rows.map((r) => r.key));
  const removed = [...index.ids.keys()].filter((key) => !present.has(key));
  return updateLibraryIndex(index, rows, removed);
}

/**
 * Adds or re-reads `rows` (only those whose signature changed) and removes `removed` keys; other
 * rows are kept. Returns how many rows were (re)read or removed.
 */
export function updateLibraryIndex(
  index: LibraryIndex,
  rows: readonly LibraryRow[],
  removed: Iterable<string> = [],
): number {
  let touched = 0;
  for (const key of removed) {
    if (kill(index, key)) touched++;
  }
  for (const row of rows) {
    const signature = signatureOf(row);
    const id = index.ids.get(row.key);
    if (id !== undefined && index.signatures[id] === signature) continue;
    if (id !== undefined) kill(index, row.key);
    add(index, row.key, fold(textOf(row)), signature);
    touched++;
  }
  if (touched) delete index.last;
  if (index.dead > 1000 && index.dead >= index.size) compact(index);
  return touched;
}

/**
 * The rows whose text contains every word of `query` (case and accents ignored). Returns null for
 * an empty query, meaning "no search: every row".
 *
 * Typing narrows: when the query extends the previous one ("calc" → "calci", "mda5" → "mda5 l"),
 * every word of the previous query is part of a word of this one, so only the previous hits can
 * match and only they are checked.
 */
export function searchLibraryHits(index: LibraryIndex, query: string): LibraryHits | null {
  const folded = fold(query).trim();
  const words = [...new Set(folded.split(/\s+/).filter(Boolean))];
  if (words.length === 0) return null;
  const last = index.last;
  let candidates: number[] | undefined =
    last && folded.startsWith(last.query) ? last.hits : undefined;
  // The cheapest word first: later words only check what is left.
  const plans = words
    .map((word) => {
      const tokens = tokensContaining(index, word);
      let cost = 0;
      for (const t of tokens) cost += index.postings[t]!.length;
      return { word, tokens, cost };
    })
    .sort((a, b) => a.cost - b.cost);
  for (const { word, tokens, cost } of plans) {
    if (candidates && candidates.length === 0) break;
    const scanCost = (candidates?.length ?? index.size) * index.scanFactor;
    if (cost <= scanCost) {
      const stamp = mark(index, tokens);
      const marks = index.marks;
      if (candidates) candidates = candidates.filter((id) => marks[id] === stamp);
      else {
        candidates = [];
        for (const t of tokens) {
          for (const id of index.postings[t]!) {
            if (marks[id] !== stamp || index.keys[id] === undefined) continue;
            marks[id] = 0; // listed once
            candidates.push(id);
          }
        }
      }
    } else {
      const texts = index.texts;
      candidates = (candidates ?? liveIds(index)).filter((id) => texts[id]!.includes(word));
    }
  }
  const hits = candidates ?? [];
  index.last = { query: folded, hits };
  return hitsOf(index, hits);
}

/** `searchLibraryHits` as a set of keys (tests and the bench). */
export function searchLibrary(index: LibraryIndex, query: string): ReadonlySet<string> | null {
  const hits = searchLibraryHits(index, query);
  return hits ? new Set(hits.keys()) : null;
}

/**
 * What changes when a row's text can change: every note save bumps its revision, highlight edits
 * move `lastEdited`, a deleted highlight changes the count, a visit can change the title. Cheaper
 * than comparing the text of 10,000 rows on every update.
 */
function signatureOf(row: LibraryRow): string {
  return `${row.title}\u0000${row.note?.revision ?? 0}\u0000${row.lastEdited}\u0000${row.highlights.length}`;
}

function add(index: LibraryIndex, key: string, text: string, signature: string): void {
  const id = index.keys.length;
  index.keys.push(key);
  index.texts.push(text);
  index.signatures.push(signature);
  index.ids.set(key, id);
  for (const token of new Set(text.split(/\s+/))) {
    if (!token) continue;
    let t = index.tokenIds.get(token);
    if (t === undefined) {
      t = index.tokens.length;
      index.tokenIds.set(token, t);
      index.tokens.push(token);
      index.postings.push([]);
    }
    index.postings[t]!.push(id);
  }
}

function kill(index: LibraryIndex, key: string): boolean {
  const id = index.ids.get(key);
  if (id === undefined) return false;
  index.ids.delete(key);
  index.keys[id] = undefined;
  index.texts[id] = '';
  index.dead++;
  return true;
}

/** Rebuilds the entries and postings from the living entries (texts are kept, not folded again). */
function compact(index: LibraryIndex): void {
  const living = liveIds(index).map((id) => ({
    key: index.keys[id]!,
    text: index.texts[id]!,
    signature: index.signatures[id]!,
  }));
  index.ids.clear();
  index.keys = [];
  index.texts = [];
  index.signatures = [];
  index.dead = 0;
  index.tokenIds = new Map();
  index.tokens = [];
  index.postings = [];
  index.wordTokens.clear();
  delete index.last;
  for (const entry of living) add(index, entry.key, entry.text, entry.signature);
}

function liveIds(index: LibraryIndex): number[] {
  const ids: number[] = [];
  for (let id = 0; id < index.keys.length; id++) if (index.keys[id] !== undefined) ids.push(id);
  return ids;
}

/** The vocabulary's tokens containing `word`, from the tokens a shorter form of it matched. */
function tokensContaining(index: LibraryIndex, word: string): number[] {
  const known = index.wordTokens.get(word);
  if (known && known.upTo === index.tokens.length) return known.ids;
  // A word contains the words it was typed from: only their tokens can contain it.
  let from: { upTo: number; ids: number[] } | undefined = known;
  if (!from) {
    for (const [shorter, entry] of index.wordTokens) {
      if (word.includes(shorter) && (!from || entry.ids.length < from.ids.length)) from = entry;
    }
  }
  const tokens = index.tokens;
  const ids = from ? from.ids.filter((t) => tokens[t]!.includes(word)) : [];
  for (let t = from?.upTo ?? 0; t < tokens.length; t++) if (tokens[t]!.includes(word)) ids.push(t);
  // Kept for the words of recent queries only.
  if (index.wordTokens.size > 256) index.wordTokens.clear();
  const entry = { upTo: tokens.length, ids };
  index.wordTokens.set(word, entry);
  return ids;
}

/** Stamps every entry listed by `tokens`; returns the stamp. */
function mark(index: LibraryIndex, tokens: readonly number[]): number {
  if (index.marks.length < index.keys.length) {
    const grown = new Uint32Array(Math.max(1024, index.keys.length * 2));
    grown.set(index.marks);
    index.marks = grown;
  }
  const stamp = ++index.stamp;
  const marks = index.marks;
  for (const t of tokens) for (const id of index.postings[t]!) marks[id] = stamp;
  return stamp;
}

function hitsOf(index: LibraryIndex, hits: readonly number[]): LibraryHits {
  const mask = new Uint8Array(index.keys.length);
  for (const id of hits) mask[id] = 1;
  const entryOf = index.ids;
  return {
    size: hits.length,
    has: (key) => {
      const id = entryOf.get(key);
      return id !== undefined && mask[id] === 1;
    },
    keys: () => hits.map((id) => index.keys[id]!),
  };
}
