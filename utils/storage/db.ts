import Dexie, { type EntityTable } from 'dexie';
import type { DiseaseKind, HighlightColor, ReadingStatus, Relevance } from './picklists';

export type { DiseaseKind, HighlightColor, ReadingStatus, Relevance } from './picklists';
import type { CompactRecord } from '../article/compact-record';

/**
 * The one place that declares JAK Lens's IndexedDB schema. The database lives in the extension's origin:
 * the background, popup and library open it; the content script never does (a database opened there would
 * belong to pubmed.ncbi.nlm.nih.gov, readable by the site's scripts).
 *
 * Every schema change is a new `version(n)`; old versions stay declared so any user's database upgrades.
 * When you add one, add its case to `tests/unit/db-upgrade.test.ts`.
 */

export const DB_NAME = 'jak-lens';

/** One entry of the recent-articles list, keyed by `articleKey` ("pmid:123"). */
export interface RecentEntry {
  key: string;
  pmid?: string;
  title: string;
  journal?: string;
  year?: number;
  url: string;
  /** Epoch milliseconds of the latest visit. */
  seenAt: number;
}

/** The classifier's verdict at the reader's last visit, kept so the library can sort and filter. */
export interface VerdictSummary {
  relevance: Relevance;
  /** The myositis found, or null when the article is not about myositis. */
  disease: DiseaseKind | null;
  /** Drug term ids found, e.g. ["drug:baricitinib"]. */
  drugs: string[];
}

/** What JAK Lens remembers about an article the reader has opened. */
export interface ArticleRecord {
  key: string;
  pmid?: string;
  doi?: string;
  pmcid?: string;
  title: string;
  journal?: string;
  year?: number;
  url: string;
  /** Since v2; absent on rows written before the classifier ran. */
  verdict?: VerdictSummary;
  firstSeen: number;
  lastSeen: number;
}

/** The editable part of a note. */
export interface NoteContent {
  body: string;
  /** Normalised (see utils/tags.ts). */
  tags: string[];
  status: ReadingStatus;
}

/** The current note of one article (one per article, keyed by the article key). */
export interface Note extends NoteContent {
  articleKey: string;
  /** Starts at 1 and grows by one on every save; a save must name the revision it was based on. */
  revision: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Text a save tried to write on top of a newer revision (another tab saved first). Kept beside the note,
 * never merged silently, until the reader resolves it.
 */
export interface NoteConflict extends NoteContent {
  id: string;
  articleKey: string;
  /** The revision the losing editor had loaded. */
  baseRevision: number;
  /** The stored revision it would have overwritten. */
  conflictOf: number;
  createdAt: number;
}

/** Why something is in the trash. */
export type TrashReason = 'deleted' | 'conflict-discarded' | 'replaced-by-conflict-copy';

/** A note or conflict copy the reader removed; restorable until the trash is emptied. */
export interface TrashedNote extends NoteContent {
  id: string;
  articleKey: string;
  revision: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number;
  reason: TrashReason;
  /**
   * The article's highlights, when the reader deleted the whole article from the library; restored
   * with the note. Not indexed, so adding it needed no schema version. A trash entry of an article
   * that had highlights but no note has revision 0 and restores no note.
   */
  highlights?: Highlight[];
}

/** W3C Web Annotation TextQuoteSelector, without its `type`. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector, without its `type` (offsets into the root's text). */
export interface TextPosition {
  start: number;
  end: number;
}

/** A passage the reader highlighted, anchored by selectors (re-anchored on every visit). */
export interface Highlight {
  id: string;
  articleKey: string;
  textQuote: TextQuote;
  textPosition: TextPosition;
  color: HighlightColor;
  comment?: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A PubMed record fetched from E-utilities for the search-results badges, kept so the same PMIDs are
 * not fetched again on every search; entries expire (see utils/record-cache.ts).
 */
export interface CachedRecord {
  pmid: string;
  article: CompactRecord;
  /** Epoch milliseconds of the fetch. */
  fetchedAt: number;
}

export class JakLensDB extends Dexie {
  recent!: EntityTable<RecentEntry, 'key'>;
  articles!: EntityTable<ArticleRecord, 'key'>;
  notes!: EntityTable<Note, 'articleKey'>;
  noteConflicts!: EntityTable<NoteConflict, 'id'>;
  trash!: EntityTable<TrashedNote, 'id'>;
  highlights!: EntityTable<Highlight, 'id'>;
  records!: EntityTable<CachedRecord, 'pmid'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1: recent-articles list and the articles seen.
    this.version(1).stores({
      recent: 'key, seenAt',
      articles: 'key, pmid, lastSeen',
    });
    // v2: notes, their conflict copies and trash, and highlights. Articles gain an optional `verdict`;
    // existing rows stay valid without it, so no `.upgrade()` is needed.
    this.version(2).stores({
      notes: 'articleKey, updatedAt, status, *tags',
      noteConflicts: 'id, articleKey',
      trash: 'id, articleKey, deletedAt',
      highlights: 'id, articleKey',
    });
    // v3: cache of E-utilities records for the search-results badges; `fetchedAt` indexed for pruning.
    this.version(3).stores({
      records: 'pmid, fetchedAt',
    });
  }
}

/** Opens (lazily, on first use) the database; tests pass their own name for isolation. */
export function openDatabase(name = DB_NAME): JakLensDB {
  return new JakLensDB(name);
}
