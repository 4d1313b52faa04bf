import Dexie, { type EntityTable } from 'dexie';
import type { CompactRecord } from './compact-record';

/**
 * The one place that declares JAK Lens's IndexedDB schema. The database lives in the extension's origin:
 * the background, popup and library open it; the content script never does (a database opened there would
 * belong to pubmed.ncbi.nlm.nih.gov, readable by the site's scripts).
 *
 * Every schema change is a new `version(n)`; old versions stay declared so any user's database upgrades.
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
  firstSeen: number;
  lastSeen: number;
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
  records!: EntityTable<CachedRecord, 'pmid'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1: recent-articles list and the articles seen.
    this.version(1).stores({
      recent: 'key, seenAt',
      articles: 'key, pmid, lastSeen',
    });
    // v2: notes (notes branch)
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
