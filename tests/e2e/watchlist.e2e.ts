import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { routePages } from '../support/routes';
import { buildRoutes, SEED_URL } from './pages';
import { requireBuild, tabIdFor } from './support/extension';
import { chromiumUi } from './support/chromium-ui';

/** Writes the settings item straight into extension storage, as the library's settings page does. */
function setSettings(ext: ExtensionContext, settings: unknown): Promise<void> {
  return ext.worker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    await api.storage.local.set({ settings: value });
  }, settings);
}

function readSettings(ext: ExtensionContext): Promise<{ sites?: { pubmed?: boolean } }> {
  return ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return ((await api.storage.local.get('settings')) as { settings?: object }).settings ?? {};
  });
}

/** [text, term id, label] of every watch mark on the page. */
function watchMarks(page: Page): Promise<[string, string, string][]> {
  return page.$$eval("jl-mark[data-jl-kind='watch']", (marks) =>
    marks.map((m) => [
      m.textContent ?? '',
      m.getAttribute('data-jl-term') ?? '',
      m.getAttribute('data-jl-label') ?? '',
    ]),
  );
}

describe('watch list and the popup site switch in real Chromium', () => {
  let ext: ExtensionContext;
  let page: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild());
    await routePages(ext.context, buildRoutes());
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  it('marks a watch-list term with kind watch and its label, beside the knowledge-base terms', async () => {
    await setSettings(ext, {
      watchList: [{ term: 'proximal muscle weakness', label: 'Muscle <b>signs</b>' }],
    });
    page = await ext.context.newPage();
    await page.goto(SEED_URL);
    await expect
      .poll(() => watchMarks(page), { timeout: 20_000 })
      .toEqual([
        ['proximal muscle weakness', 'watch:proximal muscle weakness', 'Muscle <b>signs</b>'],
      ]);
    expect(await page.locator("jl-mark[data-jl-kind='drug']").count()).toBeGreaterThan(0);
    // The label is an attribute, never markup.
    expect(await page.locator('jl-mark b').count()).toBe(0);
    const mark = page.locator("jl-mark[data-jl-kind='watch']");
    // Its card (focus opens it at once) gives the reader's label, as text.
    await mark.focus();
    await expect
      // The card's root is closed: read by the driver over the protocol.
      .poll(async () => (await chromiumUi(page).texts('jl-mark-card', '.jl-mc')).join(' '))
      .toContain('Muscle <b>signs</b>');
    expect(await mark.evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe('double');
  });

  it('follows a change of the watch list on the open page, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { jlSamePage: boolean }).jlSamePage = true));
    await setSettings(ext, { watchList: [{ term: 'side-effects', label: 'Safety' }] });
    await expect
      .poll(() => watchMarks(page), { timeout: 15_000 })
      .toEqual([['side-effects', 'watch:side-effects', 'Safety']]);
    expect(await page.evaluate(() => 'jlSamePage' in window)).toBe(true);
    expect(await page.locator('jak-lens-panel').count()).toBe(1);
  });

  it('turns highlighting off and on for PubMed from the popup, and the open page follows', async () => {
    const tabId = await tabIdFor(ext.worker, SEED_URL);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    const toggle = popup.getByRole('button', { name: 'Highlights on PubMed' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => popup.locator('.article .title').count()).toBe(1);

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect((await readSettings(ext)).sites?.pubmed).toBe(false);
    await expect
      .poll(() => page.locator('jl-mark, jak-lens-panel, #jl-term-mark-style').count(), {
        timeout: 15_000,
      })
      .toBe(0);
    expect(await popup.locator('.site-off').textContent()).toContain('off on PubMed');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => watchMarks(page), { timeout: 20_000 })
      .toEqual([['side-effects', 'watch:side-effects', 'Safety']]);
    await expect.poll(() => page.locator('jak-lens-panel').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.evaluate(() => 'jlSamePage' in window)).toBe(true);
    await expect.poll(() => popup.locator('.article .title').count()).toBe(1);
    await popup.close();
  });
});
