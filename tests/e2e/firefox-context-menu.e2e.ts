import { describe, expect, it } from 'vitest';
import type { FirefoxPage } from './drivers/firefox';
import { eventually } from './drivers/types';
import { SEED_URL } from './pages';
import { firefoxForSuite } from './support/firefox-suite';
import { readTableInFirefox } from './support/firefox-tables';
import { selectInAbstract } from './support/select-in-abstract';
import { drawnHighlights, letters } from './support/drawn-highlights';

/**
 * The context-menu item "Highlight with JAK Lens", chosen as a reader does: select a phrase, right-click
 * it (real input), pick the item in the browser's own menu. Firefox only: headless Chromium draws no
 * native menu a driver can reach, while headless Firefox builds its menu in the parent process, which
 * the suite reaches over Firefox's debugging protocol.
 */
describe('the context-menu item in Firefox', () => {
  const browser = firefoxForSuite();

  it('highlights the selected phrase and saves it', async () => {
    const phrase = 'proximal muscle weakness';
    const page = (await browser().newPage()) as FirefoxPage;
    await page.goto(SEED_URL);
    await browser().contentScriptDone(SEED_URL);
    // Select the phrase and find where it is on screen.
    const at = await page.evaluate(selectInAbstract, { text: phrase, scroll: true });
    expect(at.text).toBe(phrase);

    await page.rightClickAt(at.x, at.y);
    await browser().chooseContextMenuItem('Highlight with JAK Lens');

    const saved = await eventually(
      async () => {
        const rows = (await readTableInFirefox(browser(), 'highlights')) as {
          textQuote: { exact: string };
        }[];
        return rows.find((row) => row.textQuote.exact === phrase);
      },
      10_000,
      'the highlight saved',
    );
    expect(saved.textQuote.exact).toBe(phrase);
    await eventually(
      async () =>
        letters((await drawnHighlights(page)).map((d) => d.text).join('')) === letters(phrase),
      10_000,
      'the phrase highlighted in the page (drawn in the overlay, read over BiDi)',
    );
  });
});
