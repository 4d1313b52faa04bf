import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';

/** The Chrome MV3 build the suite loads; `npm test` builds it before the end-to-end step. */
export const CHROME_BUILD = resolve('.output/chrome-mv3');

export function requireBuild(path = CHROME_BUILD): string {
  if (!existsSync(resolve(path, 'manifest.json'))) {
    throw new Error(`No extension build at ${path}. Run \`npm run build\` first (npm test does).`);
  }
  return path;
}

/** Reads every row of a table of the extension's IndexedDB from the service worker (raw IDB, no Dexie). */
export function readTable(worker: Worker, table: string): Promise<unknown[]> {
  return worker.evaluate(
    (name) =>
      new Promise<unknown[]>((resolveRows, reject) => {
        const open = indexedDB.open('jak-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolveRows([]);
            return;
          }
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolveRows(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(
  check: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
}

/** Finds the id of the tab showing `url`, from the service worker. */
export function tabIdFor(worker: Worker, url: string): Promise<number | undefined> {
  return worker.evaluate(async (pattern) => {
    // `chrome` is the service worker's extension API; Node's types do not know it.
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const tabs = await api.tabs.query({ url: pattern });
    return tabs[0]?.id;
  }, url);
}

/** Empties every table of the extension's IndexedDB from the service worker (raw IDB): a blank profile. */
export function clearAllTables(worker: Worker): Promise<void> {
  return worker.evaluate(
    () =>
      new Promise<void>((resolveDone, reject) => {
        const open = indexedDB.open('jak-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readwrite');
          for (const name of names) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            db.close();
            resolveDone();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
