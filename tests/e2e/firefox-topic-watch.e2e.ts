import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxDriver } from './drivers/firefox';
import { eventually } from './drivers/types';
import { buildRoutes, DERIVED_SEARCH_URL } from './pages';
import { requireBuild } from './support/extension';

/**
 * PubMed watches in Firefox: only what runs in the page. The checks themselves (esearch / efetch from
 * the background) are tested in Chromium (topic-watch.e2e.ts): Puppeteer over WebDriver BiDi
 * intercepts page requests only, so the add-on's background requests could not be routed here —
 * they would reach the real network, which the suites never do.
 */
describe('PubMed watches in Firefox (page side only)', () => {
  let browser: FirefoxDriver;
  beforeAll(async () => {
    console.info(
      '[firefox] PubMed watch checks are not run in Firefox: its background requests cannot be routed ' +
        '(Puppeteer over BiDi intercepts page requests only); Chromium runs them (topic-watch.e2e.ts).',
    );
    browser = await FirefoxDriver.launch(
      requireBuild(resolve('.output/firefox-mv2')),
      buildRoutes(),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers "Watch this search" in the strip above PubMed results', async () => {
    const page = await browser.newPage();
    await page.goto(DERIVED_SEARCH_URL);
    await eventually(async () => (await page.count('.jl-strip-watch')) === 1, 20_000, 'the button');
    expect(await page.texts('.jl-strip-watch')).toEqual(['Watch this search']);
    await page.close();
  });
});
