import type { JakLensDB } from '../storage/db';
import { canonicalBundle, emptyBundle, isEmptyBundle, type ArticleBundle } from './bundle';
import { DecryptError, fileNameFor } from './crypto';
import { RECORDS_DIR } from './keys';
import { applyBundles, readLocalBundles } from '../storage/sync/sync-bundles';
import type { SyncedFile, SyncStateDB } from '../storage/sync/sync-state';
import type { DavEntry, DavStats } from './webdav';
import {
  RecordError,
  syncFile,
  type FileCounts,
  type FileSyncOptions,
  type FileTask,
  type FileWriters,
} from './sync-file';

/**
 * One two-way sync of every article with the server folder. Incremental: a folder listing (PROPFIND
 * Depth 1) gives each file's ETag; only files whose ETag moved are downloaded, only articles that
 * changed here since the last sync are uploaded. Each upload is conditional (If-Match on the ETag read,
 * If-None-Match for a new file), so a device that wrote first makes this one merge again rather than
 * being overwritten; the server applies a PUT whole or not at all, and AES-GCM refuses a half file.
 * Bookkeeping is saved per article, so a sync cut short resumes where it stopped. This module plans the
 * run (which files changed on either side) and runs the files in parallel; one file's read, merge and
 * write is sync-file.ts.
 */

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncFailure {
  file: string;
  error: string;
}

export interface SyncReport extends FileCounts {
  /** Files refused (tampered, truncated, unreadable); nothing local changed for them. */
  failures: SyncFailure[];
  stats: DavStats;
}

export interface SyncOptions extends FileSyncOptions {
  db: JakLensDB;
  state: SyncStateDB;
  onProgress?: (progress: SyncProgress) => void;
  /** Parallel requests; default `SYNC_CONCURRENCY`. */
  concurrency?: number;
}

const FILE_PATTERN = /^[0-9a-f]{32}\.jls$/;
/**
 * Files in flight at once. Browsers open at most six HTTP/1.1 connections per host, so six keeps every
 * connection busy: against a remote server each request mostly waits on the network.
 */
export const SYNC_CONCURRENCY = 6;

export async function runSync(options: SyncOptions): Promise<SyncReport> {
  const { db, state, client, keys } = options;
  const report: SyncReport = {
    uploaded: 0,
    downloaded: 0,
    applied: 0,
    conflicts: 0,
    deferred: 0,
    failures: [],
    stats: client.stats,
  };
  const listing = new Map<string, DavEntry>();
  for (const entry of await client.propfind(RECORDS_DIR, 1)) {
    if (!entry.isFolder && FILE_PATTERN.test(entry.name)) listing.set(entry.name, entry);
  }
  const local = await readLocalBundles(db);
  const known = new Map((await state.files.toArray()).map((f) => [f.articleKey, f]));

  const tasks: FileTask[] = [];
  const claimed = new Set<string>();
  const articleKeys = [...new Set([...local.keys(), ...known.keys()])];
  // Names of files not written yet (a first sync: every article), computed side by side.
  const names = new Map(
    await Promise.all(
      articleKeys
        .filter((key) => !known.has(key))
        .map(async (key) => [key, `${await fileNameFor(keys, key)}.jls`] as const),
    ),
  );
  for (const articleKey of articleKeys) {
    const saved = known.get(articleKey);
    const name = saved?.name ?? names.get(articleKey) ?? '';
    claimed.add(name);
    const entry = listing.get(name);
    const bundle = local.get(articleKey) ?? emptyBundle(articleKey);
    const localChanged =
      canonicalBundle(bundle) !== (saved?.base ?? canonicalBundle(emptyBundle(articleKey)));
    const remoteChanged = entry ? entry.etag === undefined || entry.etag !== saved?.etag : false;
    // A file gone from the server (folder cleared by hand) is written again, never taken as "delete all".
    const vanished = !entry && !!saved && !isEmptyBundle(bundle);
    if (!localChanged && !remoteChanged && !vanished) continue;
    tasks.push({ articleKey, name, entry, state: saved, local: bundle });
  }
  for (const [name, entry] of listing) if (!claimed.has(name)) tasks.push({ name, entry });

  const now = options.now?.() ?? Date.now();
  const writers: FileWriters = {
    apply: coalesce((items: { merged: ArticleBundle; expected: string }[]) =>
      applyBundles(db, items, now),
    ),
    record: coalesce(async (files: SyncedFile[]) => {
      await state.files.bulkPut(files);
      return files.map(() => undefined);
    }),
  };
  let done = 0;
  let fatal: unknown;
  // Fixed at the start: counting what is left in the queue would leave out the files in flight.
  const total = tasks.length;
  options.onProgress?.({ done, total });
  const worker = async () => {
    for (let task = tasks.shift(); task && !fatal; task = tasks.shift()) {
      try {
        await syncFile(task, options, report, writers);
      } catch (error) {
        if (error instanceof DecryptError || error instanceof RecordError) {
          report.failures.push({ file: `${RECORDS_DIR}${task.name}`, error: error.message });
        } else fatal ??= error;
      }
      options.onProgress?.({ done: ++done, total });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? SYNC_CONCURRENCY }, worker));
  if (fatal) throw fatal;
  return report;
}

/** Articles changed here since the last sync (for the status line), without touching the network. */
export async function countPending(db: JakLensDB, state: SyncStateDB): Promise<number> {
  const local = await readLocalBundles(db);
  const known = new Map((await state.files.toArray()).map((f) => [f.articleKey, f.base]));
  let pending = 0;
  for (const key of new Set([...local.keys(), ...known.keys()])) {
    const bundle = local.get(key) ?? emptyBundle(key);
    if (canonicalBundle(bundle) !== (known.get(key) ?? canonicalBundle(emptyBundle(key))))
      pending += 1;
  }
  return pending;
}

/**
 * Turns a batch writer into a per-item one: the first call writes at once; calls made while that write
 * runs wait and are written together in the next one. Each caller still learns its own result only
 * once its item is committed, so bookkeeping stays per article (a sync cut short resumes where it
 * stopped), yet N parallel tasks cost about one transaction per N articles instead of one each.
 */
function coalesce<T, R>(write: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        const results = await write(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i] as R));
      } catch (error) {
        batch.forEach((entry) => entry.reject(error));
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
