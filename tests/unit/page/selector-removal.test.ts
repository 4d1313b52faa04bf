// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../utils/article';
import { detectPageType } from '../../../utils/page/page-type';
import { parsePmcArticle } from '../../../utils/page/parse-pmc';
import { parsePubmedArticle } from '../../../utils/page/parse-pubmed';
import { parseSearchResults } from '../../support/search-results';
import { SELECTORS } from '../../../utils/page/selectors';
import { loadHtmlFixture, PMC_PAGES, PUBMED_ARTICLE, PUBMED_SEARCH } from '../../support/fixtures';
import { withoutMatches } from '../../support/remove-matches';

// Markup drifts: for every selector, remove what it matches from each real capture, run every
// parser, and check nothing throws and the result is the baseline minus some parts, not garbage.
// Elements are put back afterwards, so one parse per capture serves all selectors.
// Generous timeouts: ~75 selectors x 4 parsers per capture, on a shared 2-core machine.

function runAll(doc: Document, url: string) {
  return {
    type: detectPageType(doc, url),
    pubmed: parsePubmedArticle(doc, url),
    pmc: parsePmcArticle(doc, url),
    results: parseSearchResults(doc),
  };
}

/** A partial article: identity kept, every other part either as in the baseline or empty. */
function expectPartialOf(a: Article | null, base: Article) {
  expect(a).not.toBeNull();
  expect(a!.pmid).toBe(base.pmid);
  expect(a!.title).toBe(base.title);
  expect(a!.pmcid).toBe(base.pmcid);
  // Without citation_journal_title, PMC falls back to the citation button: the abbreviation.
  if (a!.journal && a!.journal !== base.journal)
    expect(isAbbreviationOf(a!.journal, base.journal!)).toBe(true);
  for (const key of ['doi', 'year', 'abstract'] as const) {
    expect([base[key], undefined, '']).toContain(a![key]);
  }
  for (const key of ['keywords', 'mesh', 'publicationTypes', 'substances'] as const) {
    for (const item of a![key]) expect(base[key]).toContain(item);
  }
  expect([0, base.authors.length]).toContain(a!.authors.length);
}

/** "Front Digit Health" abbreviates "Frontiers in Digital Health": each word starts a later word. */
function isAbbreviationOf(short: string, full: string): boolean {
  const words = full.toLowerCase().split(/\s+/);
  let i = 0;
  return short
    .toLowerCase()
    .split(/\s+/)
    .every((w) => {
      while (i < words.length && !words[i]!.startsWith(w)) i++;
      return i++ < words.length;
    });
}

const NAMES = Object.entries(SELECTORS);

describe.each([PUBMED_ARTICLE, ...PMC_PAGES])('removing each selector from $path', (page) => {
  const doc = loadHtmlFixture(page.path);
  const isPmc = page.path.startsWith('pmc-');
  const baseline = runAll(doc, page.url);
  const base = (isPmc ? baseline.pmc : baseline.pubmed)!;

  it('leaves every parser working, with a partial article of the same identity', () => {
    let removed = 0;
    for (const [, selector] of NAMES) {
      removed += withoutMatches(doc, selector, () => {
        const r = runAll(doc, page.url);
        expect(r.type).toBe(baseline.type);
        expectPartialOf(isPmc ? r.pmc : r.pubmed, base);
        expect(isPmc ? r.pubmed : r.pmc).toBeNull();
        expect(r.results).toEqual([]);
      });
    }
    expect(removed).toBeGreaterThan(0);
    // Everything was put back: the parse is the baseline again.
    expect(JSON.stringify(runAll(doc, page.url))).toBe(JSON.stringify(baseline));
  }, 60_000);
});

describe('removing each selector from the search capture', () => {
  const doc = loadHtmlFixture(PUBMED_SEARCH.path);
  const baseline = parseSearchResults(doc);
  const byPmid = new Map(baseline.map((r) => [r.pmid, r]));

  it('keeps parseSearchResults working on what remains', () => {
    for (const [, selector] of NAMES) {
      withoutMatches(doc, selector, () => {
        const r = runAll(doc, PUBMED_SEARCH.url);
        expect(r.type).toBe('pubmed-search');
        expect(r.pubmed).toBeNull();
        expect(r.pmc).toBeNull();
        for (const result of r.results) {
          const b = byPmid.get(result.pmid);
          expect(b).toBeDefined();
          expect([b!.title, '']).toContain(result.title);
          expect([b!.snippet, '']).toContain(result.snippet);
          expect([b!.journalCitation, '']).toContain(result.journalCitation);
        }
      });
    }
    expect(parseSearchResults(doc).map((r) => r.pmid)).toEqual(baseline.map((r) => r.pmid));
  }, 60_000);
});
