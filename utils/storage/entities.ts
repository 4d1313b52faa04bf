/**
 * The records JAK Lens stores, one type per table row (the schema itself is utils/storage/db.ts).
 * Types only: the message schemas, exports and components use them without bundling Dexie.
 */
import type { DiseaseKind, HighlightColor, ReadingStatus, Relevance } from './picklists';
import type { CompactRecord } from '../article/compact-record';

export type { DiseaseKind, HighlightColor, ReadingStatus, Relevance } from './picklists';

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
  /** Normalised (see utils/storage/tags.ts). */
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
 * not fetched again on every search; entries expire (see utils/storage/record-cache.ts).
 */
export interface CachedRecord {
  pmid: string;
  article: CompactRecord;
  /** Epoch milliseconds of the fetch. */
  fetchedAt: number;
}
