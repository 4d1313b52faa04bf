import type { CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { derivePubmedPage } from '../support/derive-pubmed-page';
import { loadDevRecord } from '../support/dev-set';
import { routePages } from '../support/routes';
import { SEED_URL } from './pages';
import { chromiumUi } from './support/chromium-ui';
import { contentScriptDone, requireBuild, tabIdFor, waitFor } from './support/extension';
import {
  HOSTILE,
  hostileContentPage,
  hostilePageScript,
  withPageScript,
  type HostileLog,
} from './support/hostile-pages';

/**
 * Security in real Chromium, on pages generated from the real capture: a page script that imitates our
 * messages and events and tampers with our elements; a record full of markup, script URLs and 100,000-
 * character strings; the page origin's storage after a session; notes typed across a service-worker stop.
 */

const ARTICLE_KEY = 'pmid:34563217';
const HOSTILE_SCRIPT_URL = `${SEED_URL}?jl-e2e=hostile-script`;
const HOSTILE_CONTENT_URL = `${SEED_URL}?jl-e2e=hostile-content`;
const PANEL = 'jak-lens-panel';
/**
 * The note editor's document: an extension frame in the panel's closed root (the driver finds it over
 * the DevTools protocol, support/chromium-ui.ts; pages cannot).
 */
const noteFrame = (page: Page) => chromiumUi(page).frame(PANEL, 'iframe.jl-note-frame');
const noteField = async (page: Page) =>
  (await noteFrame(page)).locator('.jak-note-editor textarea').first();

/**
 * Errors and warnings that come from JAK Lens (its log prefix, its elements, its scripts). The capture
 * also names another extension's script (the saver's easyScholar), which fails to load: not ours.
 */
function collectOurErrors(page: Page, extensionId: string): string[] {
  const ours: string[] = [];
  const isOurs = (text: string, url = '') =>
    /JAK Lens|jak-lens|jl-mark/i.test(text) || url.startsWith(`chrome-extension://${extensionId}/`);
  page.on('pageerror', (error) => {
    if (isOurs(`${error.message}\n${error.stack ?? ''}`)) ours.push(error.message);
  });
  page.on('console', (message: ConsoleMessage) => {
    if (
      ['error', 'warning'].includes(message.type()) &&
      isOurs(message.text(), message.location().url)
    ) {
      ours.push(`${message.text()} @ ${message.location().url}`);
    }
  });
  return ours;
}

/** Raw IndexedDB read of one table, from an extension page (same origin as the database). */
function readTableIn(page: Page, table: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('jak-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => (db.close(), resolve(request.result));
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

const textareaValue = (page: Page) =>
  noteField(page)
    .then((field) => field.inputValue({ timeout: 1_000 }))
    .catch(() => undefined);

async function waitSaved(page: Page): Promise<void> {
  await expect
    .poll(async () => (await noteFrame(page)).locator('.jak-save-state').first().textContent(), {
      timeout: 20_000,
    })
    .toBe('Saved');
}

describe('security in real Chromium', () => {
  const build = requireBuild();
  let ext: ExtensionContext;
  let library: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(build);
    await routePages(ext.context, {
      [SEED_URL]: { body: derivePubmedPage(loadDevRecord('dev-seed')) },
      [HOSTILE_SCRIPT_URL]: {
        body: withPageScript(derivePubmedPage(loadDevRecord('dev-seed')), hostilePageScript, {
          articleKey: ARTICLE_KEY,
          extensionId: ext.extensionId,
        }),
      },
      [HOSTILE_CONTENT_URL]: { body: hostileContentPage() },
    });
    library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  it('ignores a page script that imitates its messages and events, and survives its tampering', async () => {
    const page = await ext.context.newPage();
    const ourErrors = collectOurErrors(page, ext.extensionId);
    await page.goto(HOSTILE_SCRIPT_URL);
    const log = await waitFor(
      () => page.evaluate(() => (window as unknown as { __hostile?: HostileLog }).__hostile),
      30_000,
    ).then(async () =>
      waitFor(async () => {
        const l = await page.evaluate(
          () => (window as unknown as { __hostile: HostileLog }).__hostile,
        );
        return l.done ? l : undefined;
      }, 30_000),
    );
    expect(log.forged).toEqual(['before', 'after']);
    // The content script never posts its private event names (nor the extension id) to the page.
    expect(log.learned).toEqual([]);
    // The forged events (WXT's own start event included) did not stop the content script.
    expect(log.marksBefore).toBeGreaterThan(0);
    expect(log.marksAfter).toBe(log.marksBefore);
    expect(log.panelAfter).toBe(true);
    // And it still runs its session: asked the popup's question after the forgeries, it answers with
    // its verdict (an invalidated content script has removed its listener and would not answer).
    const answer = await contentScriptDone(ext.worker, HOSTILE_SCRIPT_URL);
    expect(answer.kind === 'state' && answer.state.verdict).toBeTruthy();
    // Nothing the page posted reached the database: no note, no highlight, the recent list kept.
    expect(await readTableIn(library, 'notes')).toEqual([]);
    expect(await readTableIn(library, 'highlights')).toEqual([]);
    expect((await readTableIn(library, 'recent')).map((r) => (r as { key: string }).key)).toEqual([
      ARTICLE_KEY,
    ]);
    // The page's own globals are the page's; our code never saw them.
    expect(
      await page.evaluate(() => (window as unknown as { JAK_LENS: unknown }).JAK_LENS),
    ).toEqual({
      owner: 'page',
    });

    // The page removes our panel and hides our marks: nothing breaks, and the reader gets the panel back.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent =
        'jl-mark { display: none !important; } jak-lens-panel { display: none !important; }';
      document.head.append(style);
      document.querySelector('jak-lens-panel')?.remove();
    });
    expect(await page.locator(PANEL).count()).toBe(0);
    const tabId = await waitFor(() => tabIdFor(ext.worker, `${SEED_URL}*`));
    await library.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
        ).chrome.tabs.sendMessage(id, { type: 'panel/toggle' }),
      tabId,
    );
    await expect.poll(() => page.locator(PANEL).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('jl-mark').count()).toBe(log.marksBefore);
    expect(ourErrors).toEqual([]);
    await page.close();
  });

  it('keeps hostile titles, abstracts, MeSH terms and authors as text, in the page, panel, popup and library', async () => {
    const page = await ext.context.newPage();
    const ourErrors = collectOurErrors(page, ext.extensionId);
    await page.goto(HOSTILE_CONTENT_URL);
    await expect
      .poll(() => chromiumUi(page).count(PANEL, '.jl-card'), { timeout: 30_000 })
      .toBeGreaterThan(0);
    // A note with markup and a script link, shown in the preview.
    await (
      await noteField(page)
    ).fill(`${HOSTILE.img} [open](${HOSTILE.url}) [ok](https://example.org/)`);
    await waitSaved(page);
    // By keyboard, as a reader can (a page this long keeps the fixed panel "unstable" for Playwright's
    // click, and a dispatched click is not a reader's): Shift+Tab from the note to the Preview button
    // above it, then Enter. A button Shift+Tab cannot reach fails here.
    const frame = await noteFrame(page);
    const onPreview = () =>
      frame.evaluate(() => document.activeElement?.textContent?.trim() === 'Preview');
    for (let i = 0; i < 6 && !(await onPreview()); i++) await page.keyboard.press('Shift+Tab');
    expect(await onPreview(), 'Shift+Tab from the note reaches Preview').toBe(true);
    await page.keyboard.press('Enter');
    // Markdown may take the underscores of "__pwned" for emphasis; the tag itself stays text.
    await expect
      .poll(async () => (await noteFrame(page)).locator('.jak-note-editor').textContent())
      .toContain('<img src=x onerror=');

    const tabId = await waitFor(() => tabIdFor(ext.worker, `${SEED_URL}*`));
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('.article .title').textContent()).toContain(HOSTILE.img);
    await library.reload();
    await expect
      .poll(() => library.locator('.recent-title').allTextContents())
      .toContainEqual(expect.stringContaining(HOSTILE.script));
    await expect
      .poll(() => library.locator('.journal').allTextContents())
      .toContainEqual(expect.stringContaining(HOSTILE.url));

    for (const view of [page, popup, library]) {
      // What a page script sees, in the document; then what is in the panel's closed root, read by the
      // driver over the protocol (the page cannot).
      const found = await view.evaluate(() => {
        const all = (selector: string) => [...document.querySelectorAll(selector)];
        return {
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          hrefs: all('a[href]').map((a) => (a as HTMLAnchorElement).href),
          injected: all('img[onerror], img[src="x"], script:not([src])')
            .map((el) => el.outerHTML)
            .filter((html) => html.includes('__pwned')),
        };
      });
      const [panel] = await chromiumUi(view).inRoots(PANEL, (root) => ({
        hrefs: [...root.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
        injected: [...root.querySelectorAll('img[onerror], img[src="x"], script:not([src])')]
          .map((el) => el.outerHTML)
          .filter((html) => html.includes('__pwned')),
        images: root.querySelectorAll('img, script').length,
        // The one frame the panel may hold is our note editor, at the extension's origin.
        frames: [...root.querySelectorAll('iframe')].map((f) => new URL(f.src).pathname),
      }));
      expect(found.pwned).toBeUndefined();
      expect([...found.injected, ...(panel?.injected ?? [])]).toEqual([]);
      expect(panel?.images ?? 0).toBe(0);
      expect(panel?.frames ?? []).toEqual(view === page ? ['/note-frame.html'] : []);
      // The capture's own links are http(s) too; ours never carry another scheme.
      for (const href of [...found.hrefs, ...(panel?.hrefs ?? [])])
        expect(href).toMatch(/^https?:\/\//);
    }
    // Inside the note frame too: the note's markup stayed text, its script link was dropped.
    const inFrame = await (await noteFrame(page)).locator('body').evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('img, script:not([src]), iframe').length,
    }));
    expect(inFrame).toEqual({ pwned: undefined, injected: 0 });
    const noteLinks = await (
      await noteFrame(page)
    )
      .locator('.jak-note-editor a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(noteLinks).toEqual(['https://example.org/']);
    expect(ourErrors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('runs its own pages under the default CSP: no inline or remote scripts', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    // (eval is not tried: code evaluated through DevTools, as Playwright does, is exempt from the CSP.)
    const result = await popup.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://pubmed.ncbi.nlm.nih.gov/remote.js';
      const loaded = new Promise<string>((resolve) => {
        remote.onload = () => resolve('loaded');
        remote.onerror = () => resolve('blocked');
      });
      document.head.append(remote);
      return {
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        remote: await loaded,
      };
    });
    expect(result).toEqual({ inlineRan: false, remote: 'blocked' });
    await popup.close();
  });

  it('leaves the PubMed origin empty after a session of use (note typed, panel toggled)', async () => {
    const page = await ext.context.newPage();
    await page.goto(SEED_URL);
    await (await noteField(page)).fill('Session note: baricitinib dosing in children.');
    await waitSaved(page);
    const tabId = await waitFor(() => tabIdFor(ext.worker, SEED_URL));
    const toggle = () =>
      library.evaluate(
        (id) =>
          (
            globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
          ).chrome.tabs.sendMessage(id, { type: 'panel/toggle' }),
        tabId,
      );
    await toggle();
    await expect.poll(() => page.locator(PANEL).count()).toBe(0);
    await toggle();
    await expect.poll(() => page.locator(PANEL).count()).toBe(1);
    await page.reload();
    await expect
      .poll(() => textareaValue(page), { timeout: 20_000 })
      .toBe('Session note: baricitinib dosing in children.');
    const origin = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      cookie: document.cookie,
      caches: await caches.keys(),
    }));
    expect(origin).toEqual({
      databases: [],
      localStorage: [],
      sessionStorage: [],
      cookie: '',
      caches: [],
    });
    // The note is stored, in the extension's origin.
    const notes = (await readTableIn(library, 'notes')) as { body: string }[];
    expect(notes.map((n) => n.body)).toContain('Session note: baricitinib dosing in children.');
    await page.close();
  });

  it('keeps a note typed while the service worker is stopped and restarted; the panel reconnects', async () => {
    const page = await ext.context.newPage();
    await page.goto(SEED_URL);
    const field = await noteField(page);
    await expect.poll(() => textareaValue(page), { timeout: 20_000 }).toBeDefined();
    await field.fill('Before the restart.');
    await waitSaved(page);

    const cdp: CDPSession = await ext.context.newCDPSession(library);
    const statuses: string[] = [];
    let versionId: string | undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions as {
        versionId: string;
        scriptURL: string;
        runningStatus: string;
      }[]) {
        if (!v.scriptURL.endsWith('/background.js')) continue;
        versionId = v.versionId;
        statuses.push(v.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => versionId).toBeDefined();
    await cdp.send('ServiceWorker.stopWorker', { versionId: versionId! });
    await expect.poll(() => statuses.at(-1)).toBe('stopped');

    await field.press('End');
    await field.pressSequentially(' After the restart.');
    // Read from the library page: reading the database there does not wake the worker, saving does.
    await expect
      .poll(
        async () =>
          ((await readTableIn(library, 'notes')) as { body: string }[]).map((n) => n.body),
        { timeout: 20_000 },
      )
      .toContain('Before the restart. After the restart.');
    expect(statuses.slice(statuses.lastIndexOf('stopped'))).toContain('running');
    await waitSaved(page);

    await page.reload();
    await expect
      .poll(() => textareaValue(page), { timeout: 20_000 })
      .toBe('Before the restart. After the restart.');
    const notes = (await readTableIn(library, 'notes')) as { body: string }[];
    expect(notes.map((n) => n.body)).toContain('Before the restart. After the restart.');
    await cdp.detach();
    await page.close();
  });
});
