import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { efetchReply, esearchReply } from '../support/eutils-replies';
import { buildRoutes, DERIVED_SEARCH_URL } from './pages';
import { lookupRoute } from './drivers/types';
import { requireBuild } from './support/extension';

/**
 * PubMed watches in real Chromium. The background's requests are routed like the pages': esearch is
 * answered in NCBI's documented eSearchResult format carrying the PMIDs of the real efetch records in
 * tests/fixtures/eutils-xml, efetch with those real records. Every other request is aborted and
 * logged, so the suite also checks that nothing but NCBI is contacted.
 */
type EsearchAnswer = { status: number; body: string; headers?: Record<string, string> };

describe('PubMed watches in real Chromium', () => {
  let ext: ExtensionContext;
  let library: Page;
  /** Every request the extension's background made (the pages' own requests are PubMed's business). */
  const requests: URL[] = [];
  /** What esearch answers next; the tests change it between runs. */
  let esearch: (url: URL) => EsearchAnswer = () => ({
    status: 200,
    body: esearchReply({ ids: [] }),
  });
  const pages = buildRoutes();

  const handle = async (route: Route) => {
    const raw = route.request().url().split('#')[0]!;
    if (!raw.startsWith('http')) return route.continue();
    const url = new URL(raw);
    if (route.request().serviceWorker()) requests.push(url);
    if (url.pathname === '/entrez/eutils/esearch.fcgi' && url.host === 'eutils.ncbi.nlm.nih.gov') {
      const answer = esearch(url);
      return route.fulfill({ ...answer, contentType: 'text/xml; charset=utf-8' });
    }
    if (url.pathname === '/entrez/eutils/efetch.fcgi' && url.host === 'eutils.ncbi.nlm.nih.gov') {
      const ids = (url.searchParams.get('id') ?? '').split(',');
      return route.fulfill({ status: 200, body: efetchReply(ids), contentType: 'text/xml' });
    }
    const page = lookupRoute(pages, raw);
    return page
      ? route.fulfill({
          status: 200,
          body: page.body,
          contentType: page.contentType ?? 'text/html',
        })
      : route.abort();
  };

  const ncbiCalls = (path: 'esearch' | 'efetch') =>
    requests.filter((u) => u.pathname === `/entrez/eutils/${path}.fcgi`);
  const badge = () =>
    ext.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.action.getBadgeText({}),
    );
  const shownPmids = () =>
    library.$$eval('li.new-paper', (items) => items.map((li) => li.getAttribute('data-pmid')));
  const checkAll = async () => {
    await library.getByRole('button', { name: 'Check all now' }).click();
    await expect
      .poll(() => library.getByRole('button', { name: 'Check all now' }).isEnabled(), {
        timeout: 20_000,
      })
      .toBe(true);
  };

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild());
    await ext.context.route('**/*', handle);
    library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/dashboard.html#new-papers`);
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  it('offers the default watch on first run, its query shown, paused until started', async () => {
    const watch = library.locator('li.topic-watch');
    await expect.poll(() => watch.count(), { timeout: 15_000 }).toBe(1);
    expect(await watch.locator('strong').textContent()).toBe('Myositis / JDM and JAK inhibition');
    const query = await watch.locator('code').textContent();
    expect(query).toContain('myositis[MeSH Terms]');
    expect(query).toContain('baricitinib[Title/Abstract]');
    expect(await watch.textContent()).toContain('Not started: nothing is sent to NCBI');
    expect(ncbiCalls('esearch')).toEqual([]);
    await watch.getByRole('button', { name: 'Start watching' }).click();
    await expect.poll(() => watch.textContent()).toContain('Not checked yet.');
    // Starting the unchanged query sends nothing either (NCBI is asked about new queries only).
    expect(ncbiCalls('esearch')).toEqual([]);
  });

  it('first run: finds the routed records, classifies them, badges the count and lists them', async () => {
    esearch = () => ({ status: 200, body: esearchReply({ ids: ['38909159', '33474827'] }) });
    await checkAll();
    await expect.poll(shownPmids, { timeout: 15_000 }).toHaveLength(2);
    const search = ncbiCalls('esearch').at(-1)!;
    expect(search.searchParams.get('datetype')).toBe('edat');
    expect(search.searchParams.get('reldate')).toBe('30');
    expect(search.searchParams.get('term')).toContain('myositis[MeSH Terms]');
    expect(search.searchParams.get('tool')).toBe('jak-lens');
    expect(ncbiCalls('efetch').at(-1)!.searchParams.get('id')).toBe('38909159,33474827');
    const jdm = library.locator('li.new-paper[data-pmid="38909159"]');
    expect(await jdm.textContent()).toMatch(/juvenile dermatomyositis/i);
    expect(await jdm.locator('.verdict').textContent()).toContain('juvenile dermatomyositis');
    expect(await badge()).toBe('2');
  });

  it('"Seen" lowers the badge, and the popup gives the count', async () => {
    await library
      .locator('li.new-paper[data-pmid="33474827"]')
      .getByRole('button', { name: 'Seen' })
      .click();
    await expect.poll(badge).toBe('1');
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('.new-papers-link').textContent(), { timeout: 10_000 })
      .toBe('1 new paper from your PubMed watches');
    await popup.close();
  });

  it('second run: asks from the last day covered and announces only what is new', async () => {
    const before = ncbiCalls('efetch').length;
    esearch = () => ({
      status: 200,
      body: esearchReply({ ids: ['38909159', '33474827', '38747095', '38763967'] }),
    });
    await checkAll();
    await expect.poll(shownPmids, { timeout: 15_000 }).toHaveLength(4);
    const search = ncbiCalls('esearch').at(-1)!;
    expect(search.searchParams.get('mindate')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect(search.searchParams.get('maxdate')).toBe(search.searchParams.get('mindate'));
    expect(search.searchParams.get('reldate')).toBeNull();
    const fetches = ncbiCalls('efetch').slice(before);
    expect(fetches.map((u) => u.searchParams.get('id'))).toEqual(['38747095,38763967']);
    await library.screenshot({ path: 'docs/new-papers.png', fullPage: true });
    // The paper marked seen stays seen; the badge counts the unseen ones only.
    expect(await badge()).toBe('3');
    expect(
      await library.locator('li.new-paper[data-pmid="33474827"]').getAttribute('class'),
    ).toContain('status-seen');
  });

  it('a 429 is waited out (Retry-After) and retried; a lasting one is shown with its reason', async () => {
    let calls = 0;
    esearch = () =>
      ++calls === 1
        ? { status: 429, body: 'Too Many Requests', headers: { 'Retry-After': '1' } }
        : { status: 200, body: esearchReply({ ids: ['38909159'] }) };
    const start = ncbiCalls('esearch').length;
    await checkAll();
    const tries = ncbiCalls('esearch').slice(start);
    expect(tries).toHaveLength(2);
    expect(await library.locator('.topic-watch-failure').count()).toBe(0);

    esearch = () => ({ status: 429, body: 'Too Many Requests', headers: { 'Retry-After': '1' } });
    await checkAll();
    await expect
      .poll(() => library.locator('li.topic-watch [role=alert]').textContent(), { timeout: 15_000 })
      .toContain(
        'NCBI asked JAK Lens to slow down (HTTP 429); it will try again later. It will be retried.',
      );
  });

  it('offline: nothing is sent, the failure says so', async () => {
    const before = requests.length;
    await ext.context.setOffline(true);
    esearch = () => ({ status: 200, body: esearchReply({ ids: ['39382274'] }) });
    await checkAll();
    await expect
      .poll(() => library.locator('li.topic-watch [role=alert]').textContent(), { timeout: 15_000 })
      .toContain('The browser is offline; nothing was sent to NCBI.');
    expect(requests.slice(before)).toEqual([]);
    await ext.context.setOffline(false);
  });

  it('"Watch this search" on a PubMed results page: NCBI checks the query, the library lists the watch', async () => {
    esearch = () => ({ status: 200, body: esearchReply({ ids: [] }) });
    const efetchesBefore = ncbiCalls('efetch').length;
    const page = await ext.context.newPage();
    await page.goto(DERIVED_SEARCH_URL);
    // The result PMID 38909159 was found by the watch: its badge is judged from the stored record,
    // which is not fetched again; the page's other results are, through the same gate.
    await expect
      .poll(() => page.locator('[title*="judged from the PubMed record"]').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const badgeFetches = ncbiCalls('efetch').slice(efetchesBefore);
    const fetchedIds = badgeFetches.flatMap((u) => (u.searchParams.get('id') ?? '').split(','));
    expect(fetchedIds.length).toBeGreaterThan(0);
    expect(fetchedIds).not.toContain('38909159');
    expect(badgeFetches.every((u) => u.searchParams.get('tool') === 'jak-lens')).toBe(true);
    await page.getByRole('button', { name: 'Watch this search' }).click();
    await expect
      .poll(() => page.locator('.jl-strip-watch-said').textContent(), { timeout: 15_000 })
      .toContain('Watching this search');
    const check = ncbiCalls('esearch').at(-1)!;
    expect(check.searchParams.get('term')).toBe('juvenile dermatomyositis');
    expect(check.searchParams.get('retmax')).toBe('0');
    await expect.poll(() => library.locator('li.topic-watch').count()).toBe(2);
    await page.close();
  });

  it('refuses a query NCBI reports an error for, in NCBI’s words', async () => {
    esearch = () => ({
      status: 200,
      body: esearchReply({ ids: [], errorList: [['FieldNotFound', 'tiabx']] }),
    });
    await library.getByRole('button', { name: 'Add a watch' }).click();
    await library.getByLabel('PubMed query').fill('jdm[tiabx]');
    await library.getByRole('button', { name: 'Save watch' }).click();
    await expect
      .poll(() => library.locator('.topic-watch-form [role=alert]').textContent(), {
        timeout: 15_000,
      })
      .toBe('PubMed cannot run this query. Unknown search field: tiabx');
    expect(await library.locator('li.topic-watch').count()).toBe(2);
    await library.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the background contacted nothing but NCBI E-utilities', async () => {
    expect(new Set(requests.map((u) => u.host))).toEqual(new Set(['eutils.ncbi.nlm.nih.gov']));
  });
});
