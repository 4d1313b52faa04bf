/**
 * utils/storage/: the database and everything that touches it: Dexie schema (this file), row types
 * (entities.ts), picklists, the notes and highlights repositories, trash, tags, recent articles, the
 * record cache and change watching (watch.ts). Two concerns have their own folder: journals/ (what an
 * editor writes synchronously to extension storage so a closed tab loses no keystroke, the keys the
 * content script checks, and the recovery into the database) and sync/ (the database side of WebDAV
 * sync: reading and writing article bundles, and the sync's own bookkeeping database). The only folder
 * that may import Dexie (ESLint enforces it); it may import utils/ but not components/, entrypoints/
 * or the browser API (extension storage is handed in as an argument).
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
import type { TopicWatch, WatchPaper } from '../topic-watch/model';

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
  topicWatches!: EntityTable<TopicWatch, 'id'>;
  watchPapers!: EntityTable<WatchPaper, 'pmid'>;
  /** True while opening waits for an older version's connection, elsewhere, to close (an upgrade). */
  upgradeBlocked = false;

  constructor(name = DB_NAME) {
    super(name);
    this.on('blocked', () => {
      this.upgradeBlocked = true;
    });
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
    // v4: PubMed watches (saved queries checked on a schedule) and the papers they found, one row per
    // PMID so a paper is announced once; `status` indexed for the badge count. New tables only.
    this.version(4).stores({
      topicWatches: 'id',
      watchPapers: 'pmid, status, foundAt',
    });
  }
}

/** Opens (lazily, on first use) the database; tests pass their own name for isolation. */
export function openDatabase(name = DB_NAME): JakLensDB {
  return new JakLensDB(name);
}

/** Opening the database waits for another page that holds an older version of it. */
export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
}

/**
 * Resolves once `db` is open. When its upgrade is blocked by another connection that keeps an older
 * version open (a JAK Lens page left from before an update, in another tab or window) for longer than
 * `patienceMs`, rejects with DatabaseBlockedError instead of waiting: the caller's write is then never
 * queued behind the upgrade (it would land later, unseen, under a revision the editor never learnt),
 * and the editor keeps the text, says why, and retries. The open itself goes on and completes once
 * the other connection closes. A database closed on purpose is left closed (its operations say so).
 */
export async function whenOpen(db: JakLensDB, patienceMs = 1500): Promise<void> {
  if (db.isOpen() || db.hasBeenClosed()) return;
  const opening = db.open().then(() => {
    db.upgradeBlocked = false;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<'waited'>((resolve) => {
    timer = setTimeout(() => resolve('waited'), patienceMs);
  });
  const first = await Promise.race([opening.then(() => 'open' as const), waited]).finally(() =>
    clearTimeout(timer),
  );
  if (first === 'open') return;
  if (db.upgradeBlocked) {
    opening.catch(() => undefined); // settles later; its outcome is the next call's business
    throw new DatabaseBlockedError(
      'another JAK Lens page still has the notes database open in an older version, so its upgrade waits; close or reload the other JAK Lens tabs and windows',
    );
  }
  await opening;
}
