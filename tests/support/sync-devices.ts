import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import type { SyncKeys } from '@/utils/sync/crypto';
import { runSync, type SyncProgress, type SyncReport } from '@/utils/sync/engine';
import { openKeys } from '@/utils/sync/keys';
import { SyncStateDB } from '@/utils/storage/sync/sync-state';
import { DavClient } from '@/utils/sync/webdav';
import type { DavServer } from './webdav-server';

/** The lowest iteration count a key file may name: keeps the tests quick (real devices use 600,000). */
export const TEST_ITERATIONS = 100_000;

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** One browser profile: its own notes database and sync bookkeeping, talking to the real server. */
export interface Device {
  db: JakLensDB;
  state: SyncStateDB;
  keys: SyncKeys;
  client(): DavClient;
  sync(options?: {
    fetch?: Fetch;
    concurrency?: number;
    onProgress?: (progress: SyncProgress) => void;
  }): Promise<SyncReport>;
  close(): void;
}

let counter = 0;

export async function makeDevice(
  server: DavServer,
  options: { folder?: string; passphrase?: string } = {},
): Promise<Device> {
  const id = `${Date.now()}-${++counter}`;
  const db = openDatabase(`jak-lens-test-${id}`);
  const state = new SyncStateDB(`jak-lens-sync-test-${id}`);
  const folderUrl = new URL(options.folder ?? 'notes/', server.origin).href;
  // The credentials as the device saved them at set-up (a later password change on the server is a 401).
  const credentials = { folderUrl, user: server.user, password: server.password };
  const client = (fetchImpl?: Fetch) => new DavClient(credentials, fetchImpl);
  const keys = await openKeys(client(), options.passphrase ?? 'river stone lamp', TEST_ITERATIONS);
  return {
    db,
    state,
    keys,
    client: () => client(),
    sync: (o = {}) =>
      runSync({
        db,
        state,
        client: client(o.fetch),
        keys,
        retryDelayMs: 1100,
        ...(o.concurrency ? { concurrency: o.concurrency } : {}),
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      }),
    close() {
      db.close();
      state.close();
    },
  };
}
