import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumDriver } from './drivers/chromium';
import { eventually } from './drivers/types';
import { buildRoutes, DERIVED_SEARCH_URL, SEED_URL } from './pages';
import {
  contentScriptDone,
  pressCommandShortcut,
  requireBuild,
  waitFor,
} from './support/extension';
import { chromiumUi } from './support/chromium-ui';

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
      // Open, the card is taller than the window; the panel scrolls inside itself. ui.screenshot
      // makes the window tall enough for the whole card (the panel is full height), as Playwright's
      // element screenshot does.
      await ui.screenshot(PANEL, card, `docs/drug-card-details-${scheme}.png`);
      await page.close();
    },
  );

  it('shows what JAK Lens adds to PubMed and the library, cropped to it (docs/)', async () => {
    const page = await browser.extension.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(SEED_URL);
    await contentScriptDone(browser.extension.worker, SEED_URL);
    await eventually(async () => (await chromiumUi(page).count(PANEL, '.jl-card')) >= 3);
    // The marked abstract, the panel hidden by its keyboard command for this picture (it docks over the
    // unstyled page).
    await pressCommandShortcut(browser.extension, page, 'J');
    await expect.poll(() => page.locator('jak-lens-panel').count()).toBe(0);
    const abstract = page.locator('#abstract');
    expect(await abstract.locator('jl-mark').count()).toBeGreaterThan(5);
    await abstract.screenshot({ path: 'docs/abstract-light.png' });

    // A mark card, opened from the keyboard (marks are focusable), cropped to its host.
    await page.locator('jl-mark[data-jl-term="drug:baricitinib"]').first().focus();
    const card = page.locator('jl-mark-card');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(async () => (await card.boundingBox())?.height ?? 0).toBeGreaterThan(40);
    await card.screenshot({ path: 'docs/mark-card-light.png' });

    // Search badges: the strip above the results, then the first three results with their badges.
    await page.goto(DERIVED_SEARCH_URL);
    const strip = page.locator('[data-jl-ui="strip"]');
    await strip.waitFor({ timeout: 20_000 });
    await strip.screenshot({ path: 'docs/search-strip-light.png' });
    const results = page.locator('article.full-docsum');
    await results.nth(2).locator('[data-jl-ui="badge"]').waitFor();
    const clip = await results.evaluateAll((all) => {
      const first = all[0]!.getBoundingClientRect();
      const third = all[2]!.getBoundingClientRect();
      return { x: 0, y: first.top + scrollY, width: innerWidth, height: third.bottom - first.top };
    });
    expect(clip.height).toBeGreaterThan(0);
    await page.screenshot({ path: 'docs/search-badges-light.png', clip, fullPage: true });

    // The library with the article annotated in this run (a note typed through the panel).
    await page.goto(SEED_URL);
    const note = await chromiumUi(page).frame(PANEL, 'iframe.jl-note-frame');
    await note.locator('textarea').first().click();
    await note
      .locator('textarea')
      .first()
      .pressSequentially('Baricitinib in refractory JDM: compare with the 2023 cohort.');
    await waitFor(
      async () => (await note.locator('.jak-save-state').first().textContent()) === 'Saved',
    );
    const library = await browser.extension.context.newPage();
    await library.setViewportSize({ width: 1000, height: 500 });
    await library.goto(`chrome-extension://${browser.extension.extensionId}/dashboard.html`);
    await library.locator('.library-row').first().waitFor({ timeout: 15_000 });
    await library.screenshot({ path: 'docs/library-light.png' });
    await library.close();
    await page.close();
  });

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
