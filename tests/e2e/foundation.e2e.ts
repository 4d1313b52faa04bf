import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { readFixture } from '../support/fixtures';
import { routePages } from '../support/routes';
import { readTable, requireBuild, tabIdFor, waitFor } from './support/extension';

const ARTICLE_URL = 'https://pubmed.ncbi.nlm.nih.gov/37882686/';
const ARTICLE_TITLE =
  'Aortic Valve Replacement and Repair With or Without Concomitant Ascending Aorta Replacement: Impact on Outcomes: A Systematic Review';
const SEARCH_URL =
  'https://pubmed.ncbi.nlm.nih.gov/?term=%28hypertension%5BTitle%5D%29+AND+%28food%5BText+Word%5D%29&sort=';

const pages = {
  [ARTICLE_URL]: { body: readFixture('pubmed-article/PMID-37882686.html') },
  [SEARCH_URL]: {
    body: readFixture('pubmed-search/term-hypertension-Title-AND-food-TextWord.html'),
  },
};

type RecentRow = { key: string; pmid?: string; title: string; journal?: string; year?: number };

describe('foundation: the built extension in real Chromium', () => {
  const build = requireBuild();
  let ext: ExtensionContext;

  beforeAll(async () => {
    ext = await launchWithExtension(build);
    await routePages(ext.context, pages);
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  it('starts the service worker, whose URL gives the extension id', () => {
    expect(ext.worker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('records a PubMed article the reader opens in the recent list', async () => {
    const page = await ext.context.newPage();
    await page.goto(ARTICLE_URL);
    const rows = await waitFor(async () => {
      const all = (await readTable(ext.worker, 'recent')) as RecentRow[];
      return all.length > 0 ? all : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: 'pmid:37882686',
      pmid: '37882686',
      title: ARTICLE_TITLE,
      journal: 'Cardiology in review',
      year: 2025,
    });
  });

  it('does not record a search results page as an article', async () => {
    const page = await ext.context.newPage();
    await page.goto(SEARCH_URL);
    // Ask the content script what it saw, through the popup, then check nothing new was stored.
    const tabId = await waitFor(() =>
      tabIdFor(ext.worker, 'https://pubmed.ncbi.nlm.nih.gov/?term=*'),
    );
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('main').innerText()).toContain('PubMed search results');
    const rows = (await readTable(ext.worker, 'recent')) as RecentRow[];
    expect(rows.map((r) => r.key)).toEqual(['pmid:37882686']);
    await popup.close();
    await page.close();
  });

  it('shows the article of the current tab in the popup', async () => {
    const tabId = await waitFor(() => tabIdFor(ext.worker, ARTICLE_URL));
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('.article .title').textContent()).toBe(ARTICLE_TITLE);
    await expect(popup.locator('.article .pmid a').textContent()).resolves.toBe('37882686');
    await popup.close();
  });

  it('says plainly that it works on PubMed when the tab is elsewhere', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('.not-here').textContent())
      .toContain('works on PubMed pages');
    await popup.close();
  });

  it('lists the article in the library, and the list survives a browser restart', async () => {
    const library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await expect
      .poll(() => library.locator('.recent-title').allTextContents())
      .toEqual([ARTICLE_TITLE]);
    await expect(library.locator('.recent-title').getAttribute('href')).resolves.toBe(ARTICLE_URL);

    await ext.close();
    ext = await launchWithExtension(build, ext.userDataDir);
    const again = await ext.context.newPage();
    await again.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await expect
      .poll(() => again.locator('.recent-title').allTextContents())
      .toEqual([ARTICLE_TITLE]);
  });

  it('clears the recent list from the library, live', async () => {
    const library = await ext.context.newPage();
    library.on('dialog', (dialog) => void dialog.accept());
    await library.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await expect.poll(() => library.locator('.recent-title').count()).toBe(1);
    await library.getByRole('button', { name: 'Clear list' }).click();
    await expect.poll(() => library.locator('.recent-item').count()).toBe(0);
    await expect.poll(async () => (await readTable(ext.worker, 'recent')).length).toBe(0);
  });
});
