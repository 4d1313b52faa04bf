import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumDriver } from './drivers/chromium';
import { eventually } from './drivers/types';
import { buildRoutes, SEED_URL } from './pages';
import { requireBuild } from './support/extension';

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
    await page.screenshot({ path: `.tmp/screenshots/panel-${scheme}.png` });
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
});
