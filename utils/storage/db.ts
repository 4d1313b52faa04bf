/**
 * utils/storage/: the database and everything that touches it: Dexie schema (this file), row types
 * (entities.ts), picklists, the notes and highlights repositories, trash, tags, recent articles and the
 * record cache. The only folder that may import Dexie (ESLint enforces it).
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  ArticleRecord,
  CachedRecord,
  Highlight,
  Note,
  NoteConflict,
  RecentEntry,
  TrashedNote,
} from './entities';

// The row types live in ./entities (no Dexie there); re-exported for the modules that open the database.
export type * from './entities';

/**
 * The one place that declares JAK Lens's IndexedDB schema. The database lives in the extension's origin:
 * the background, popup and library open it; the content script never does (a database opened there would
 * belong to pubmed.ncbi.nlm.nih.gov, readable by the site's scripts).
 *
 * Every schema change is a new `version(n)`; old versions stay declared so any user's database upgrades.
 * When you add one, add its case to `tests/unit/storage/db-upgrade.test.ts`.
 */

export const DB_NAME = 'jak-lens';

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
