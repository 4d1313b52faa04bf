import {
  FOREIGN_MARKUP,
  SEARCH_RESULT_CHECKBOX,
  SEARCH_RESULT_CITATION,
  SEARCH_RESULT_PMID,
  SEARCH_RESULT_SNIPPET,
  SEARCH_RESULT_TITLE,
} from './selectors';
import { textOf } from '../article/text';

/** One PubMed search result ("docsum"), with the element so callers can annotate it in place. */
export interface SearchResult {
  pmid: string;
  title: string;
  /** The full snippet shown under the result ('' when PubMed shows none). */
  snippet: string;
  /** Full journal citation: "Hypertension. 2021 Nov;78(5):1185-1196. doi: …". */
  journalCitation: string;
  element: Element;
}

/**
 * Reads one result element (an `article.full-docsum`), e.g. one that infinite scroll just added.
 * Null when it has no readable PMID.
 */
export function parseSearchResult(element: Element): SearchResult | null {
  const titleLink = element.querySelector(SEARCH_RESULT_TITLE);
  const pmid = [
    titleLink?.getAttribute('data-article-id') ?? '',
    textOf(element.querySelector(SEARCH_RESULT_PMID)),
    element.querySelector(SEARCH_RESULT_CHECKBOX)?.getAttribute('value') ?? '',
  ]
    .map((c) => c.trim())
    .find((c) => /^\d+$/.test(c));
  if (!pmid) return null;
  return {
    pmid,
    // easyScholar puts its badges after the title link and a DOI link inside the citation.
    title: textOf(titleLink, FOREIGN_MARKUP),
    snippet: textOf(element.querySelector(SEARCH_RESULT_SNIPPET), FOREIGN_MARKUP),
    journalCitation: textOf(element.querySelector(SEARCH_RESULT_CITATION), FOREIGN_MARKUP),
    element,
  };
}
