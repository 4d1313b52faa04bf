import type { ArticleRecord, JakLensDB, RecentEntry } from './db';

/** How many entries the recent-articles list keeps; older ones are dropped first. */
export const RECENT_LIMIT = 500;

/**
 * The part of an article the content script reports when the reader opens it: the stored record without
 * its visit times (its `verdict` is the classifier's on this visit, kept as the verdict "at last visit").
 */
export type SeenArticle = Omit<ArticleRecord, 'firstSeen' | 'lastSeen'>;

/**
 * Records a visit: upserts the article and moves it to the top of the recent list, then trims the list
 * to `limit`. One transaction, so a crash never leaves the two tables disagreeing.
 */
export async function recordVisit(
  db: JakLensDB,
  seen: SeenArticle,
  now = Date.now(),
  limit = RECENT_LIMIT,
): Promise<void> {
  await db.transaction('rw', db.articles, db.recent, async () => {
    const existing = await db.articles.get(seen.key);
    const record: ArticleRecord = {
      ...existing,
      ...withoutUndefined(seen),
      key: seen.key,
      title: seen.title,
      url: seen.url,
      firstSeen: existing?.firstSeen ?? now,
      lastSeen: now,
    };
    await db.articles.put(record);
    const entry: RecentEntry = {
      key: seen.key,
      pmid: seen.pmid,
      title: seen.title,
      journal: seen.journal,
      year: seen.year,
      url: seen.url,
      seenAt: now,
    };
    await db.recent.put(entry);
    const overflow = (await db.recent.count()) - limit;
    if (overflow > 0) {
      const oldest = await db.recent.orderBy('seenAt').limit(overflow).primaryKeys();
      await db.recent.bulkDelete(oldest);
    }
  });
}

/** The recent list, newest first. */
export function listRecent(db: JakLensDB, limit = RECENT_LIMIT): Promise<RecentEntry[]> {
  return db.recent.orderBy('seenAt').reverse().limit(limit).toArray();
}

/** Empties the recent list only; articles (and, later, their notes) are kept. */
export function clearRecent(db: JakLensDB): Promise<void> {
  return db.recent.clear();
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
