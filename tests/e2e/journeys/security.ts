import { expect, it } from 'vitest';
import { derivePubmedPage } from '../../support/derive-pubmed-page';
import { loadDevRecord } from '../../support/dev-set';
import { eventually, type E2EBrowser, type E2EPage, type Routes } from '../drivers/types';
import { SEED_URL } from '../pages';
import { inNote } from './note-target';
import { drawnHighlights } from '../support/drawn-highlights';
import {
  HOSTILE,
  hostileContentPage,
  hostilePageScript,
  withPageScript,
  type HostileLog,
} from '../support/hostile-pages';

/**
 * The security journeys a web page can see, for every driver (Chromium and Firefox): a page script that
 * imitates our messages and events and tampers with our elements; a record full of markup, script URLs
 * and 100,000-character strings; the page origin's storage after a session. What needs the extension's
 * own pages (reading the database, the popup and library, their CSP, a service-worker stop) stays in the
 * Chromium-only security.e2e.ts: WebDriver BiDi cannot open moz-extension:// pages. Run by the Firefox
 * suite; Chromium runs security.e2e.ts instead, whose tests check all of this and the database too.
 */

export const HOSTILE_SCRIPT_URL = `${SEED_URL}?jl-e2e=hostile-script`;
export const HOSTILE_CONTENT_URL = `${SEED_URL}?jl-e2e=hostile-content`;
const PANEL = 'jak-lens-panel';
const inPanel = (inner: string) => ({ host: PANEL, inner });

/** The hostile pages, at real PubMed URLs; the page script knows our (public) extension id. */
export function securityRoutes(extensionId: string): Routes {
  const seed = derivePubmedPage(loadDevRecord('dev-seed'));
  return {
    [HOSTILE_SCRIPT_URL]: {
      body: withPageScript(seed, hostilePageScript, { articleKey: 'pmid:34563217', extensionId }),
    },
    [HOSTILE_CONTENT_URL]: { body: hostileContentPage() },
  };
}

/** The note editor's text (in the note frame, which only the driver can reach), or undefined. */
async function noteText(page: E2EPage): Promise<string | undefined> {
  return (await page.values(inNote('textarea')))[0];
}

async function hostileLog(page: E2EPage): Promise<HostileLog> {
  return eventually(
    () =>
      page.evaluate(() => {
        const log = (window as unknown as { __hostile?: HostileLog }).__hostile;
        return log?.done ? log : undefined;
      }),
    30_000,
    'the hostile page script to finish',
  );
}

async function waitSaved(page: E2EPage): Promise<void> {
  await eventually(
    async () => (await page.texts(inNote('.jak-save-state'))).join('') === 'Saved',
    20_000,
    'the note to be saved',
  );
}

/**
 * Injected markup, wherever it could be: in the document (read by a page script) and in our panel's
 * closed shadow root (read by the driver over the automation protocol, as the page cannot). The same
 * scan runs in both (each function is sent to the browser as source, so it is written out twice).
 */
async function injected(page: E2EPage) {
  const inPage = await page.evaluate(() => {
    const all = (selector: string) => [...document.querySelectorAll(selector)];
    return {
      hrefs: all('a[href]').map((a) => (a as HTMLAnchorElement).href),
      elements: all('img[onerror], img[src="x"], script:not([src])')
        .map((el) => el.outerHTML)
        .filter((html) => html.includes('__pwned')),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    };
  });
  const inPanel = await page.inUi('jak-lens-panel', (root) => {
    const all = (selector: string) => [...root.querySelectorAll(selector)];
    return {
      hrefs: all('a[href]').map((a) => (a as HTMLAnchorElement).href),
      elements: all('img[onerror], img[src="x"], script:not([src])')
        .map((el) => el.outerHTML)
        .filter((html) => html.includes('__pwned')),
      // The note frame is ours; anything else embedded in the panel would be injected.
      embedded: all('img, script, iframe:not(.jl-note-frame), object').length,
    };
  });
  return {
    shadow: inPanel !== null,
    pwned: inPage.pwned,
    hrefs: [...inPage.hrefs, ...(inPanel?.hrefs ?? [])],
    elements: [...inPage.elements, ...(inPanel?.elements ?? [])],
    panelElements: inPanel ? inPanel.embedded : -1,
  };
}

export function securityJourneys(getBrowser: () => E2EBrowser): void {
  it('ignores a page script that imitates its messages and events, and survives its tampering', async () => {
    const page = await getBrowser().newPage();
    await page.goto(HOSTILE_SCRIPT_URL);
    const log = await hostileLog(page);
    expect(log.forged).toEqual(['before', 'after']);
    // The content script never posts its private event names (nor the extension id) to the page.
    expect(log.learned).toEqual([]);
    // The forged events (WXT's own start event included) did not stop or restart the content script.
    expect(log.marksBefore).toBeGreaterThan(0);
    expect(log.marksAfter).toBe(log.marksBefore);
    expect(log.panelAfter).toBe(true);
    // And it still runs its session: asked the popup's question after the forgeries, it answers with
    // its verdict (an invalidated content script has removed its listener and would not answer).
    const answer = await getBrowser().contentScriptDone(HOSTILE_SCRIPT_URL);
    expect(answer.kind === 'state' && answer.state.verdict).toBeTruthy();
    // The page's own globals are the page's; our code never replaced them.
    expect(
      await page.evaluate(() => (window as unknown as { JAK_LENS: unknown }).JAK_LENS),
    ).toEqual({ owner: 'page' });

    // The page removes our panel and hides our marks: the page keeps working, nothing is thrown.
    const tampered = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent =
        'jl-mark { display: none !important; } jak-lens-panel { display: none !important; }';
      document.head.append(style);
      document.querySelector('jak-lens-panel')?.remove();
      return document.querySelectorAll('jak-lens-panel').length;
    });
    expect(tampered).toBe(0);

    // On the next visit the reader has the panel back, and nothing the page posted was saved: no
    // forged note text, no forged highlight.
    await page.reload();
    const again = await hostileLog(page);
    expect(again.marksAfter).toBe(log.marksBefore);
    await eventually(async () => (await noteText(page)) !== undefined, 20_000, 'note editor');
    expect(await noteText(page)).not.toContain('PWNED');
    // No highlight: the panel lists every one (orphans too), and none is drawn.
    await eventually(
      async () => (await page.texts(inPanel('.jl-highlights h4'))).length === 1,
      20_000,
      'the highlight list',
    );
    expect(await page.count(inPanel('.jl-hl-item'))).toBe(0);
    expect(await drawnHighlights(page)).toEqual([]);
    await page.close();
  });

  it('keeps hostile titles, abstracts, MeSH terms and authors as text, in the page and the panel', async () => {
    const page = await getBrowser().newPage();
    await page.goto(HOSTILE_CONTENT_URL);
    await eventually(async () => (await page.count(inPanel('.jl-card'))) > 0, 30_000, 'cards');
    // A note with markup and a script link, shown in the preview.
    await eventually(async () => (await noteText(page)) !== undefined, 20_000, 'note editor');
    await page.type(
      inNote('textarea'),
      `${HOSTILE.img} [open](${HOSTILE.url}) [ok](https://example.org/)`,
    );
    await waitSaved(page);
    await page.click(inNote('.jak-note-editor button[aria-pressed="false"]'));
    // Markdown may take the underscores of "__pwned" for emphasis; the tag itself stays text.
    await eventually(
      async () =>
        (await page.texts(inNote('.jak-note-editor'))).join('').includes('<img src=x onerror='),
      10_000,
      'the note preview',
    );
    const found = await injected(page);
    expect(found.shadow).toBe(true);
    expect(found.pwned).toBeNull();
    expect(found.elements).toEqual([]);
    expect(found.panelElements).toBe(0);
    // The capture's own links are http(s) too; ours never carry another scheme.
    for (const href of found.hrefs) expect(href).toMatch(/^https?:\/\//);
    // In the note's preview only the http(s) link became a link; nothing in the frame runs markup.
    expect(await page.count(inNote('.jak-note-editor a'))).toBe(1);
    expect(await page.count(inNote('.jak-note-editor a[href="https://example.org/"]'))).toBe(1);
    expect(await page.count(inNote('img, script:not([src])'))).toBe(0);
    // The hostile title is shown as text where the page shows it.
    expect((await page.texts('h1.heading-title')).join(' ')).toContain(HOSTILE.script);
    await page.close();
    // A page of 100,000-character strings loads slowly on a busy machine: a longer budget.
  }, 180_000);

  it('leaves the PubMed origin empty after a session of use (note typed, page reloaded)', async () => {
    const note = ' Session note: baricitinib dosing in children.';
    const page = await getBrowser().newPage();
    await page.goto(SEED_URL);
    await eventually(async () => (await noteText(page)) !== undefined, 20_000, 'note editor');
    await page.type(inNote('textarea'), note);
    await waitSaved(page);
    await page.reload();
    await eventually(
      async () => (await noteText(page))?.includes(note.trim()),
      20_000,
      'the note after a reload',
    );
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
    await page.close();
  });
}
