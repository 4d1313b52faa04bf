import type { Article } from '../article';
import { toCompactRecord, type CompactRecord } from '../article/compact-record';
import type { CachedRecord, JakLensDB } from './db';

/**
 * The cache of E-utilities records (table `records`, db v3). Records change rarely (MeSH indexing
 * lands weeks after publication), so two weeks keeps searches fast without freezing old indexing.
 */
export const RECORD_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The fresh cached records among `pmids`; expired and missing ones are simply absent. */
export async function getCachedRecords(
  db: JakLensDB,
  pmids: readonly string[],
  now = Date.now(),
  ttl = RECORD_TTL_MS,
): Promise<Map<string, CompactRecord>> {
  const rows = await db.records.bulkGet([...new Set(pmids)]);
  const out = new Map<string, CompactRecord>();
  for (const row of rows) {
    if (row && isFresh(row, now, ttl)) out.set(row.pmid, row.article);
  }
  return out;
}

/** Stores freshly fetched records, replacing older copies. */
export async function putCachedRecords(
  db: JakLensDB,
  records: ReadonlyMap<string, CompactRecord>,
  now = Date.now(),
): Promise<void> {
  const rows: CachedRecord[] = [...records].map(([pmid, article]) => ({
    pmid,
    article,
    fetchedAt: now,
  }));
  if (rows.length > 0) await db.records.bulkPut(rows);
}

/** Deletes expired records; returns how many. Run now and then (e.g. when the background starts). */
export async function pruneCachedRecords(
  db: JakLensDB,
  now = Date.now(),
  ttl = RECORD_TTL_MS,
): Promise<number> {
  return db.records
    .where('fetchedAt')
    .belowOrEqual(now - ttl)
    .delete();
}

function isFresh(row: CachedRecord, now: number, ttl: number): boolean {
  // A clock set back must not make a record live forever: future stamps count as stale too.
  return row.fetchedAt > now - ttl && row.fetchedAt <= now;
}

/**
 * Records for `pmids`: fresh cached ones first, then `fetchMissing` for the rest, whose results are
 * cached. A failing cache is skipped rather than fatal (the badges only lose speed); what could not
 * be found is absent from the result.
 */
export async function loadRecords(
  db: JakLensDB,
  pmids: readonly string[],
  fetchMissing: ((pmids: string[]) => Promise<ReadonlyMap<string, Article>>) | undefined,
  now = Date.now(),
): Promise<Map<string, CompactRecord>> {
  const found = await getCachedRecords(db, pmids, now).catch(
    () => new Map<string, CompactRecord>(),
  );
  const missing = [...new Set(pmids)].filter((p) => !found.has(p));
  if (missing.length === 0 || !fetchMissing) return found;
  const fetched = new Map<string, CompactRecord>();
  for (const [pmid, article] of await fetchMissing(missing)) {
    fetched.set(pmid, toCompactRecord(article));
  }
  await putCachedRecords(db, fetched, now).catch(() => undefined);
  return new Map([...found, ...fetched]);
}
