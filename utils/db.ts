import Dexie, { type EntityTable } from 'dexie';

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

export class JakLensDB extends Dexie {
  recent!: EntityTable<RecentEntry, 'key'>;
  articles!: EntityTable<ArticleRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1: recent-articles list and the articles seen.
    this.version(1).stores({
      recent: 'key, seenAt',
      articles: 'key, pmid, lastSeen',
    });
  }
}

/** Opens (lazily, on first use) the database; tests pass their own name for isolation. */
export function openDatabase(name = DB_NAME): JakLensDB {
  return new JakLensDB(name);
}
