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
    await eventually(async () => (await page.locator('jak-lens-panel .jl-card').count()) >= 3);
    const panel = await page.locator('jak-lens-panel .jl-panel').boundingBox();
    // Docked inside the window, on the side, not spanning the page.
    expect(panel).not.toBeNull();
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(1400);
    expect(panel!.width).toBeLessThan(700);
    // Cropped to what JAK Lens adds: the panel itself, then the marked abstract (the panel hidden for
    // that picture only, since it docks over the unstyled page).
    await page.locator('jak-lens-panel .jl-panel').screenshot({
      path: `.tmp/screenshots/panel-${scheme}.png`,
    });
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
      const iframe = page.locator('jak-lens-panel iframe.jl-note-frame');
      const note = iframe.contentFrame();
      await note.locator('.jak-note-editor textarea').waitFor({ timeout: 20_000 });
      const content = () =>
        note.locator('.jl-frame').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      // The frame posts its height; the panel takes it (no inner scrollbar, no blank gap), even while
      // the frame is scrolled out of view below the drug cards.
      await expect
        .poll(async () => Math.abs((await iframe.boundingBox())!.height - (await content())), {
          timeout: 10_000,
        })
        .toBeLessThanOrEqual(1);
      const panelColours = await page
        .locator('jak-lens-panel .jl-panel')
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      const frameColours = await note
        .locator('.jl-frame')
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      expect(frameColours).toEqual(panelColours);
      await page.locator('jak-lens-panel .jl-notes').scrollIntoViewIfNeeded();
      await page
        .locator('jak-lens-panel .jl-notes')
        .screenshot({ path: `.tmp/screenshots/note-${scheme}.png` });
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
      const card = page.locator('jak-lens-panel .jl-card[data-drug="drug:baricitinib"]');
      await card.waitFor({ timeout: 20_000 });
      // The default view: status line and the strongest DM items, nothing from Details.
      await expect.poll(() => card.locator('.jl-status').textContent()).toMatch(/^Approved for/);
      expect(await card.locator('.jl-approvals').isVisible()).toBe(false);
      await card.screenshot({ path: `docs/drug-card-${scheme}.png` });
      await card.locator('details.jl-details > summary').click();
      await expect.poll(() => card.locator('.jl-approvals').isVisible()).toBe(true);
      // Open, the card is taller than the window; the panel scrolls inside itself, so a card
      // screenshot would be clipped to the panel's visible part. A window tall enough for the
      // whole card (the panel is full height) and the card scrolled to the top show all of it.
      const open = await card.evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      await page.setViewportSize({ width: 1400, height: Math.max(900, open + 120) });
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await card.screenshot({ path: `docs/drug-card-details-${scheme}.png` });
      await page.close();
    },
  );

  it('shows what JAK Lens adds to PubMed and the library, cropped to it (docs/)', async () => {
    const page = await browser.extension.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(SEED_URL);
    await contentScriptDone(browser.extension.worker, SEED_URL);
    await eventually(async () => (await page.locator('jak-lens-panel .jl-card').count()) >= 3);
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
    const note = page.locator('jak-lens-panel iframe.jl-note-frame').contentFrame();
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
    await eventually(async () => (await page.locator('jak-lens-panel .jl-card').count()) >= 3);
    const heights = await page
      .locator('jak-lens-panel .jl-card')
      .evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().height)));
    const panel = await page
      .locator('jak-lens-panel .jl-panel')
      .evaluate((el) => Math.round(el.scrollHeight));
    const cards = heights.reduce((a, b) => a + b, 0);
    // A figure for the README, not a limit: printed so a change in the card's length shows.
    console.log(`[panel height] cards ${heights.join(' + ')} = ${cards} px; panel ${panel} px`);
    expect(cards).toBeGreaterThan(0);
    await page.close();
  });
});
