import type { JakLensDB } from '../storage/db';
import { folderUrlOf, SYNC_CONFIG_KEY, type SyncAccount, type SyncConfig } from './config';
import { importKeys, WrongPassphraseError } from './crypto';
import { countPending, runSync, type SyncProgress, type SyncReport } from './engine';
import { checkKeys, KEY_FILE, openKeys } from './keys';
import type { SyncStateDB } from '../storage/sync/sync-state';
import { DavClient, DavError } from './webdav';

/**
 * utils/sync/: WebDAV sync of the reader's notes and highlights: article bundles (bundle.ts), encryption
 * and keys (crypto.ts, keys.ts), the three-way merge (merge.ts), the run (engine.ts, sync-file.ts), the
 * WebDAV client (webdav.ts) and this service. May import utils/storage/ (its sync/ folder holds the
 * database side); never components/, entrypoints/ or the browser API (handed in as `deps`).
 *
 * What the background runs for sync: set-up, "Test connection", one sync at a time (alarm or "Sync
 * now"), the status the library and popup show, and removal. Browser APIs come in as `deps`, so the
 * unit tests drive it against the real server with an in-memory storage.
 */

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface SyncServiceDeps {
  db: JakLensDB;
  state: SyncStateDB;
  storage: StorageArea;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
  /** PBKDF2 iterations for a new key file (tests lower it). */
  iterations?: number;
  /** Gives back the host access granted at set-up. */
  revokeOrigin?: (serverUrl: string) => Promise<void>;
}

export interface SyncStatus {
  configured: boolean;
  serverUrl?: string;
  folder?: string;
  user?: string;
  running: boolean;
  progress?: SyncProgress;
  lastSyncAt?: number;
  /** The last failure in words, cleared by the next good sync. */
  lastError?: string;
  /** Files the last sync refused (tampered, truncated), named. */
  refused?: string[];
  /** Articles changed here since the last sync. */
  pending: number;
  lastReport?: Omit<SyncReport, 'failures'>;
}

const STATUS_KEY = 'syncStatus';
type StoredStatus = Pick<SyncStatus, 'lastSyncAt' | 'lastError' | 'refused' | 'lastReport'>;

export function createSyncService(deps: SyncServiceDeps) {
  let running: Promise<void> | undefined;
  let progress: SyncProgress | undefined;
  let lastPending = 0;
  const now = () => deps.now?.() ?? Date.now();
  const clientFor = (account: SyncAccount) =>
    new DavClient(
      { folderUrl: folderUrlOf(account), user: account.user, password: account.password },
      deps.fetch,
    );

  async function loadConfig(): Promise<SyncConfig | undefined> {
    return (await deps.storage.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY] as SyncConfig | undefined;
  }
  async function loadStored(): Promise<StoredStatus> {
    return ((await deps.storage.get(STATUS_KEY))[STATUS_KEY] as StoredStatus | undefined) ?? {};
  }
  async function saveStored(next: StoredStatus): Promise<void> {
    await deps.storage.set({ [STATUS_KEY]: next });
  }

  async function status(): Promise<SyncStatus> {
    const config = await loadConfig();
    const stored = await loadStored();
    return {
      configured: !!config,
      ...(config ? { serverUrl: config.serverUrl, folder: config.folder, user: config.user } : {}),
      running: !!running,
      ...(running && progress ? { progress } : {}),
      ...stored,
      // Counting reads every note: not while a sync runs (the views ask every second, and a large
      // first sync would share the worker with that count), when the last count stands.
      pending: !config
        ? 0
        : running
          ? lastPending
          : (lastPending = await countPending(deps.db, deps.state)),
    };
  }

  /** "Test connection": a sentence saying what works or what is wrong. */
  async function test(account: SyncAccount): Promise<{ ok: boolean; message: string }> {
    try {
      const client = clientFor(account);
      const [entry] = await client.propfind('', 0);
      if (entry && !entry.isFolder) {
        return { ok: false, message: 'That address is a file, not a folder.' };
      }
      const hasKey = await client.get(KEY_FILE);
      return {
        ok: true,
        message: hasKey
          ? 'Connected. This folder already holds JAK Lens notes: use the same passphrase as on your other device.'
          : 'Connected. The folder is empty for JAK Lens: the passphrase you choose now will be needed on every other device.',
      };
    } catch (error) {
      return { ok: false, message: describeSyncError(error) };
    }
  }

  /** Sets sync up: opens (or creates) the folder's key with the passphrase, stores the account, syncs. */
  async function configure(account: SyncAccount & { passphrase: string }): Promise<SyncStatus> {
    const client = clientFor(account);
    // Plain Error: the settings form shows the sentence, not the error class.
    const keys = await openKeys(client, account.passphrase, deps.iterations).catch(
      (error: unknown) => {
        throw new Error(describeSyncError(error));
      },
    );
    const { passphrase: _forgotten, ...rest } = account;
    const previous = await loadConfig();
    if (previous && (previous.serverUrl !== rest.serverUrl || previous.folder !== rest.folder)) {
      await deps.state.files.clear(); // another folder: compare everything afresh (nothing is deleted)
    }
    await deps.storage.set({ [SYNC_CONFIG_KEY]: { ...rest, keys: keys.raw } satisfies SyncConfig });
    return syncNow();
  }

  /** Runs one sync (or joins the one running) and returns the status after it. Never throws. */
  function syncNow(): Promise<SyncStatus> {
    running ??= (async () => {
      const config = await loadConfig();
      if (!config) return;
      const stored = await loadStored();
      try {
        const client = clientFor(config);
        const keys = await importKeys(config.keys);
        await checkKeys(client, keys);
        const report = await runSync({
          db: deps.db,
          state: deps.state,
          client,
          keys,
          now,
          onProgress: (p) => (progress = p),
        });
        const { failures, ...summary } = report;
        await saveStored({
          lastSyncAt: now(),
          lastReport: summary,
          ...(failures.length
            ? {
                lastError: `${failures.length} file(s) on the server could not be read and were left alone: ${failures.map((f) => f.error).join('; ')}`,
                refused: failures.map((f) => f.file),
              }
            : {}),
        });
      } catch (error) {
        await saveStored({ ...stored, lastError: describeSyncError(error) });
      }
    })().finally(() => {
      running = undefined;
      progress = undefined;
    });
    return running.then(status);
  }

  /** Removes sync from this browser: account, key, bookkeeping and host access. Notes stay. */
  async function remove(): Promise<SyncStatus> {
    await running?.catch(() => undefined);
    const config = await loadConfig();
    await deps.storage.remove(SYNC_CONFIG_KEY);
    await deps.storage.remove(STATUS_KEY);
    await deps.state.files.clear();
    if (config) await deps.revokeOrigin?.(config.serverUrl);
    return status();
  }

  return { status, test, configure, syncNow, remove, loadConfig };
}

export type SyncService = ReturnType<typeof createSyncService>;

/** Words for the status line and the settings form. */
export function describeSyncError(error: unknown): string {
  if (error instanceof DavError || error instanceof WrongPassphraseError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
