import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { ExtensionContext } from '../../support/chromium-extension';
import type { TabState } from '@/utils/messaging/messages';
import type { ContentScriptAnswer } from '../drivers/types';

/** The Chrome MV3 build the suite loads; `npm test` builds it before the end-to-end step. */
export const CHROME_BUILD = resolve('.output/chrome-mv3');

export function requireBuild(path = CHROME_BUILD): string {
  if (!existsSync(resolve(path, 'manifest.json'))) {
    throw new Error(`No extension build at ${path}. Run \`npm run build\` first (npm test does).`);
  }
  return path;
}

/**
 * Reads every row of a table of the extension's IndexedDB from the service worker (raw IDB, no Dexie).
 * Throws when the database has no such table.
 */
export function readTable(worker: Worker, table: string): Promise<unknown[]> {
  return worker.evaluate(
    (name) =>
      new Promise<unknown[]>((resolveRows, reject) => {
        const open = indexedDB.open('jak-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // A missing table is a failure, not an empty one: a renamed or dropped table must not let a
          // "nothing was written" check pass.
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            reject(new Error(`No table "${name}" in the jak-lens database`));
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

/**
 * Asks the content script of the tab showing `url` for its state, from the service worker, with the
 * same `tab/get-state` message the popup sends: `absent` while no content script listens in the tab
 * (not injected yet), `no-session` once it listens but runs no session (the site is switched off: the
 * listener is registered before that decision, in the same task), `state` otherwise.
 */
export function contentScriptAnswer(worker: Worker, url: string): Promise<ContentScriptAnswer> {
  return worker.evaluate(async (pattern): Promise<ContentScriptAnswer> => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ url: pattern });
    if (tab?.id === undefined) return { kind: 'absent' };
    try {
      const state = (await api.tabs.sendMessage(tab.id, { type: 'tab/get-state' })) as
        TabState | undefined;
      return state ? { kind: 'state', state } : { kind: 'no-session' };
    } catch (error) {
      const message = String(error);
      if (/Receiving end does not exist/i.test(message)) return { kind: 'absent' };
      // The listener exists but gave no answer: Chrome reports the port closed without a reply.
      if (/message port closed/i.test(message)) return { kind: 'no-session' };
      throw error;
    }
  }, url);
}

/**
 * The positive signal that the content script finished its pass on the tab showing `url`: its session
 * reports a verdict (set once classification, highlighting and the panel decision are done), or it
 * answers without a session. A "no panel, no mark" assertion made after this cannot pass by being early.
 */
export async function contentScriptDone(
  worker: Worker,
  url: string,
  timeoutMs = 20_000,
): Promise<ContentScriptAnswer> {
  return waitFor(async () => {
    const answer = await contentScriptAnswer(worker, url);
    if (answer.kind === 'no-session') return answer;
    const isArticle = answer.kind === 'state' && answer.state.pageType.endsWith('-article');
    if (answer.kind === 'state' && (answer.state.verdict || !isArticle)) return answer;
    return null;
  }, timeoutMs);
}

/**
 * Presses an extension command's shortcut (Alt+Shift+<letter>) as a physical key does: a `rawKeyDown`
 * carrying the native key code, which the browser matches against its accelerators (extension commands
 * among them) before the page sees the key. Without the native code — as Playwright's `keyboard.press`
 * sends it — `commands.onCommand` never fires in headless Chromium.
 */
export async function pressCommandShortcut(
  ext: ExtensionContext,
  page: Page,
  letter: 'J' | 'K',
): Promise<void> {
  const ALT = 1;
  const SHIFT = 8;
  const key = {
    modifiers: ALT | SHIFT,
    key: letter,
    code: `Key${letter}`,
    windowsVirtualKeyCode: letter.charCodeAt(0),
    nativeVirtualKeyCode: letter.charCodeAt(0),
  };
  // The command goes to the active tab of the focused window, as with a real keyboard.
  await page.bringToFront();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}
