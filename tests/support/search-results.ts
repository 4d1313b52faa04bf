import { parseSearchResult, type SearchResult } from '../../utils/page/parse-search-results';
import { SEARCH_RESULT, SEARCH_RESULTS } from '../../utils/page/selectors';

/**
 * Every readable result under `root` (a document, the results container, or a chunk appended by
 * infinite scroll), as the content script reads them one by one with `parseSearchResult`. Test
 * support: the extension adopts result elements as they appear instead.
 */
export function parseSearchResults(root: ParentNode): SearchResult[] {
  return Array.from(root.querySelectorAll(SEARCH_RESULT))
    .map(parseSearchResult)
    .filter((r): r is SearchResult => r !== null);
}

/** The results container (`#search-results`); infinite scroll appends chunks inside it. */
export function searchResultContainer(doc: Document): Element | null {
  return doc.querySelector(SEARCH_RESULTS);
}
