// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { initSearchResults, UI_ATTR } from '@/entrypoints/pubmed.content/search/search-results';
import { classifyArticle } from '@/utils/classify';
import { detectPageType } from '@/utils/page/page-type';
import { parsePubmedArticle } from '@/utils/page/parse-pubmed';
import { parsePmcArticle } from '@/utils/page/parse-pmc';
import { termMarkTargets } from '@/utils/page/roots';
import { parseSearchResults } from '../../support/search-results';
import { PMC_LEGACY_REF_LIST, PMC_REF_LIST, SELECTORS } from '@/utils/page/selectors';
import { classifySearchResult } from '@/utils/classify/search-verdicts';
import { checkSelectors, expectedSelectors, warnMissing } from '@/utils/page/selector-health';
import { loadHtmlFixture, PMC_PAGES, PUBMED_ARTICLE, PUBMED_SEARCH } from '../../support/fixtures';
import { withoutMatches } from '../../support/remove-matches';

// A PubMed redesign removes things. For every real capture and every selector in turn: remove what
// the selector matches, run everything that reads pages, and check that nothing throws, that the
// results are the baseline minus some parts, and that checkSelectors names the selector when it is
// one every page of the type has. (tests/unit/page/selector-removal.test.ts checks the parsed articles
// field by field.) Elements are put back after each run, so one parse per capture serves all.

/** Everything that reads a page, as the content script would run it. */
function readAll(doc: Document, url: string) {
  const type = detectPageType(doc, url);
  const pubmed = parsePubmedArticle(doc, url);
  const pmcArticle = parsePmcArticle(doc, url);
  const pmc = pmcArticle
    ? { article: pmcArticle, roots: termMarkTargets(doc, 'pmc-article').roots }
    : null;
  const results = parseSearchResults(doc);
  const article = pubmed ?? pmc?.article ?? null;
  return {
    type,
    pubmed,
    pmc,
    results,
    verdict: article ? classifyArticle(article) : null,
    resultVerdicts: results.map((r) => classifySearchResult(r).relevance),
    missing: checkSelectors(doc, type),
  };
}

const CAPTURES = [PUBMED_ARTICLE, PUBMED_SEARCH, ...PMC_PAGES];
const REF_LIST = `${PMC_REF_LIST}, ${PMC_LEGACY_REF_LIST}`;

describe.each(CAPTURES)('$path with each selector removed in turn', (page) => {
  const doc = loadHtmlFixture(page.path);
  const base = readAll(doc, page.url);
  const expected = expectedSelectors(doc, base.type);
  const named = new Set<string>();

  it('is complete as captured: no expected selector is missing', () => {
    expect(base.type).not.toBe('other');
    expect(base.missing).toEqual([]);
    expect(expected.length).toBeGreaterThanOrEqual(5);
  });

  it.each(Object.entries(SELECTORS))('without %s (%s)', (name, selector) => {
    const removed = withoutMatches(doc, selector, () => {
      const r = readAll(doc, page.url);
      expect(r.type).toBe(base.type);
      // Only what is gone can be reported missing; an expected selector that is gone is named.
      for (const m of r.missing) expect(expected).toContain(m);
      if (doc.querySelectorAll(selector).length === 0 && expected.includes(name)) {
        expect(r.missing).toContain(name);
        named.add(name);
      }
      // A thinner page never makes an off-topic article on-topic.
      expect(r.verdict?.relevance ?? null).toBe(base.verdict?.relevance ?? null);
      if (base.pmc) {
        expect(r.pmc?.article.pmcid).toBe(base.pmc.article.pmcid);
        for (const root of r.pmc!.roots) {
          expect(root.isConnected).toBe(true);
          expect(root.closest(REF_LIST) ?? root.querySelector(REF_LIST)).toBeNull();
        }
      }
      if (base.pubmed) expect(r.pubmed?.pmid).toBe(base.pubmed.pmid);
      const known = new Set(base.results.map((x) => x.pmid));
      for (const x of r.results) expect(known.has(x.pmid)).toBe(true);
      expect(r.resultVerdicts.every((v) => v === 'none')).toBe(true);
    });
    if (removed === 0) expect(checkSelectors(doc, base.type)).toEqual([]);
  });

  it('comes back whole after the removals, every expected selector having been named once gone', () => {
    expect(JSON.stringify(readAll(doc, page.url))).toBe(JSON.stringify(base));
    expect([...named].sort()).toEqual([...expected].sort());
  });
});

describe('search-result badges with each selector removed from the search capture', () => {
  const doc = loadHtmlFixture(PUBMED_SEARCH.path);

  it.each(Object.entries(SELECTORS))('without %s: one badge per readable result', (_n, sel) => {
    withoutMatches(doc, sel, () => {
      const controller = new AbortController();
      const cleanups: (() => void)[] = [];
      const ctx = {
        signal: controller.signal,
        onInvalidated: (cb: () => void) => cleanups.push(cb),
      };
      const warn = vi.spyOn(console, 'warn');
      try {
        initSearchResults(ctx, {
          doc,
          requestRecords: async () => ({}),
          hasNotes: async () => [],
          settings: { fetchRecords: true },
          markTerms: () => undefined,
        });
        const readable = parseSearchResults(doc).length;
        expect(doc.querySelectorAll(`[${UI_ATTR}="badge"]`)).toHaveLength(readable);
        expect(warn).not.toHaveBeenCalled();
      } finally {
        controller.abort();
        cleanups.forEach((cb) => cb());
        warn.mockRestore();
      }
      expect(doc.querySelectorAll(`[${UI_ATTR}]`)).toHaveLength(0);
    });
  });
});

describe('warnMissing', () => {
  it('warns once per selector name, with the name', () => {
    const log = { warn: vi.fn() };
    warnMissing(['SEARCH_RESULT', 'PMC_BODY'], log);
    warnMissing(['SEARCH_RESULT'], log);
    expect(log.warn.mock.calls).toEqual([
      ['[JAK Lens] PubMed layout changed: selector SEARCH_RESULT found nothing'],
      ['[JAK Lens] PubMed layout changed: selector PMC_BODY found nothing'],
    ]);
  });

  it('says nothing when nothing is missing', () => {
    const log = { warn: vi.fn() };
    warnMissing([], log);
    expect(log.warn).not.toHaveBeenCalled();
  });
});

describe('checkSelectors', () => {
  it('expects no result parts on a search that lists no results', () => {
    const doc = loadHtmlFixture(PUBMED_SEARCH.path);
    doc.querySelector(SELECTORS.META_DISPLAYED_UIDS!)!.setAttribute('content', '');
    doc.querySelectorAll(SELECTORS.SEARCH_RESULT!).forEach((el) => el.remove());
    expect(checkSelectors(doc, 'pubmed-search')).toEqual([]);
  });

  it('checks nothing on other pages', () => {
    expect(checkSelectors(loadHtmlFixture(PUBMED_SEARCH.path), 'other')).toEqual([]);
  });
});
