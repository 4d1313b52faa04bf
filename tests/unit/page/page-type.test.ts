// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { detectPageType } from '../../../utils/page/page-type';
import {
  loadHtmlFixture,
  parseHtml,
  PMC_PAGES,
  PUBMED_ARTICLE,
  PUBMED_SEARCH,
} from '../../support/fixtures';
import { META_NCBI_APP, META_NCBI_PDID } from '../../../utils/page/selectors';

// Captures are 150-500 kB; parsing them on a busy 2-core machine can take seconds.
vi.setConfig({ testTimeout: 30_000 });

describe('detectPageType on the real captures', () => {
  const cases = [
    { page: PUBMED_ARTICLE, expected: 'pubmed-article' },
    { page: PUBMED_SEARCH, expected: 'pubmed-search' },
    ...PMC_PAGES.map((page) => ({ page, expected: 'pmc-article' })),
  ].map((c) => ({ ...c, doc: loadHtmlFixture(c.page.path) }));

  it.each(cases)('$page.path is $expected', ({ page, expected, doc }) => {
    expect(detectPageType(doc, page.url)).toBe(expected);
  });

  it.each(cases)(
    '$page.path is $expected from its markup alone (no NCBI URL)',
    ({ expected, doc }) => {
      expect(detectPageType(doc, 'file:///tmp/saved.html')).toBe(expected);
      expect(detectPageType(doc, '')).toBe(expected);
    },
  );

  it('still recognises the article page when ncbi_pdid is gone (falls back to #article-page)', () => {
    const doc = loadHtmlFixture(PUBMED_ARTICLE.path);
    doc.querySelector(META_NCBI_PDID)?.remove();
    doc.querySelector(META_NCBI_APP)?.remove();
    expect(detectPageType(doc, PUBMED_ARTICLE.url)).toBe('pubmed-article');
  });
});

describe('detectPageType on minimal pages', () => {
  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/34563217/', 'pubmed-article'],
    ['https://pubmed.ncbi.nlm.nih.gov/?term=juvenile+dermatomyositis', 'pubmed-search'],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC8466894/', 'pmc-article'],
    ['https://pubmed.ncbi.nlm.nih.gov/advanced/', 'other'],
    ['https://pmc.ncbi.nlm.nih.gov/search/?term=x', 'other'],
    ['https://example.org/34563217/', 'other'],
    ['not a url', 'other'],
  ])('%s with an empty document is %s', (url, expected) => {
    expect(detectPageType(parseHtml('<html><head></head><body></body></html>'), url)).toBe(
      expected,
    );
  });

  it('trusts the page markers over a misleading URL', () => {
    const search = parseHtml(
      '<head><meta name="ncbi_app" content="pubmed"><meta name="ncbi_pdid" content="searchresult"></head>',
    );
    expect(detectPageType(search, 'https://pubmed.ncbi.nlm.nih.gov/34563217/')).toBe(
      'pubmed-search',
    );
  });
});
