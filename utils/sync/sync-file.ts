/**
 * One article's file in a sync run (engine.ts plans the run and runs these in parallel): read the
 * server's copy when its ETag moved, three-way merge it with the local bundle and the last agreed base,
 * write what changed here, upload what changed there with a conditional PUT, and on a 412 (another
 * device wrote first) read, merge and try again. A file that decrypts but is not a usable record is a
 * RecordError: the run names it and goes on, nothing local changes for it.
 */
import {
  canonicalBundle,
  emptyBundle,
  isEmptyBundle,
  parseBundle,
  serializeBundle,
  type ArticleBundle,
} from './bundle';
import { decryptBytes, encryptBytes, fileNameFor, type SyncKeys } from './crypto';
import { RECORDS_DIR } from './keys';
import { mergeBundles } from './merge';
import type { SyncedFile } from '../storage/sync/sync-state';
import { DavError, type DavClient, type DavEntry } from './webdav';

/** What syncing one file needs of the run's options. */
export interface FileSyncOptions {
  client: DavClient;
  keys: SyncKeys;
  now?: () => number;
  /** Pause before retrying after a 412 (Apache's ETags stay weak, so unmatchable, for a second). */
  retryDelayMs?: number;
}

/** The run's counts that each file adds to (the run's report). */
export interface FileCounts {
  uploaded: number;
  downloaded: number;
  /** Articles changed here by the sync. */
  applied: number;
  /** Conflict copies the merge created (both devices edited one note). */
  conflicts: number;
  /** Articles the reader changed while the sync ran: left for the next sync. */
  deferred: number;
}

const MAX_ATTEMPTS = 4;

/**
 * Per-run helpers shared by the parallel file tasks: database writes made while another is being
 * committed are gathered into one transaction (see `coalesce` in engine.ts).
 */
export interface FileWriters {
  apply(item: { merged: ArticleBundle; expected: string }): Promise<boolean>;
  record(file: SyncedFile): Promise<void>;
}

/** One file of the run: an article known here (with its last agreed state) and/or a file listed there. */
export interface FileTask {
  articleKey?: string;
  name: string;
  entry?: DavEntry;
  state?: SyncedFile;
  local?: ArticleBundle;
}

/** A decrypted file that is not a record we can use; named, skipped, nothing local changed. */
export class RecordError extends Error {}

export async function syncFile(
  task: FileTask,
  options: FileSyncOptions,
  report: FileCounts,
  writers: FileWriters,
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
