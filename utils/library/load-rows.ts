/**
 * Reading the library's rows from the database: the whole library, one chunk of it in key order, or
 * the most recently edited first screen. Each read is one read transaction, so the join of notes,
 * highlights, conflict copies and article records is consistent; the rows themselves are built by the
 * pure buildLibraryRows (query.ts), so that tests and the bench build rows without a database.
 */
import type { ArticleRecord, JakLensDB } from '../storage/db';
import { buildLibraryRows, type LibraryRow } from './query';

/** Above this many annotated articles, the rows read the whole articles table (see loadLibraryRows). */
const BULK_READ_ABOVE = 500;

/** Reads every table the rows need in one read transaction and builds the rows. */
export function loadLibraryRows(db: JakLensDB): Promise<LibraryRow[]> {
  return db.transaction('r', db.articles, db.notes, db.highlights, db.noteConflicts, async () => {
    const [notes, highlights, conflicts] = await Promise.all([
      db.notes.toArray(),
      db.highlights.toArray(),
      db.noteConflicts.toArray(),
    ]);
    const keys = [...new Set([...notes, ...highlights, ...conflicts].map((r) => r.articleKey))];
    // A get per key is 50,000 round trips to the database at 50,000 articles; reading the whole
    // table at once (it also holds articles only visited) is far quicker once there are many.
    const articles =
      keys.length > BULK_READ_ABOVE
        ? await db.articles.toArray()
        : (await db.articles.bulkGet(keys)).filter((a): a is ArticleRecord => a !== undefined);
    return buildLibraryRows(articles, notes, highlights, conflicts);
  });
}

/**
 * One chunk of the library, in key order: the rows of the articles whose keys are after `after`
 * (from the first, when undefined) up to the `limit`-th note's key, or to the end for the last
 * chunk (`upTo` undefined). Each chunk is one read transaction and holds every note, highlight,
 * conflict copy and article record of its key range, so its rows are whole, and the chunks of one
 * pass are the rows `loadLibraryRows` builds. The library page reads the library this way so that
 * it can search what it has read while it reads the rest.
 */
export function loadLibraryChunk(
  db: JakLensDB,
  after: string | undefined,
  limit: number,
): Promise<{ rows: LibraryRow[]; upTo: string | undefined }> {
  return db.transaction('r', db.articles, db.notes, db.highlights, db.noteConflicts, async () => {
    const notes = await (
      after === undefined ? db.notes.orderBy(':id') : db.notes.where(':id').above(after)
    )
      .limit(limit)
      .toArray();
    const upTo = notes.length === limit ? notes.at(-1)?.articleKey : undefined;
    // Keys are strings, and every string sorts at or after ''.
    const inRange = <C>(clause: {
      above(key: string): C;
      aboveOrEqual(key: string): C;
      between(lower: string, upper: string, includeLower: boolean, includeUpper: boolean): C;
    }) =>
      upTo === undefined
        ? after === undefined
          ? clause.aboveOrEqual('')
          : clause.above(after)
        : clause.between(after ?? '', upTo, after === undefined, true);
    const [highlights, conflicts] = await Promise.all([
      inRange(db.highlights.where('articleKey')).toArray(),
      inRange(db.noteConflicts.where('articleKey')).toArray(),
    ]);
    const keys = [...new Set([...notes, ...highlights, ...conflicts].map((r) => r.articleKey))];
    // A range read also returns articles only visited, but it is one request, where a get per key
    // is one request per key (as in loadLibraryRows).
    const articles =
      keys.length > BULK_READ_ABOVE
        ? await inRange(db.articles.where(':id')).toArray()
        : (await db.articles.bulkGet(keys)).filter((a): a is ArticleRecord => a !== undefined);
    return { rows: buildLibraryRows(articles, notes, highlights, conflicts), upTo };
  });
}

/** Whether `key` lies in a chunk's range (see loadLibraryChunk). */
export function inChunk(key: string, after: string | undefined, upTo: string | undefined): boolean {
  return (after === undefined || key > after) && (upTo === undefined || key <= upTo);
}

/**
 * The rows of the `limit` most recently edited notes, read through the notes' `updatedAt` index: a
 * first screen drawn before the whole library is read. Only an approximation of the top of the
 * "last edited" order (an article whose latest edit is a highlight or a conflict copy, or that has no
 * note, can be missing): the library replaces it with the full rows moments later.
 */
export function loadRecentRows(db: JakLensDB, limit: number): Promise<LibraryRow[]> {
  return db.transaction('r', db.articles, db.notes, db.highlights, db.noteConflicts, async () => {
    const notes = await db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
    const keys = notes.map((n) => n.articleKey);
    const [highlights, conflicts, articles] = await Promise.all([
      db.highlights.where('articleKey').anyOf(keys).toArray(),
      db.noteConflicts.where('articleKey').anyOf(keys).toArray(),
      db.articles.bulkGet(keys),
    ]);
    const known = articles.filter((a): a is ArticleRecord => a !== undefined);
    return buildLibraryRows(known, notes, highlights, conflicts);
  });
}

/** How many notes were created after `since` (epoch ms): the backup reminder's count. */
export function countNotesCreatedSince(db: JakLensDB, since: number): Promise<number> {
  return db.notes.filter((n) => n.createdAt > since).count();
}
