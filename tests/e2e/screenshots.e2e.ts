import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumDriver } from './drivers/chromium';
import { eventually } from './drivers/types';
import { buildRoutes, SEED_URL } from './pages';
import { chromiumUi } from './support/chromium-ui';
import { requireBuild } from './support/extension';

/** The panel's host; its root is closed, so its inside is read over the protocol (chromium-ui.ts). */
const PANEL = 'jak-lens-panel';

/**
 * Screenshots of the panel on the derived JDM page, light and dark, for people to look at
 * (.tmp/screenshots/; the README shows one). PubMed's own stylesheets are not served, so the page
 * around the panel is unstyled.
 */
describe('panel screenshots', () => {
  let browser: ChromiumDriver;
  beforeAll(async () => {
    browser = await ChromiumDriver.launch(requireBuild(), buildRoutes());
    mkdirSync('.tmp/screenshots', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['light', 'dark'] as const)('renders the panel in the %s scheme', async (scheme) => {
    const page = await browser.extension.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(SEED_URL);
    const ui = chromiumUi(page);
    await eventually(async () => (await ui.count(PANEL, '.jl-card')) >= 3);
    const panel = await ui.box(PANEL, '.jl-panel');
    // Docked inside the window, on the side, not spanning the page.
    expect(panel).not.toBeNull();
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(1400);
    expect(panel!.width).toBeLessThan(700);
    // Cropped to what JAK Lens adds: the panel itself, then the marked abstract (the panel hidden for
    // that picture only, since it docks over the unstyled page).
    await ui.screenshot(PANEL, '.jl-panel', `.tmp/screenshots/panel-${scheme}.png`);
    await page.locator('jak-lens-panel').evaluate((host) => {
      (host as HTMLElement).style.display = 'none';
    });
    await page.locator('#abstract').screenshot({ path: `.tmp/screenshots/abstract-${scheme}.png` });
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    "sizes the note frame to its content, in the panel's %s colours",
    async (scheme) => {
      const page = await browser.extension.context.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(SEED_URL);
      const ui = chromiumUi(page);
      const note = await ui.frame(PANEL, 'iframe.jl-note-frame');
      await note.locator('.jak-note-editor textarea').waitFor({ timeout: 20_000 });
      const content = () =>
        note.locator('.jl-frame').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      // The frame posts its height; the panel takes it (no inner scrollbar, no blank gap), even while
      // the frame is scrolled out of view below the drug cards.
      await expect
        .poll(
          async () =>
            Math.abs((await ui.box(PANEL, 'iframe.jl-note-frame'))!.height - (await content())),
          {
            timeout: 10_000,
          },
        )
        .toBeLessThanOrEqual(1);
      const [panelColours] = await ui.each(PANEL, '.jl-panel', (el) => [
        getComputedStyle(el).backgroundColor,
        getComputedStyle(el).color,
      ]);
      const frameColours = await note
        .locator('.jl-frame')
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      expect(frameColours).toEqual(panelColours);
      await ui.screenshot(PANEL, '.jl-notes', `.tmp/screenshots/note-${scheme}.png`);
      await page.close();
    },
  );

  it.each(['light', 'dark'] as const)(
    'shows a drug card by default and with Details open, in the %s scheme (docs/)',
    async (scheme) => {
      const page = await browser.extension.context.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(SEED_URL);
      const ui = chromiumUi(page);
      const card = '.jl-card[data-drug="drug:baricitinib"]';
      await ui.waitFor(PANEL, card, 20_000);
      // The default view: status line and the strongest DM items, nothing from Details.
      await expect
        .poll(async () => (await ui.texts(PANEL, `${card} .jl-status`)).join(''))
        .toMatch(/^Approved for/);
      expect(await ui.visible(PANEL, `${card} .jl-approvals`)).toBe(false);
      await ui.screenshot(PANEL, card, `docs/drug-card-${scheme}.png`);
      await ui.click(PANEL, `${card} details.jl-details > summary`);
      await expect.poll(() => ui.visible(PANEL, `${card} .jl-approvals`)).toBe(true);
      await ui.screenshot(PANEL, card, `docs/drug-card-details-${scheme}.png`);
      await page.close();
    },
  );

  it('measures the default view of the drug cards on the seed review', async () => {
    const page = await browser.extension.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(SEED_URL);
    const ui = chromiumUi(page);
    await eventually(async () => (await ui.count(PANEL, '.jl-card')) >= 3);
    const heights = await ui.each(PANEL, '.jl-card', (c) =>
      Math.round(c.getBoundingClientRect().height),
    );
    const [panel] = await ui.each(PANEL, '.jl-panel', (el) => Math.round(el.scrollHeight));
    const cards = heights.reduce((a, b) => a + b, 0);
    // A figure for the README, not a limit: printed so a change in the card's length shows.
    console.log(`[panel height] cards ${heights.join(' + ')} = ${cards} px; panel ${panel} px`);
    expect(cards).toBeGreaterThan(0);
    await page.close();
  });
});
