/**
 * utils/library/: the library page's logic: rows and their query, full-text search, exports (JSON
 * backup, CSV, Markdown, RIS, Web Annotation), and backup import (schema, duplicate keys, the plan). May
 * import utils/storage/ and utils/knowledge/.
 */
import type {
  ArticleRecord,
  Highlight,
  Note,
  NoteConflict,
  ReadingStatus,
  Relevance,
  VerdictSummary,
} from '../storage/db';
import { getDrug } from '../knowledge/drugs';

/**
 * The library's rows: one per article that has a note, a highlight or a conflict copy, joined with
 * what JAK Lens remembers about the article. Building, filtering and sorting are pure (this module);
 * reading the tables they are built from is load-rows.ts.
 */

/** One library row. */
export interface LibraryRow {
  key: string;
  pmid?: string;
  doi?: string;
  title: string;
  journal?: string;
  year?: number;
  url: string;
  verdict?: VerdictSummary;
  /** Drug term ids from the verdict, e.g. "drug:baricitinib". */
  drugs: string[];
  /** JAK-family targets of those drugs (verified only), e.g. "JAK1". */
  targets: string[];
  note?: Note;
  tags: string[];
  status?: ReadingStatus;
  highlights: Highlight[];
  conflicts: number;
  /** The first lines of the note, for the table. */
  snippet: string;
  /** The latest edit of the note, a highlight or a conflict copy (epoch ms). */
  lastEdited: number;
}

/** What the reader narrows the library to; an absent field does not filter. */
export interface LibraryFilter {
  tag?: string;
  /** An antibody tag the reader gave the note, e.g. "antibody:mda5". */
  antibody?: string;
  drug?: string;
  target?: string;
  relevance?: Relevance;
  status?: ReadingStatus;
}

export const LIBRARY_SORTS = ['edited', 'year', 'title'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** The values present in the rows, for the filter menus. */
export interface LibraryFacets {
  tags: string[];
  /** The tags that name a myositis antibody ("antibody:mda5"). */
  antibodies: string[];
  drugs: string[];
  targets: string[];
}

const SNIPPET_LINES = 2;
const SNIPPET_CHARS = 160;

/** Joins the tables into rows (pure; see the module comment for which articles get a row). */
export function buildLibraryRows(
  articles: readonly ArticleRecord[],
  notes: readonly Note[],
  highlights: readonly Highlight[],
  conflicts: readonly NoteConflict[] = [],
): LibraryRow[] {
  const byKey = new Map(articles.map((a) => [a.key, a]));
  const notesByKey = new Map(notes.map((n) => [n.articleKey, n]));
  const highlightsByKey = groupBy(highlights, (h) => h.articleKey);
  const conflictsByKey = groupBy(conflicts, (c) => c.articleKey);
  const keys = new Set([...notesByKey.keys(), ...highlightsByKey.keys(), ...conflictsByKey.keys()]);
  const rows: LibraryRow[] = [];
  for (const key of keys) {
    const article = byKey.get(key);
    const note = notesByKey.get(key);
    const marks = (highlightsByKey.get(key) ?? []).sort(
      (a, b) => a.textPosition.start - b.textPosition.start || a.createdAt - b.createdAt,
    );
    const copies = conflictsByKey.get(key) ?? [];
    const drugs = article?.verdict?.drugs ?? [];
    rows.push({
      key,
      ...(article?.pmid ? { pmid: article.pmid } : pmidOf(key)),
      ...(article?.doi ? { doi: article.doi } : {}),
      // An article seen only through an imported note has no record: its key stands in for a title.
      title: article?.title || key,
      ...(article?.journal ? { journal: article.journal } : {}),
      ...(article?.year !== undefined ? { year: article.year } : {}),
      url: article?.url ?? fallbackUrl(key),
      ...(article?.verdict ? { verdict: article.verdict } : {}),
      drugs,
      targets: targetsOf(drugs),
      ...(note ? { note, status: note.status } : {}),
      tags: note?.tags ?? [],
      highlights: marks,
      conflicts: copies.length,
      snippet: snippetOf(note?.body ?? ''),
      lastEdited: Math.max(
        note?.updatedAt ?? 0,
        ...marks.map((h) => h.updatedAt),
        ...copies.map((c) => c.createdAt),
      ),
    });
  }
  return rows;
}

/** The rows that pass every set field of `filter` (tags compare case-insensitively). */
export function filterRows(rows: readonly LibraryRow[], filter: LibraryFilter): LibraryRow[] {
  const tag = filter.tag?.toLowerCase();
  const antibody = filter.antibody?.toLowerCase();
  return rows.filter(
    (row) =>
      (!tag || row.tags.some((t) => t.toLowerCase() === tag)) &&
      (!antibody || row.tags.some((t) => t.toLowerCase() === antibody)) &&
      (!filter.drug || row.drugs.includes(filter.drug)) &&
      (!filter.target || row.targets.includes(filter.target)) &&
      (!filter.relevance || row.verdict?.relevance === filter.relevance) &&
      (!filter.status || row.status === filter.status),
  );
}

/** A sorted copy: last edited (newest first), year (newest first, unknown last) or title (A–Z). */
export function sortRows(rows: readonly LibraryRow[], sort: LibrarySort): LibraryRow[] {
  return [...rows].sort(ROW_ORDERS[sort]);
}

/**
 * Titles and facet values compare as `localeCompare(…, undefined, { sensitivity: 'base' })` did; one
 * collator does the same comparison without setting it up per call (sorting 50,000 rows by year,
 * with many ties broken by title, took a second with localeCompare).
 */
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
/** Rows equal in an order keep one order whatever the input's: by key (unique). */
const byKey = (a: LibraryRow, b: LibraryRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byTitle = (a: LibraryRow, b: LibraryRow) => collator.compare(a.title, b.title) || byKey(a, b);

/** Each order's comparison (sortRows; the library engine merges new rows in with the same). */
export const ROW_ORDERS: Record<LibrarySort, (a: LibraryRow, b: LibraryRow) => number> = {
  edited: (a, b) => b.lastEdited - a.lastEdited || byTitle(a, b),
  year: (a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || byTitle(a, b),
  title: byTitle,
};

/** Facet values as the filter menus list them (equal ones, e.g. "Review" and "review", by code). */
export function sortFacetValues(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Tags, drugs and targets present in the rows, sorted, for the filter menus. */
export function facetsOf(rows: readonly LibraryRow[]): LibraryFacets {
  const collect = (pick: (r: LibraryRow) => string[]) =>
    sortFacetValues(new Set(rows.flatMap(pick)));
  return {
    tags: collect((r) => r.tags),
    antibodies: collect((r) => r.tags.filter(isAntibodyTag)),
    drugs: collect((r) => r.drugs),
    targets: collect((r) => r.targets),
  };
}

/** A tag that names a myositis antibody ("antibody:mda5"). */
export const isAntibodyTag = (tag: string) => /^antibody:/i.test(tag);

/** The first non-empty lines of a note, shortened for a table cell. */
export function snippetOf(body: string): string {
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, SNIPPET_LINES)
    .join(' · ');
  return lines.length > SNIPPET_CHARS ? `${lines.slice(0, SNIPPET_CHARS - 1)}…` : lines;
}

function targetsOf(drugs: readonly string[]): string[] {
  return [...new Set(drugs.flatMap((id) => getDrug(id)?.jakTargets ?? []))].sort();
}

function pmidOf(key: string): { pmid?: string } {
  const match = /^pmid:(\d+)$/.exec(key);
  return match?.[1] ? { pmid: match[1] } : {};
}

function fallbackUrl(key: string): string {
  const [kind, id = ''] = key.split(/:(.*)/s);
  if (kind === 'pmid') return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(id)}/`;
  if (kind === 'doi') return `https://doi.org/${encodeURI(id)}`;
  return `https://pmc.ncbi.nlm.nih.gov/articles/${encodeURIComponent(id)}/`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
