import { expect, it } from 'vitest';
import { eventually, type E2EBrowser } from '../drivers/types';
import {
  DERIVED_PMC_URL,
  DERIVED_SEARCH_URL,
  JDM_RECORD_PMID,
  SEARCH_URL,
  SEED_URL,
} from '../pages';
import { inNote } from './note-target';

const BADGE = '[data-jl-ui="badge"]';

/** Search results and PMC full text, for every driver. `canRouteBackground` is false where the driver
 * cannot serve the extension's own (background) requests: Puppeteer over BiDi intercepts page requests only. */
export function beyondJourneys(getBrowser: () => E2EBrowser, canRouteBackground: boolean): void {
  it('badges every search result, and results appended later', async () => {
    const page = await getBrowser().newPage();
    await page.goto(SEARCH_URL);
    await eventually(async () => (await page.count(BADGE)) === 10, 20_000, '10 badges');
    const strip = (await page.texts('[data-jl-ui="strip"] .jl-strip-text')).join(' ');
    expect(strip).toMatch(/0 of 10 results/);
    // Infinite scroll appends a chunk of results to the same container.
    await page.evaluate(() => {
      const chunk = document.querySelector('div.search-results-chunk');
      const copy = chunk?.cloneNode(true) as Element | undefined;
      copy?.querySelectorAll('[data-jl-ui], [data-jl-done]').forEach((el) => {
        if (el.hasAttribute('data-jl-ui')) el.remove();
        else el.removeAttribute('data-jl-done');
      });
      copy?.querySelectorAll('jl-mark').forEach((mark) => mark.replaceWith(...mark.childNodes));
      if (copy) chunk?.parentElement?.append(copy);
    });
    await eventually(async () => (await page.count(BADGE)) === 20, 20_000, '20 badges');
    // Each result exactly once: no result has two badges.
    const perResult = await page.evaluate(() =>
      [...document.querySelectorAll('article.full-docsum')].map(
        (r) => r.querySelectorAll('[data-jl-ui="badge"]').length,
      ),
    );
    expect(perResult.every((n) => n === 1)).toBe(true);
    await page.close();
  });

  if (canRouteBackground) {
    it('upgrades a search badge with the MeSH and abstract fetched from E-utilities', async () => {
      const page = await getBrowser().newPage();
      await page.goto(DERIVED_SEARCH_URL);
      const basis = await eventually(
        () =>
          page.evaluate(
            (pmid) =>
              document
                .querySelector(`article.full-docsum input[value="${pmid}"]`)
                ?.closest('article')
                ?.querySelector('[data-basis="record"]')
                ?.getAttribute('data-relevance'),
            JDM_RECORD_PMID,
          ),
        20_000,
        'badge from the fetched record',
      );
      expect(basis).toBe('disease');
      await page.close();
    });
  }

  it('shows the panel on PMC full text, and its note is the PubMed page note of the same PMID', async () => {
    const note = 'Read on PMC: the interferon score fell on baricitinib.';
    const pmc = await getBrowser().newPage();
    await pmc.goto(DERIVED_PMC_URL);
    await eventually(
      async () => (await pmc.count({ host: 'jak-lens-panel', inner: '.jl-card' })) >= 3,
      20_000,
      'PMC panel',
    );
    const terms = await pmc.evaluate(() =>
      [...document.querySelectorAll('jl-mark')].map((m) => m.getAttribute('data-jl-term')),
    );
    expect(terms).toContain('drug:baricitinib');
    await pmc.type(inNote('textarea'), note);
    await eventually(
      async () => (await pmc.texts(inNote('.jak-save-state'))).join('') === 'Saved',
      15_000,
      'saved on PMC',
    );
    await pmc.close();

    const pubmed = await getBrowser().newPage();
    await pubmed.goto(SEED_URL);
    await eventually(
      async () => (await pubmed.values(inNote('textarea'))).join('').includes(note),
      20_000,
      'the PMC note on the PubMed page',
    );
    await pubmed.close();
  });
}
