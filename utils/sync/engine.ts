import type { JakLensDB } from '../storage/db';
import {
  canonicalBundle,
  emptyBundle,
  isEmptyBundle,
  parseBundle,
  serializeBundle,
  type ArticleBundle,
} from './bundle';
import { decryptBytes, DecryptError, encryptBytes, fileNameFor, type SyncKeys } from './crypto';
import { RECORDS_DIR } from './keys';
import { applyBundles, readLocalBundles } from '../storage/sync-bundles';
import { mergeBundles } from './merge';
import type { SyncedFile, SyncStateDB } from '../storage/sync-state';
import { DavError, type DavClient, type DavEntry, type DavStats } from './webdav';

/**
 * One two-way sync of every article with the server folder. Incremental: a folder listing (PROPFIND
 * Depth 1) gives each file's ETag; only files whose ETag moved are downloaded, only articles that
 * changed here since the last sync are uploaded. Each upload is conditional (If-Match on the ETag read,
 * If-None-Match for a new file), so a device that wrote first makes this one merge again rather than
 * being overwritten; the server applies a PUT whole or not at all, and AES-GCM refuses a half file.
 * Bookkeeping is saved per article, so a sync cut short resumes where it stopped.
 */

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncFailure {
  file: string;
  error: string;
}

export interface SyncReport {
  uploaded: number;
  downloaded: number;
  /** Articles changed here by the sync. */
  applied: number;
  /** Conflict copies the merge created (both devices edited one note). */
  conflicts: number;
  /** Articles the reader changed while the sync ran: left for the next sync. */
  deferred: number;
  /** Files refused (tampered, truncated, unreadable); nothing local changed for them. */
  failures: SyncFailure[];
  stats: DavStats;
}

export interface SyncOptions {
  db: JakLensDB;
  state: SyncStateDB;
  client: DavClient;
  keys: SyncKeys;
  now?: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /** Parallel requests; default `SYNC_CONCURRENCY`. */
  concurrency?: number;
  /** Pause before retrying after a 412 (Apache's ETags stay weak, so unmatchable, for a second). */
  retryDelayMs?: number;
}

const FILE_PATTERN = /^[0-9a-f]{32}\.jls$/;
/**
 * Files in flight at once. Browsers open at most six HTTP/1.1 connections per host, so six keeps every
 * connection busy: against a remote server each request mostly waits on the network.
 */
export const SYNC_CONCURRENCY = 6;
const MAX_ATTEMPTS = 4;

/**
 * Per-run helpers shared by the parallel file tasks: database writes made while another is being
 * committed are gathered into one transaction (see `coalesce`).
 */
interface Writers {
  apply(item: { merged: ArticleBundle; expected: string }): Promise<boolean>;
  record(file: SyncedFile): Promise<void>;
}

interface Task {
  articleKey?: string;
  name: string;
  entry?: DavEntry;
  state?: SyncedFile;
  local?: ArticleBundle;
}

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

  const tasks: Task[] = [];
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
  const writers: Writers = {
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
        await syncOne(task, options, report, writers);
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

/** A decrypted file that is not a record we can use; named, skipped, nothing local changed. */
class RecordError extends Error {}

async function syncOne(
  task: Task,
  options: SyncOptions,
  report: SyncReport,
  writers: Writers,
): Promise<void> {
  const { client, keys } = options;
  const now = options.now?.() ?? Date.now();
  const path = `${RECORDS_DIR}${task.name}`;
  let base = task.state ? (JSON.parse(task.state.base) as ArticleBundle) : undefined;
  let etag = task.state?.etag;
  let mustFetch = !!task.entry && (task.entry.etag === undefined || task.entry.etag !== etag);
  let local = task.local;
  // A file gone from the server counts as unchanged (its content is the base) but must be written again.
  let remoteExists = !!task.entry;
  let remote: ArticleBundle | undefined = !mustFetch ? base : undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (mustFetch) {
      const file = await client.get(path);
      report.downloaded += 1;
      if (file) {
        const plain = await decryptBytes(keys, path, file.data);
        remote = checkedBundle(path, parseBundle(path, plain), task.articleKey);
        if (`${await fileNameFor(keys, remote.articleKey)}.jls` !== task.name) {
          throw new RecordError(
            `${path}: names article ${remote.articleKey}, which does not belong under this file name`,
          );
        }
        etag = file.etag;
        remoteExists = true;
      } else {
        remote = base;
        etag = undefined;
        remoteExists = false;
      }
    }
    const articleKey = task.articleKey ?? remote?.articleKey ?? '';
    const empty = emptyBundle(articleKey);
    local ??= empty;
    const merged = mergeBundles(base ?? empty, local, remote ?? empty, now);
    report.conflicts += newConflicts(merged, local, remote);
    const mergedJson = canonicalBundle(merged);
    const localJson = canonicalBundle(local);
    if (mergedJson !== localJson) {
      if (!(await writers.apply({ merged, expected: localJson }))) {
        // The reader changed it meanwhile: keep the old base so the next sync merges all three again.
        report.deferred += 1;
        return;
      }
      report.applied += 1;
      local = merged;
    }
    const remoteJson = canonicalBundle(remote ?? empty);
    const needsUpload = remoteExists
      ? mergedJson !== remoteJson
      : !isEmptyBundle(merged) || !!task.state;
    if (needsUpload && remote && mergedJson !== localJson) {
      // If the upload below fails, the next sync starts from the version just read.
      base = remote;
      await writers.record({ articleKey, name: task.name, etag, base: remoteJson });
    }
    if (!needsUpload) {
      await writers.record({ articleKey, name: task.name, etag, base: mergedJson });
      return;
    }
    const sealed = await encryptBytes(keys, path, serializeBundle(merged));
    try {
      const sent = await client.put(path, sealed, remoteExists ? (etag ?? '') : null);
      report.uploaded += 1;
      const newEtag = sent ?? (await etagIfOurs(client, path, sealed.length));
      await writers.record({ articleKey, name: task.name, etag: newEtag, base: mergedJson });
      return;
    } catch (error) {
      if (!(error instanceof DavError && error.kind === 'precondition-failed')) throw error;
      // Someone wrote first: read theirs and merge again.
      mustFetch = true;
      await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1100));
    }
  }
  throw new DavError(
    'precondition-failed',
    412,
    `${path} kept changing on the server; it will be retried at the next sync.`,
  );
}

/**
 * Apache's PUT answer carries no ETag: ask for it at once, and keep it only when the size is what was
 * sent (another device's write in between would otherwise pass for ours). Unknown → re-read next time.
 */
async function etagIfOurs(
  client: DavClient,
  path: string,
  size: number,
): Promise<string | undefined> {
  const [entry] = await client.propfind(path, 0);
  return entry && entry.size === size ? entry.etag : undefined;
}

function checkedBundle(path: string, bundle: ArticleBundle, expectedKey?: string): ArticleBundle {
  if (expectedKey && bundle.articleKey !== expectedKey) {
    throw new RecordError(`${path}: holds ${bundle.articleKey}, expected ${expectedKey}`);
  }
  const strays = [bundle.note, ...bundle.highlights, ...bundle.conflicts, ...bundle.trash].filter(
    (item) => item && item.articleKey !== bundle.articleKey,
  );
  if (strays.length) throw new RecordError(`${path}: holds items of another article`);
  return bundle;
}

function newConflicts(merged: ArticleBundle, local: ArticleBundle, remote?: ArticleBundle): number {
  const seen = new Set([...local.conflicts, ...(remote?.conflicts ?? [])].map((c) => c.id));
  return merged.conflicts.filter((c) => !seen.has(c.id)).length;
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
