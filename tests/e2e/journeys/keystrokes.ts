import { expect, it } from 'vitest';
import { eventually, type E2EBrowser, type E2EPage } from '../drivers/types';
import { SEED_URL } from '../pages';
import { inNote } from './note-target';
import { selectInAbstract } from '../support/select-in-abstract';

/**
 * Issue 14, "every keystroke survives": text typed into the note and the tab closed, or the browser
 * quit, 0 ms after the last key is all there on the next visit. Nothing waits between the last key and
 * the close: `type` resolves when the browser has handled the last key event, and the close follows at
 * once, well inside the autosave's 800 ms debounce, so only the synchronous journal (the note frame's
 * localStorage, utils/storage/journals/draft-journal.ts) can have kept the text.
 */

/** Opens the seed article and waits for its note editor to hold the stored note; returns it. */
export async function openNote(browser: E2EBrowser): Promise<{ page: E2EPage; before: string }> {
  const page = await browser.newPage();
  await page.goto(SEED_URL);
  await eventually(async () => (await page.count(inNote('textarea'))) === 1, 30_000, 'note editor');
  const [before] = await page.values(inNote('textarea'));
  return { page, before: before ?? '' };
}

/** A sentence unlikely to be typed by anything else, so finding it proves these keys were kept. */
export function sentence(label: string): string {
  return ` Kept after ${label}: CK 2,350 U/L; baricitinib 4 mg daily ${Math.random().toString(36).slice(2, 8)}.`;
}

/**
 * Waits until the note on a fresh visit holds every character typed: the earlier text with `typed`
 * inserted whole (the click that focused the field may put the caret anywhere in it).
 */
export async function expectEveryCharacter(
  browser: E2EBrowser,
  before: string,
  typed: string,
): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(SEED_URL);
  let last = '';
  try {
    await eventually(
      async () => {
        last = (await page.values(inNote('textarea'))).join('');
        return last.length === before.length + typed.length && last.includes(typed);
      },
      30_000,
      'every typed character in the note',
    );
  } catch (error) {
    throw new Error(
      `The note lost keys. Expected ${JSON.stringify(typed)} in ${JSON.stringify(last)}`,
      {
        cause: error,
      },
    );
  }
  // Recovered, then saved by the database: the editor says so, and a reload shows it again.
  await eventually(
    async () => (await page.texts(inNote('.jak-save-state'))).join('') === 'Saved',
    15_000,
    'saved',
  );
  return page;
}

export function keystrokeJourneys(getBrowser: () => E2EBrowser): void {
  it('keeps every character typed into the note when the tab is closed 0 ms after the last key', async () => {
    const browser = getBrowser();
    const { page, before } = await openNote(browser);
    const typed = sentence('closing the tab');
    await page.type(inNote('textarea'), typed);
    await page.close();
    const next = await expectEveryCharacter(browser, before, typed);
    await next.close();
  });

  it('keeps every character typed into the note when the browser quits 0 ms after the last key', async () => {
    const { page, before } = await openNote(getBrowser());
    const typed = sentence('quitting the browser');
    await page.type(inNote('textarea'), typed);
    await getBrowser().restart();
    const next = await expectEveryCharacter(getBrowser(), before, typed);
    await next.close();
  });

  it('keeps a comment typed in the selection bar when the tab is closed 0 ms after the last key', async () => {
    // Before "Highlight" is pressed the highlight does not exist: only the bar's journal
    // (storage.local, utils/storage/journals/comment-journal.ts) can keep the words; the next visit makes
    // the highlight with them.
    const phrase = 'proximal muscle weakness';
    const browser = getBrowser();
    const page = await browser.newPage();
    await page.goto(SEED_URL);
    await eventually(async () => (await page.count(inNote('textarea'))) === 1, 30_000, 'panel');
    const bar = (inner: string) => ({ host: 'jl-selection-action', inner });
    expect((await page.evaluate(selectInAbstract, { text: phrase, scroll: true })).text).toBe(
      phrase,
    );
    await page.evaluate(() =>
      document
        .querySelector('#abstract')!
        .dispatchEvent(new MouseEvent('mouseup', { bubbles: true })),
    );
    await page.click(bar('.jl-sel-comment'));
    const typed = sentence('closing the tab on the selection bar').trim();
    await page.type(bar('textarea'), typed);
    await page.close();

    const next = await browser.newPage();
    await next.goto(SEED_URL);
    await eventually(
      async () =>
        (await next.values({ host: 'jak-lens-panel', inner: '.jl-hl-item textarea' })).includes(
          typed,
        ),
      30_000,
      'the comment, on its highlight',
    );
    expect(await next.texts({ host: 'jak-lens-panel', inner: '.jl-hl-quote' })).toContain(phrase);
    await next.close();
  });
}
