/**
 * Every PubMed / PMC CSS selector JAK Lens uses, one named constant each (RGH `selectors.ts` style).
 * No other file may contain a selector for NCBI markup: import from here.
 *
 * Fixture keys used in the comments (all in tests/fixtures/, provenance in its README):
 *   A  pubmed-article/PMID-37882686.html                  PubMed article, browser DOM, late 2025
 *   S  pubmed-search/term-hypertension-Title-AND-food-TextWord.html   PubMed search results
 *   P  pmc-article/PMC8885717.html, P2 pmc-article/PMC3531190.html    PMC current design (cloudpmc-viewer)
 *   L  pmc-article/PMC8885717-legacy-design.html, L2 PMC1280342-legacy-design.html   old PMC (pmc-frontend)
 * Expected match counts per fixture are checked in tests/unit/page/selectors.test.ts.
 */

// ---- <head> markers (all pages). Meta tags are PubMed's most stable hooks. ----

/** All NCBI pages: "pubmed" (A, S), "cloudpmc-viewer" (P, P2), "pmc-frontend" (L, L2). */
export const META_NCBI_APP = 'meta[name="ncbi_app"]';
/** All NCBI pages: "abstract" (A), "searchresult" (S), "article" (P, P2, L, L2). */
export const META_NCBI_PDID = 'meta[name="ncbi_pdid"]';
/** PubMed article and search: PMID(s) on display (A: one, S: comma list of ten). */
export const META_DISPLAYED_UIDS = 'meta[name="log_displayeduids"]';
/** Highwire citation tags: PubMed article (A) and every PMC page. */
export const META_CITATION_TITLE = 'meta[name="citation_title"]';
export const META_CITATION_PMID = 'meta[name="citation_pmid"]';
export const META_CITATION_DOI = 'meta[name="citation_doi"]';
export const META_CITATION_JOURNAL = 'meta[name="citation_journal_title"]';
/** PubMed article (A): "2025 Sep-Oct". */
export const META_CITATION_DATE = 'meta[name="citation_date"]';
/** PMC pages (P, P2, L, L2): "2022 Feb 15", "2005/08". */
export const META_CITATION_PUBLICATION_DATE = 'meta[name="citation_publication_date"]';
/** PubMed article (A): one tag, "Zhang C;Butt S;…;". */
export const META_CITATION_AUTHORS = 'meta[name="citation_authors"]';
/** PMC pages: one tag per author, full names. */
export const META_CITATION_AUTHOR = 'meta[name="citation_author"]';
/** PubMed article (A) and legacy PMC (L, L2); absent from current PMC (P, P2). */
export const META_OG_URL = 'meta[property="og:url"]';
/** PMC pages: https://pmc.ncbi.nlm.nih.gov/articles/PMC…/ (older host on L, L2). */
export const LINK_CANONICAL = 'link[rel="canonical"]';

// ---- PubMed article page (A) ----

/** Page wrapper carrying the PMID; the best single hook for detection (A). */
export const ARTICLE_PAGE = '#article-page[data-article-pmid]';
/** Desktop heading. A also has a mobile duplicate (#short-view-heading): always scope here. */
export const FULL_VIEW_HEADING = '#full-view-heading';
/** Mobile duplicate heading (A); only the derived-page generator writes into it. */
export const SHORT_VIEW_HEADING = '#short-view-heading';
/** Title inside either heading (A: 2, one per heading). */
export const HEADING_TITLE = 'h1.heading-title';
/** Journal button in either heading; its `title` holds the full journal name (A: 2). */
export const JOURNAL_BUTTON = 'button.journal-actions-trigger';
/** Journal button plus citation details, in either heading (A: 2). */
export const ARTICLE_SOURCE = 'div.article-source';
/** "2025 Sep-Oct;33(5):407-418." in either heading (A: 2). */
export const CITATION_DETAILS = 'span.cit';
/** "doi: …" line in either heading citation (A: 2). */
export const CITATION_DOI_LINE = 'span.citation-doi';
/** "Epub 2023 Oct 26." (A: 2). */
export const SECONDARY_DATE = 'span.secondary-date';
/** Mobile short citation parts (A: 1 each). */
export const SHORT_CITATION_JOURNAL = 'span.citation-journal';
export const SHORT_CITATION_YEAR = 'span.citation-year';
/** Author lists: full view, short citation, short expanded (A: 3). */
export const AUTHORS_LIST = '.authors-list';
/** One author (A: 6 + 1 + 6). */
export const AUTHOR_ITEM = '.authors-list-item';
/** Author name inside an item: `a.full-name`, or `span.full-name` in the short citation (A: 13). */
export const AUTHOR_NAME = '.authors-list-item .full-name';
/** ", " between authors (A: 5 in each full list, 10). */
export const AUTHOR_COMMA = 'span.comma';
/** Affiliation superscripts and the affiliation list (A: 12 superscripts, 2 lists). */
export const AFFILIATION_LINKS = 'sup.affiliation-links';
export const AFFILIATIONS = 'div.affiliations';
/** PMID in either heading's identifier list (A: 2). */
export const CURRENT_PMID = 'span.identifier.pubmed strong.current-id';
/** The identifier list entry holding the DOI, and its link (A: 2 each). */
export const DOI_IDENTIFIER = 'span.identifier.doi';
export const DOI_LINK = 'span.identifier.doi a.id-link';
/** PMCID identifier, on articles that have one; not in A (0), markup per DOM-NOTES, unverified. */
export const PMCID_IDENTIFIER = 'span.identifier.pmc';
/** Abstract block: abstract text, then the Keywords paragraph (A: 1). */
export const ABSTRACT = '#abstract';
/** The abstract text shown (other languages use other ids, only one is `.selected`) (A: 1). */
export const ABSTRACT_CONTENT = 'div.abstract-content.selected';
/** Paragraphs of the abstract block, abstract and Keywords line (A: 2). */
export const ABSTRACT_PARAGRAPH = '#abstract p';
/** "Background:" labels of structured abstracts and the "Keywords:" label (A: 1, the latter). */
export const SUB_TITLE = 'strong.sub-title';
/** Keyword-style sections below the abstract (A: 1 each; #substances is absent from A). */
export const PUBLICATION_TYPES_SECTION = '#publication-types';
export const MESH_SECTION = '#mesh-terms';
/** Not in any capture; by analogy with the two above (DOM-NOTES). Parsed tolerantly. */
export const SUBSTANCES_SECTION = '#substances';
/** One entry of those sections (A: 1 + 12). */
export const KEYWORDS_LIST_ITEM = 'ul.keywords-list > li';
/** The entry's text as shown; `major` class marks MeSH major topics (A: 13, 10 major). */
export const KEYWORD_BUTTON = 'button.keyword-actions-trigger';
export const MAJOR_CLASS = 'major';
/** Hidden "Search in PubMed / MeSH" menu after each entry (A: 13). */
export const KEYWORD_DROPDOWN = 'div.keyword-actions-dropdown';
/** Record-specific blocks that carry no article-model data (A: 6); derived pages drop them. */
export const RECORD_EXTRAS =
  '#similar, #references, #conflict-of-interest, #copyright, #linkout, .full-text-links';

/** Markup injected by the easyScholar extension into A (50) and S (61); never PubMed's text. */
export const FOREIGN_MARKUP = [
  'a.easyScholarDOI',
  'span.easyScholarPaperFlag',
  'span.easyscholar-ranking',
  // Its "collect paper" button (A) and a filter group in the search sidebar (S, class sic).
  'button.easyScholar_paper_collect',
  'div.easyScholar-choice-grouop',
].join(', ');

// ---- PubMed search results (S) ----

/** Results container; infinite scroll appends chunks inside it (S: 1). */
export const SEARCH_RESULTS = '#search-results';
/** One chunk of results (S: 1). */
export const SEARCH_RESULTS_CHUNK = 'div.search-results-chunk';
/** One result (S: 10). */
export const SEARCH_RESULT = 'article.full-docsum';
/** Title link with `data-article-id` (S: 10). */
export const SEARCH_RESULT_TITLE = 'a.docsum-title';
/** PMID text (S: 10). */
export const SEARCH_RESULT_PMID = 'span.docsum-pmid';
/** Selection checkbox, value = PMID (S: 10). */
export const SEARCH_RESULT_CHECKBOX = 'input.search-result-selector';
/** Full journal citation (S: 10; easyScholar adds a DOI link inside it). */
export const SEARCH_RESULT_CITATION = 'span.docsum-journal-citation.full-journal-citation';
/** Full snippet (S: 10; result 8 has an empty one). */
export const SEARCH_RESULT_SNIPPET = 'div.full-view-snippet';

// ---- PMC article, current design (P, P2) ----

export const PMC_FRONT_MATTER = 'section.front-matter';
export const PMC_TITLE = 'section.front-matter hgroup > h1';
/** Visible author links; the hidden per-author popups repeat each name, hence `> a >` (P: 11). */
export const PMC_AUTHOR = 'section.front-matter div.cg.p > a > span.name.western';
/** Links to PubMed in the front matter: author searches and the "PMID: <a>" link (P: 23). */
export const PMC_PUBMED_LINK = 'section.front-matter a[href^="https://pubmed.ncbi.nlm.nih.gov/"]';
/** Citation line with the journal button and DOI link (P: 1). */
export const PMC_CITATION = 'section.pmc-layout__citation';
export const PMC_CITATION_JOURNAL = 'section.pmc-layout__citation button';
export const PMC_BODY = 'section.body.main-article-body';
export const PMC_ABSTRACT = 'section.abstract';
export const PMC_KEYWORDS = 'section.kwd-group';
export const PMC_REF_LIST = 'section.ref-list';
/** PMC's own "Associated Data" box after the references (P: 1, P2: 0). */
export const PMC_ASSOCIATED_DATA = 'section.associated-data';

// ---- PMC article, legacy design (L, L2) ----

export const PMC_LEGACY_TITLE = 'h1.content-title';
export const PMC_LEGACY_AUTHOR = '.fm-author a.affpopup';
export const PMC_LEGACY_PMID_LINK = 'div.fm-citation-pmid a';
export const PMC_LEGACY_PMCID = 'div.fm-citation-pmcid';
export const PMC_LEGACY_CITATION = '.fm-citation';
/** Top-level sections: abstract, body sections, footnotes, references (L: 12, L2: 8). */
export const PMC_LEGACY_SECTION = 'div.tsec.sec';
export const PMC_LEGACY_ABSTRACT = 'div.tsec.sec[id^="abstract"]';
export const PMC_LEGACY_KEYWORDS = 'span.kwd-text';
/** "Keywords:" label before the list (L: 1, L2: 1). */
export const PMC_LEGACY_KEYWORDS_LABEL = 'strong.kwd-title';
export const PMC_LEGACY_REF_LIST = '.ref-list-sec';

// ---- Shared between PMC designs ----

/** Sub-sections of a structured abstract: `section` (P) or `div.sec` (L), each with a heading. */
export const PMC_ABSTRACT_SUBSECTION = 'section, div.sec';
export const PMC_SUBSECTION_HEADING = 'h2, h3, h4';

/** Every selector above by name, for the match-count and removal-robustness tests. */
export const SELECTORS: Readonly<Record<string, string>> = {
  META_NCBI_APP,
  META_NCBI_PDID,
  META_DISPLAYED_UIDS,
  META_CITATION_TITLE,
  META_CITATION_PMID,
  META_CITATION_DOI,
  META_CITATION_JOURNAL,
  META_CITATION_DATE,
  META_CITATION_PUBLICATION_DATE,
  META_CITATION_AUTHORS,
  META_CITATION_AUTHOR,
  META_OG_URL,
  LINK_CANONICAL,
  ARTICLE_PAGE,
  FULL_VIEW_HEADING,
  SHORT_VIEW_HEADING,
  HEADING_TITLE,
  JOURNAL_BUTTON,
  ARTICLE_SOURCE,
  CITATION_DETAILS,
  CITATION_DOI_LINE,
  SECONDARY_DATE,
  SHORT_CITATION_JOURNAL,
  SHORT_CITATION_YEAR,
  AUTHORS_LIST,
  AUTHOR_ITEM,
  AUTHOR_NAME,
  AUTHOR_COMMA,
  AFFILIATION_LINKS,
  AFFILIATIONS,
  CURRENT_PMID,
  DOI_IDENTIFIER,
  DOI_LINK,
  PMCID_IDENTIFIER,
  ABSTRACT,
  ABSTRACT_CONTENT,
  ABSTRACT_PARAGRAPH,
  SUB_TITLE,
  PUBLICATION_TYPES_SECTION,
  MESH_SECTION,
  SUBSTANCES_SECTION,
  KEYWORDS_LIST_ITEM,
  KEYWORD_BUTTON,
  KEYWORD_DROPDOWN,
  RECORD_EXTRAS,
  FOREIGN_MARKUP,
  SEARCH_RESULTS,
  SEARCH_RESULTS_CHUNK,
  SEARCH_RESULT,
  SEARCH_RESULT_TITLE,
  SEARCH_RESULT_PMID,
  SEARCH_RESULT_CHECKBOX,
  SEARCH_RESULT_CITATION,
  SEARCH_RESULT_SNIPPET,
  PMC_FRONT_MATTER,
  PMC_TITLE,
  PMC_AUTHOR,
  PMC_PUBMED_LINK,
  PMC_CITATION,
  PMC_CITATION_JOURNAL,
  PMC_BODY,
  PMC_ABSTRACT,
  PMC_KEYWORDS,
  PMC_REF_LIST,
  PMC_ASSOCIATED_DATA,
  PMC_LEGACY_TITLE,
  PMC_LEGACY_AUTHOR,
  PMC_LEGACY_PMID_LINK,
  PMC_LEGACY_PMCID,
  PMC_LEGACY_CITATION,
  PMC_LEGACY_SECTION,
  PMC_LEGACY_ABSTRACT,
  PMC_LEGACY_KEYWORDS,
  PMC_LEGACY_KEYWORDS_LABEL,
  PMC_LEGACY_REF_LIST,
  PMC_ABSTRACT_SUBSECTION,
  PMC_SUBSECTION_HEADING,
};
