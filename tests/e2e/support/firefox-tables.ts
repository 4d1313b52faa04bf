import type { FirefoxDriver } from '../drivers/firefox';

/**
 * The add-on's IndexedDB read and emptied from its background page (raw IDB, no Dexie), over Firefox's
 * debugging protocol: the Firefox twins of readTable and clearAllTables in ./extension.ts.
 */
export async function readTableInFirefox(
  browser: FirefoxDriver,
  table: string,
): Promise<unknown[]> {
  const json = await browser.inBackground(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('jak-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        // A missing table fails the test, never reads as empty.
        if (!db.objectStoreNames.contains(${JSON.stringify(table)})) {
          db.close();
          return reject(new Error('No table ' + ${JSON.stringify(table)}));
        }
        const request = db.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).getAll();
        request.onsuccess = () => { db.close(); resolve(JSON.stringify(request.result)); };
        request.onerror = () => reject(request.error);
      };
    })`,
  );
  return JSON.parse(json) as unknown[];
}

export async function clearAllTablesInFirefox(browser: FirefoxDriver): Promise<void> {
  await browser.inBackground(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('jak-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        const tx = db.transaction(names, 'readwrite');
        for (const name of names) tx.objectStore(name).clear();
        tx.oncomplete = () => { db.close(); resolve('cleared'); };
        tx.onerror = () => reject(tx.error);
      };
    })`,
  );
}
