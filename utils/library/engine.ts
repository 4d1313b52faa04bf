import {
  filterRows,
  isAntibodyTag,
  ROW_ORDERS,
  sortFacetValues,
  sortRows,
  type LibraryFacets,
  type LibraryFilter,
  type LibraryRow,
  type LibrarySort,
} from './query';
import {
  createLibraryIndex,
  searchLibraryHits,
  updateLibraryIndex,
  type LibraryIndex,
} from './search';

/**
 * The library's query engine: the rows read so far, their search index, the rows sorted per order,
 * and one query at a time answered with one page of rows. The library page runs it in a worker
 * (entrypoints/dashboard/library.worker.ts), which feeds it the library chunk by chunk as it reads
 * it (`putRows`) and answers the page's query over what it holds, saying how much that is; the page
 * gets only the rows it draws. Pure: no database, no messages.
 *
 * Every update is incremental: the index re-reads only changed rows, sorted orders merge the new rows
 * in, facet counts move by the rows added and removed. At 50,000 articles a chunk of a few hundred
 * rows costs milliseconds, so a keystroke is never queued behind the whole library's read.
 */

/** What the page shows: the search, the filter, the order, how many rows, and an opened article. */
export interface LibraryQuery {
  query: string;
  filter: LibraryFilter;
  sort: LibrarySort;
  /** Rows wanted, from the top of the result. */
  limit: number;
  /** The article opened in the detail view, sent along whatever the search. */
  open?: string;
}

/** One answer: the first `limit` rows of the result, its size, and the whole library's facets. */
export interface LibraryResult {
  /** The search these rows answer (as the page sent it), so the page can tell a stale answer. */
  query: string;
  /** Sequence number of the query answered (the page's own counter). */
  seq: number;
  rows: LibraryRow[];
  /** Rows matching search and filter. */
  shown: number;
  /** Rows in the library (read so far, while `complete` is false). */
  total: number;
  /** Rows the library is expected to hold once read (the notes counted at the start), ≥ total. */
  expected: number;
  facets: LibraryFacets;
  /** The opened article's row (`row` null when it is no longer in the library). */
  open?: { key: string; row: LibraryRow | null };
  /**
   * False while the library is still being read (first the most recently edited notes, then chunk
   * by chunk): `rows`, `shown`, `total` and `facets` are then those of the rows read so far.
   */
  complete: boolean;
}

type FacetName = keyof LibraryFacets;
const FACET_PICKS: Record<FacetName, (row: LibraryRow) => readonly string[]> = {
  tags: (r) => r.tags,
  antibodies: (r) => r.tags.filter(isAntibodyTag),
  drugs: (r) => r.drugs,
  targets: (r) => r.targets,
};

export class LibraryEngine {
  private readonly byKey = new Map<string, LibraryRow>();
  private readonly index: LibraryIndex = createLibraryIndex();
  private readonly sorted = new Map<LibrarySort, LibraryRow[]>();
  /** How many rows hold each facet value (a value listed once per row, as facetsOf counts). */
  private readonly facetCounts = new Map<FacetName, Map<string, number>>(
    (Object.keys(FACET_PICKS) as FacetName[]).map((name) => [name, new Map()]),
  );
  private facets?: LibraryFacets;
  private complete = false;
  private expectedRows = 0;

  /** Replaces every row (the index re-reads only changed rows). `complete`: the whole library. */
  setRows(rows: readonly LibraryRow[], complete: boolean): void {
    this.putRows(rows, () => true, complete);
  }

  /**
   * Replaces the rows whose keys satisfy `inRange` (a chunk's key range) by `rows`: those of the
   * range that `rows` lacks are removed, others are kept. `complete`: the library is now whole.
   */
  putRows(rows: readonly LibraryRow[], inRange: (key: string) => boolean, complete: boolean): void {
    const incoming = new Map(rows.map((r) => [r.key, r]));
    const removed: string[] = [];
    for (const key of this.byKey.keys()) {
      if (!incoming.has(key) && inRange(key)) removed.push(key);
    }
    const changed = new Set(removed);
    for (const key of removed) {
      this.countFacets(this.byKey.get(key)!, -1);
      this.byKey.delete(key);
    }
    for (const row of rows) {
      const old = this.byKey.get(row.key);
      if (old) this.countFacets(old, -1);
      this.countFacets(row, 1);
      this.byKey.set(row.key, row);
      changed.add(row.key);
    }
    updateLibraryIndex(this.index, rows, removed);
    for (const [sort, sorted] of this.sorted) {
      const kept = changed.size ? sorted.filter((r) => !changed.has(r.key)) : sorted;
      this.sorted.set(sort, merge(kept, sortRows(rows, sort), ROW_ORDERS[sort]));
    }
    if (changed.size) this.facets = undefined;
    this.complete = complete;
  }

  /** How many rows the library is expected to hold (shown while it is read). */
  expect(rows: number): void {
    this.expectedRows = rows;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Every row matching the query's search and filter, in its order. */
  matching(query: Pick<LibraryQuery, 'query' | 'filter' | 'sort'>): LibraryRow[] {
    const hits = searchLibraryHits(this.index, query.query);
    const sorted = this.sortedBy(query.sort);
    const found = !hits ? sorted : hits.size === 0 ? [] : sorted.filter((r) => hits.has(r.key));
    return Object.values(query.filter).some((v) => v !== undefined)
      ? filterRows(found, query.filter)
      : found;
  }

  /** The answer to `query`: its first `limit` rows, counts, facets and the opened row. */
  run(query: LibraryQuery, seq: number): LibraryResult {
    const shown = this.matching(query);
    return {
      query: query.query,
      seq,
      rows: shown.slice(0, Math.max(0, query.limit)),
      shown: shown.length,
      total: this.byKey.size,
      expected: Math.max(this.expectedRows, this.byKey.size),
      facets: this.facetsNow(),
      ...(query.open !== undefined
        ? { open: { key: query.open, row: this.byKey.get(query.open) ?? null } }
        : {}),
      complete: this.complete,
    };
  }

  /** The rows of these keys, in the library's order of last edit (for exports and bulk actions). */
  rowsOf(keys: ReadonlySet<string> | 'all'): LibraryRow[] {
    const sorted = this.sortedBy('edited');
    return keys === 'all' ? sorted : sorted.filter((r) => keys.has(r.key));
  }

  private sortedBy(sort: LibrarySort): LibraryRow[] {
    let sorted = this.sorted.get(sort);
    if (!sorted) {
      sorted = sortRows([...this.byKey.values()], sort);
      this.sorted.set(sort, sorted);
    }
    return sorted;
  }

  private countFacets(row: LibraryRow, by: 1 | -1): void {
    for (const [name, pick] of Object.entries(FACET_PICKS) as [
      FacetName,
      typeof FACET_PICKS.tags,
    ][]) {
      const counts = this.facetCounts.get(name)!;
      for (const value of new Set(pick(row))) {
        const n = (counts.get(value) ?? 0) + by;
        if (n > 0) counts.set(value, n);
        else counts.delete(value);
      }
    }
  }

  private facetsNow(): LibraryFacets {
    this.facets ??= {
      tags: sortFacetValues(this.facetCounts.get('tags')!.keys()),
      antibodies: sortFacetValues(this.facetCounts.get('antibodies')!.keys()),
      drugs: sortFacetValues(this.facetCounts.get('drugs')!.keys()),
      targets: sortFacetValues(this.facetCounts.get('targets')!.keys()),
    };
    return this.facets;
  }
}

/** Merges two lists sorted by `compare` into one. */
function merge<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a as T[];
  if (a.length === 0) return b as T[];
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
