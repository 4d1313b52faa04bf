import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { routePages } from '../support/routes';
import { buildRoutes, SEED_URL, UNRELATED_URL } from './pages';
import {
  contentScriptDone,
  pressCommandShortcut,
  readTable,
  requireBuild,
  tabIdFor,
  waitFor,
} from './support/extension';
import { selectInAbstract } from './support/select-in-abstract';
import { chromiumUi } from './support/chromium-ui';
import { letters, READER_LAYER, readDrawnHighlights } from './support/drawn-highlights';

/**
 * Journeys through the real controls a reader uses beyond the panel itself: the popup's "Show or hide
 * panel" button, the two keyboard commands, and the two choices of the note-conflict banner.
 */

/** The note frame: its iframe is in the panel's closed root, found over the protocol. */
const noteFrame = (page: Page) => chromiumUi(page).frame('jak-lens-panel', 'iframe.jl-note-frame');

async function noteBody(ext: ExtensionContext, key: string): Promise<string | undefined> {
  const notes = (await readTable(ext.worker, 'notes')) as { articleKey: string; body: string }[];
  return notes.find((n) => n.articleKey === key)?.body;
}

/**
 * Another device's newer revision of the note, written straight into the database with no message to
 * the open tabs (as a sync would arrive while this tab's editor still holds the older revision).
 */
function writeNewerRevision(ext: ExtensionContext, key: string, body: string): Promise<void> {
  return ext.worker.evaluate(
    ({ key, body }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('jak-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('notes', 'readwrite').objectStore('notes');
          const get = store.get(key);
          get.onsuccess = () => {
            const note = get.result;
            if (!note) return reject(new Error(`no note ${key}`));
            store.put({ ...note, body, revision: note.revision + 1, updatedAt: Date.now() });
            store.transaction.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        };
      }),
    { key, body },
  );
}

describe('journeys through the real controls in Chromium', () => {
  let ext: ExtensionContext;

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild());
    await routePages(ext.context, buildRoutes());
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  it("opens and closes the panel with the popup's button on an article that shows none by itself", async () => {
    const page = await ext.context.newPage();
    await page.goto(UNRELATED_URL);
    await contentScriptDone(ext.worker, UNRELATED_URL);
    expect(await page.locator('jak-lens-panel').count()).toBe(0);

    const tabId = await waitFor(() => tabIdFor(ext.worker, UNRELATED_URL));
    // The popup closes itself after the button does its work, as a toolbar popup does: open it twice.
    const pressShowOrHide = async () => {
      const popup = await ext.context.newPage();
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
      const closedItself = popup.waitForEvent('close', { timeout: 10_000 });
      // The click and the popup's window.close() race: Playwright may see the page go while it
      // finishes the click. Only a click that failed on a popup still open is a failure.
      await popup
        .getByRole('button', { name: 'Show or hide panel' })
        .click()
        .catch((error: unknown) => {
          if (!popup.isClosed()) throw error;
        });
      await closedItself;
    };
    await pressShowOrHide();
    await chromiumUi(page).waitFor('jak-lens-panel', '.jl-header', 10_000);
    await pressShowOrHide();
    await expect.poll(() => page.locator('jak-lens-panel').count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('opens and closes the panel with its keyboard command, Alt+Shift+J', async () => {
    const page = await ext.context.newPage();
    await page.goto(UNRELATED_URL);
    await contentScriptDone(ext.worker, UNRELATED_URL);
    expect(await page.locator('jak-lens-panel').count()).toBe(0);

    await pressCommandShortcut(ext, page, 'J');
    await chromiumUi(page).waitFor('jak-lens-panel', '.jl-header', 10_000);
    await pressCommandShortcut(ext, page, 'J');
    await expect.poll(() => page.locator('jak-lens-panel').count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('highlights the selected text with its keyboard command, Alt+Shift+K', async () => {
    const phrase = 'proximal muscle weakness';
    const page = await ext.context.newPage();
    await page.goto(SEED_URL);
    await chromiumUi(page).waitFor('jak-lens-panel', '.jl-header', 20_000);
    expect((await page.evaluate(selectInAbstract, { text: phrase, scroll: true })).text).toBe(
      phrase,
    );

    await pressCommandShortcut(ext, page, 'K');
    await expect
      .poll(
        async () =>
          ((await readTable(ext.worker, 'highlights')) as { textQuote: { exact: string } }[]).map(
            (h) => h.textQuote.exact,
          ),
        { timeout: 10_000 },
      )
      .toContain(phrase);
    // Drawn over the phrase, in the overlay's closed root (read over CDP).
    await expect
      .poll(async () => {
        const [drawn] = await chromiumUi(page).inRoots(READER_LAYER, readDrawnHighlights);
        return letters((drawn ?? []).map((d) => d.text).join(''));
      })
      .toBe(letters(phrase));
    await page.close();
  });

  it.each([
    ['Use my version', 'mine'],
    ['Keep the newer one', 'newer'],
  ] as const)(
    'shows the conflict banner when a newer revision arrived unseen; "%s" keeps %s',
    async (choice, winner) => {
      const key = 'pmid:34563217';
      const page = await ext.context.newPage();
      await page.goto(SEED_URL);
      const note = await noteFrame(page);
      const field = note.locator('textarea').first();
      await field.click({ timeout: 20_000 });
      await field.pressSequentially(` First draft (${winner}).`);
      await expect.poll(() => note.locator('.jak-save-state').first().textContent()).toBe('Saved');

      const newer = `Written on another device (${winner}).`;
      await writeNewerRevision(ext, key, newer);
      await field.pressSequentially(' Then more.');
      const banner = note
        .getByRole('alert')
        .filter({ hasText: 'Another tab saved a newer version' });
      await banner.waitFor({ timeout: 15_000 });
      // Until the reader chooses, the newer revision is the note (and the editor shows it); the text
      // typed here is kept as a copy, shown in the banner.
      const mine = (await banner.locator('blockquote').textContent()) ?? '';
      expect(mine).toContain('Then more.');
      expect(await noteBody(ext, key)).toBe(newer);

      await banner.getByRole('button', { name: choice }).click();
      await expect.poll(() => banner.count()).toBe(0);
      const expected = winner === 'mine' ? mine : newer;
      await expect.poll(() => noteBody(ext, key)).toBe(expected);
      await expect.poll(() => field.inputValue()).toBe(expected);
      await page.close();
    },
  );
});
