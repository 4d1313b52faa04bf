import {
  facetsOf,
  filterRows,
  sortRows,
  type LibraryFacets,
  type LibraryFilter,
  type LibraryRow,
  type LibrarySort,
} from './query';
import { createLibraryIndex, searchLibrary, syncLibraryIndex, type LibraryIndex } from './search';

/**
 * The library's query engine: every row in memory, its search index, the rows sorted once per order,
 * and one query at a time answered with one page of rows. The library page runs it in a worker
 * (entrypoints/dashboard/library.worker.ts), so loading 50,000 articles, indexing them and scanning
 * them per keystroke never holds up the page; the page gets only the rows it draws. Pure: no
 * database, no messages; the worker feeds it rows and passes its answers on.
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
  /** Rows in the library. */
  total: number;
  facets: LibraryFacets;
  /** The opened article's row (`row` null when it is no longer in the library). */
  open?: { key: string; row: LibraryRow | null };
  /**
   * False while only the most recently edited rows are loaded (the first screen, drawn before the
   * whole library is read): `shown` and `total` are then those of the loaded rows.
   */
  complete: boolean;
}

export class LibraryEngine {
  private rows: LibraryRow[] = [];
  private byKey = new Map<string, LibraryRow>();
  private readonly index: LibraryIndex = createLibraryIndex();
  private readonly sorted = new Map<LibrarySort, LibraryRow[]>();
  private facets: LibraryFacets = { tags: [], antibodies: [], drugs: [], targets: [] };
  private complete = false;

  /** Replaces the rows (the index re-reads only changed rows). `complete`: the whole library. */
  setRows(rows: readonly LibraryRow[], complete: boolean): void {
    this.rows = [...rows];
    this.byKey = new Map(rows.map((r) => [r.key, r]));
    syncLibraryIndex(this.index, rows);
    this.sorted.clear();
    this.facets = facetsOf(rows);
    this.complete = complete;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  /** Every row matching the query's search and filter, in its order. */
  matching(query: Pick<LibraryQuery, 'query' | 'filter' | 'sort'>): LibraryRow[] {
    const hits = searchLibrary(this.index, query.query);
    const sorted = this.sortedBy(query.sort);
    return filterRows(hits ? sorted.filter((r) => hits.has(r.key)) : sorted, query.filter);
  }

  /** The answer to `query`: its first `limit` rows, counts, facets and the opened row. */
  run(query: LibraryQuery, seq: number): LibraryResult {
    const shown = this.matching(query);
    return {
      query: query.query,
      seq,
      rows: shown.slice(0, Math.max(0, query.limit)),
      shown: shown.length,
      total: this.rows.length,
      facets: this.facets,
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
      sorted = sortRows(this.rows, sort);
      this.sorted.set(sort, sorted);
    }
    return sorted;
  }
}
