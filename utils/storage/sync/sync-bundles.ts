import type { EntityTable, IDType } from 'dexie';
import type { ArticleRecord, JakLensDB } from '../db';
import {
  canonicalBundle,
  emptyBundle,
  type ArticleBundle,
  type ArticleInfo,
} from '../../sync/bundle';

/**
 * Reads the reader's data grouped by article (the sync unit) and writes a merged article back. Writing
 * checks, inside its transaction, that the article did not change since it was read: a note saved while
 * a sync runs is never overwritten by the sync (the next sync picks it up).
 */

/** Every article that has a note, highlight, conflict copy or trash entry. */
export async function readLocalBundles(db: JakLensDB): Promise<Map<string, ArticleBundle>> {
  return db.transaction(
    'r',
    [db.notes, db.highlights, db.noteConflicts, db.trash, db.articles],
    async () => {
      const bundles = new Map<string, ArticleBundle>();
      const get = (key: string) => {
        let bundle = bundles.get(key);
        if (!bundle) bundles.set(key, (bundle = emptyBundle(key)));
        return bundle;
      };
      for (const note of await db.notes.toArray()) get(note.articleKey).note = note;
      for (const h of await db.highlights.toArray()) get(h.articleKey).highlights.push(h);
      for (const c of await db.noteConflicts.toArray()) get(c.articleKey).conflicts.push(c);
      for (const t of await db.trash.toArray()) get(t.articleKey).trash.push(t);
      const articles = await db.articles.bulkGet([...bundles.keys()]);
      for (const article of articles) if (article) get(article.key).article = infoOf(article);
      return bundles;
    },
  );
}

/** One article as stored now (empty when there is nothing). Call inside a transaction. */
async function readBundle(db: JakLensDB, key: string): Promise<ArticleBundle> {
  const [note, highlights, conflicts, trash, article] = await Promise.all([
    db.notes.get(key),
    db.highlights.where('articleKey').equals(key).toArray(),
    db.noteConflicts.where('articleKey').equals(key).toArray(),
    db.trash.where('articleKey').equals(key).toArray(),
    db.articles.get(key),
  ]);
  const bundle: ArticleBundle = { ...emptyBundle(key), highlights, conflicts, trash };
  if (note) bundle.note = note;
  const hasData = note || highlights.length || conflicts.length || trash.length;
  if (article && hasData) bundle.article = infoOf(article);
  return bundle;
}

/**
 * Replaces the article's data with `merged`, if the stored data still canonicalises to `expected`.
 * Returns false (and writes nothing) when the reader changed the article meanwhile.
 */
export async function applyBundle(
  db: JakLensDB,
  merged: ArticleBundle,
  expected: string,
  now = Date.now(),
): Promise<boolean> {
  const [applied] = await applyBundles(db, [{ merged, expected }], now);
  return applied ?? false;
}

/**
 * `applyBundle` for many articles in one transaction: each is checked and written on its own terms
 * (true = written, false = the reader changed it meanwhile), but a first sync of thousands of articles
 * pays one IndexedDB commit per batch instead of one per article.
 */
export function applyBundles(
  db: JakLensDB,
  items: readonly { merged: ArticleBundle; expected: string }[],
  now = Date.now(),
): Promise<boolean[]> {
  const tables = [db.notes, db.highlights, db.noteConflicts, db.trash, db.articles];
  return db.transaction('rw', tables, async () => {
    const results: boolean[] = [];
    for (const { merged, expected } of items) {
      const key = merged.articleKey;
      const current = await readBundle(db, key);
      if (canonicalBundle(current) !== expected) {
        results.push(false);
        continue;
      }
      if (merged.note) await db.notes.put(merged.note);
      else if (current.note) await db.notes.delete(key);
      await replaceAll(db.highlights, current.highlights, merged.highlights);
      await replaceAll(db.noteConflicts, current.conflicts, merged.conflicts);
      await replaceAll(db.trash, current.trash, merged.trash);
      if (merged.article && !current.article) {
        const stored = await db.articles.get(key);
        const record: ArticleRecord = stored ?? {
          ...merged.article,
          firstSeen: now,
          lastSeen: now,
        };
        await db.articles.put(record);
      }
      results.push(true);
    }
    return results;
  });
}

async function replaceAll<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  current: T[],
  next: T[],
): Promise<void> {
  const keep = new Set(next.map((i) => i.id));
  const gone = current.filter((i) => !keep.has(i.id)).map((i) => i.id as IDType<T, 'id'>);
  if (gone.length) await table.bulkDelete(gone);
  if (next.length) await table.bulkPut(next);
}

function infoOf(article: ArticleRecord): ArticleInfo {
  const { firstSeen: _first, lastSeen: _last, ...info } = article;
  return info;
}
