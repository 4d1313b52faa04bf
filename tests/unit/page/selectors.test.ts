// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { SELECTORS } from '../../../utils/page/selectors';
import { loadHtmlFixture, PMC_PAGES, PUBMED_ARTICLE, PUBMED_SEARCH } from '../../support/fixtures';

// Captures are 150-500 kB; parsing them on a busy 2-core machine can take seconds.
vi.setConfig({ testTimeout: 30_000 });

// RGH-style: every selector with its expected match count on each saved capture, in the order
// A (PubMed article), S (PubMed search), P, P2 (current PMC), L, L2 (legacy PMC). Counted by hand
// from the captures (grep of the raw HTML; see the comments in utils/pubmed-selectors.ts).
// A change here means PubMed/PMC markup or a selector changed: update both knowingly.
const PAGES = [PUBMED_ARTICLE, PUBMED_SEARCH, ...PMC_PAGES];
const EXPECTED: Record<string, [number, number, number, number, number, number]> = {
  META_NCBI_APP: [1, 1, 1, 1, 1, 1],
  META_NCBI_PDID: [1, 1, 1, 1, 1, 1],
  META_DISPLAYED_UIDS: [1, 1, 0, 0, 0, 0],
  META_CITATION_TITLE: [1, 0, 1, 1, 1, 1],
  META_CITATION_PMID: [1, 0, 1, 1, 1, 1],
  META_CITATION_DOI: [1, 0, 1, 1, 1, 1],
  META_CITATION_JOURNAL: [1, 0, 1, 1, 1, 1],
  META_CITATION_DATE: [1, 0, 0, 0, 0, 0],
  META_CITATION_PUBLICATION_DATE: [0, 0, 1, 1, 1, 1],
  META_CITATION_AUTHORS: [1, 0, 0, 0, 0, 0],
  META_CITATION_AUTHOR: [0, 0, 11, 7, 11, 6],
  META_OG_URL: [1, 1, 0, 0, 1, 1],
  LINK_CANONICAL: [1, 1, 1, 1, 1, 1],
  ARTICLE_PAGE: [1, 0, 0, 0, 0, 0],
  FULL_VIEW_HEADING: [1, 0, 0, 0, 0, 0],
  SHORT_VIEW_HEADING: [1, 0, 0, 0, 0, 0],
  HEADING_TITLE: [2, 0, 0, 0, 0, 0],
  JOURNAL_BUTTON: [2, 0, 0, 0, 0, 0],
  ARTICLE_SOURCE: [2, 0, 0, 0, 0, 0],
  CITATION_DETAILS: [2, 0, 0, 0, 0, 0],
  CITATION_DOI_LINE: [2, 0, 0, 0, 0, 0],
  SECONDARY_DATE: [2, 0, 0, 0, 0, 0],
  SHORT_CITATION_JOURNAL: [1, 0, 0, 0, 0, 0],
  SHORT_CITATION_YEAR: [1, 0, 0, 0, 0, 0],
  AUTHORS_LIST: [3, 0, 0, 0, 0, 0],
  AUTHOR_ITEM: [13, 0, 0, 0, 0, 0],
  AUTHOR_NAME: [13, 0, 0, 0, 0, 0],
  AUTHOR_COMMA: [10, 0, 0, 0, 0, 0],
  AFFILIATION_LINKS: [12, 0, 0, 0, 0, 0],
  AFFILIATIONS: [2, 0, 0, 0, 0, 0],
  CURRENT_PMID: [2, 0, 0, 0, 0, 0],
  DOI_IDENTIFIER: [2, 0, 0, 0, 0, 0],
  DOI_LINK: [2, 0, 0, 0, 0, 0],
  PMCID_IDENTIFIER: [0, 0, 0, 0, 0, 0],
  ABSTRACT: [1, 0, 0, 0, 0, 0],
  ABSTRACT_CONTENT: [1, 0, 0, 0, 0, 0],
  ABSTRACT_PARAGRAPH: [2, 0, 0, 0, 0, 0],
  SUB_TITLE: [1, 0, 0, 0, 0, 0],
  PUBLICATION_TYPES_SECTION: [1, 0, 0, 0, 0, 0],
  MESH_SECTION: [1, 0, 0, 0, 0, 0],
  SUBSTANCES_SECTION: [0, 0, 0, 0, 0, 0],
  KEYWORDS_LIST_ITEM: [13, 0, 0, 0, 0, 0],
  KEYWORD_BUTTON: [13, 0, 0, 0, 0, 0],
  KEYWORD_DROPDOWN: [13, 0, 0, 0, 0, 0],
  RECORD_EXTRAS: [6, 0, 0, 0, 0, 0],
  FOREIGN_MARKUP: [50, 61, 0, 0, 0, 0],
  SEARCH_RESULTS: [0, 1, 0, 0, 0, 0],
  SEARCH_RESULTS_CHUNK: [0, 1, 0, 0, 0, 0],
  SEARCH_RESULT: [0, 10, 0, 0, 0, 0],
  // The article page's "Similar articles" block reuses docsum markup (5 items), but not
  // article.full-docsum, so parseSearchResults finds nothing there.
  SEARCH_RESULT_TITLE: [5, 10, 0, 0, 0, 0],
  SEARCH_RESULT_PMID: [5, 10, 0, 0, 0, 0],
  SEARCH_RESULT_CHECKBOX: [0, 10, 0, 0, 0, 0],
  SEARCH_RESULT_CITATION: [5, 10, 0, 0, 0, 0],
  SEARCH_RESULT_SNIPPET: [0, 10, 0, 0, 0, 0],
  PMC_FRONT_MATTER: [0, 0, 1, 1, 0, 0],
  PMC_TITLE: [0, 0, 1, 1, 0, 0],
  PMC_AUTHOR: [0, 0, 11, 7, 0, 0],
  PMC_PUBMED_LINK: [0, 0, 23, 15, 0, 0],
  PMC_CITATION: [0, 0, 1, 1, 0, 0],
  PMC_CITATION_JOURNAL: [0, 0, 1, 1, 0, 0],
  PMC_BODY: [0, 0, 1, 1, 0, 0],
  PMC_ABSTRACT: [0, 0, 1, 1, 0, 0],
  PMC_KEYWORDS: [0, 0, 1, 0, 0, 0],
  PMC_REF_LIST: [0, 0, 1, 1, 0, 0],
  PMC_ASSOCIATED_DATA: [0, 0, 1, 0, 0, 0],
  PMC_LEGACY_TITLE: [0, 0, 0, 0, 1, 1],
  PMC_LEGACY_AUTHOR: [0, 0, 0, 0, 11, 6],
  PMC_LEGACY_PMID_LINK: [0, 0, 0, 0, 1, 1],
  PMC_LEGACY_PMCID: [0, 0, 0, 0, 1, 1],
  PMC_LEGACY_CITATION: [0, 0, 0, 0, 1, 1],
  // Happy-dom nests some legacy sections outside #mc, so the parser never scopes to #mc.
  PMC_LEGACY_SECTION: [0, 0, 0, 0, 12, 8],
  PMC_LEGACY_ABSTRACT: [0, 0, 0, 0, 1, 1],
  PMC_LEGACY_KEYWORDS: [0, 0, 0, 0, 1, 1],
  PMC_LEGACY_KEYWORDS_LABEL: [0, 0, 0, 0, 1, 1],
  PMC_LEGACY_REF_LIST: [0, 0, 0, 0, 1, 1],
  // Generic, used only inside an abstract element; page-wide counts just pin them down.
  PMC_ABSTRACT_SUBSECTION: [3, 4, 51, 53, 46, 35],
  PMC_SUBSECTION_HEADING: [23, 25, 55, 55, 44, 28],
};

describe('pubmed-selectors', () => {
  const docs = PAGES.map((p) => loadHtmlFixture(p.path));

  it('lists an expected count for every exported selector, and no stale names', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(SELECTORS).sort());
  });

  it.each(Object.entries(SELECTORS))(
    '%s (%s) matches the expected count on each capture',
    (name, selector) => {
      const counts = docs.map((d) => d.querySelectorAll(selector).length);
      expect(counts).toEqual(EXPECTED[name]);
    },
  );

  it('every selector is valid CSS and every name is unique', () => {
    const values = Object.values(SELECTORS);
    for (const s of values) expect(() => docs[0]!.querySelector(s)).not.toThrow();
    expect(new Set(Object.keys(SELECTORS)).size).toBe(values.length);
  });
});
