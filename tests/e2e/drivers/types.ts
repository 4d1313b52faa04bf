import type { TabState } from '@/utils/messaging/messages';
/**
 * One description of a reader's journey, two browsers: the journeys in tests/e2e/journeys/ talk to this
 * interface, and each driver (Playwright for Chromium, Puppeteer over WebDriver BiDi for Firefox) fills it in.
 */

/**
 * A selector into the page, optionally inside the (closed) shadow root of one of our hosts, reached
 * over the browser's automation protocol as the page cannot (drivers/chromium.ts, drivers/firefox.ts),
 * and optionally
 * inside an (extension, cross-origin) iframe in that shadow root: `frame` selects the iframe there and
 * `inner` then selects within the frame's document.
 */
export type Target = string | { host: string; inner: string; frame?: string };

export interface E2EPage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page (main world) with a JSON argument and returns its JSON result. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /**
   * Runs `fn` on the shadow root of the first `host` (closed roots included) in the driver's own world,
   * which page scripts cannot reach; null when there is no such host. `fn` is sent as source.
   */
  inUi<T, A>(host: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null>;
  count(target: Target): Promise<number>;
  /** textContent of every match. */
  texts(target: Target): Promise<string[]>;
  click(target: Target): Promise<void>;
  /** Focuses the field and types like a person (key events, so input handlers run). */
  type(target: Target, text: string): Promise<void>;
  /** Moves the real mouse pointer over the first match (real mouseover / mouseout events). */
  hover(target: Target): Promise<void>;
  /** Presses one key (e.g. "Escape", "Tab") on whatever has the focus, as a real key event. */
  press(key: string): Promise<void>;
  /** The `value` of every matching field (textarea, input), also inside frames the page cannot read. */
  values(target: Target): Promise<string[]>;
  close(): Promise<void>;
}

export interface E2EBrowser {
  readonly name: 'chromium' | 'firefox';
  /** The extension's id as its scripts see it (`runtime.id`): public, so a hostile page can know it. */
  readonly extensionId: string;
  newPage(): Promise<E2EPage>;
  /** Serves more saved pages from now on (pages that need the extension id, say). */
  addRoutes(routes: Routes): void;
  /**
   * Resolves once the content script in the tab showing `url` has finished its pass, a positive signal
   * from the extension itself (never a timeout or a stylesheet): asked from the extension's background
   * with the popup's own `tab/get-state` message, it reports its verdict (set after highlighting and
   * the panel decision), or answers with no session (site switched off). Rejects after `timeoutMs`.
   */
  contentScriptDone(url: string, timeoutMs?: number): Promise<ContentScriptAnswer>;
  /** Every row of every table of the extension's database, read in the extension's own context. */
  dumpDatabase(): Promise<Record<string, unknown[]>>;
  /** Closes the browser and starts it again on the same profile, extension included. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** What a tab's content script answered when asked for its state. */
export type ContentScriptAnswer =
  { kind: 'absent' } | { kind: 'no-session' } | { kind: 'state'; state: TabState };

export interface Routed {
  body: string;
  contentType?: string;
}

/** Saved pages served at their real URLs; every other web request is aborted. */
export type Routes = Record<string, Routed>;

/** Polls `check` until it is truthy (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ''}`,
  );
}

/** The routed page for `url`: an exact key, or a key ending in `*` that `url` starts with. */
export function lookupRoute(routes: Routes, url: string): Routed | undefined {
  const exact = routes[url];
  if (exact) return exact;
  for (const [key, page] of Object.entries(routes)) {
    if (key.endsWith('*') && url.startsWith(key.slice(0, -1))) return page;
  }
  return undefined;
}

/**
 * A script for the extension's own context (Chromium's service worker, Firefox's background page) that
 * reads every row of every table of its IndexedDB, raw (no Dexie), and resolves to them as JSON.
 */
export const DUMP_DATABASE_SCRIPT = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('jak-lens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const out = {};
  for (const name of [...db.objectStoreNames].sort()) {
    out[name] = await new Promise((resolve, reject) => {
      const all = db.transaction(name).objectStore(name).getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
  }
  db.close();
  return JSON.stringify(out);
})()`;

/** The dump of DUMP_DATABASE_SCRIPT, checked to hold every table the schema declares. */
export function parseDatabaseDump(
  json: string,
  tables: readonly string[],
): Record<string, unknown[]> {
  const dump = JSON.parse(json) as Record<string, unknown[]>;
  const missing = tables.filter((t) => !(t in dump));
  if (missing.length) throw new Error(`The database dump lacks ${missing.join(', ')}`);
  return dump;
}
