/**
 * `derived-*` search and PMC pages: a real capture as the template with one real record written in
 * through DOM APIs, for journeys no capture covers (a JDM result among search results; a JDM article
 * in the PMC full-text design). See tests/fixtures/README.md, "Derived pages".
 */
import {
  META_CITATION_PMID,
  META_CITATION_TITLE,
  PMC_ABSTRACT,
  PMC_BODY,
  PMC_PUBMED_LINK,
  PMC_TITLE,
  SEARCH_RESULT,
  SEARCH_RESULT_CHECKBOX,
  SEARCH_RESULT_PMID,
  SEARCH_RESULT_SNIPPET,
  SEARCH_RESULT_TITLE,
} from '../../utils/page/selectors';
import { parseHtml, PMC_PAGES, PUBMED_SEARCH, readFixture } from './fixtures';

interface Record {
  pmid: string;
  title: string;
  abstract: string;
}

const serialize = (doc: Document) => `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;

/** The real search capture with its first result replaced by `record` (PMID, title and snippet). */
export function deriveSearchPage(record: Record): string {
  const doc = parseHtml(readFixture(PUBMED_SEARCH.path));
  const result = doc.querySelector(SEARCH_RESULT);
  if (!result) throw new Error('the search capture has no results');
  setResultPmid(result, record.pmid);
  const title = result.querySelector(SEARCH_RESULT_TITLE);
  if (title) title.textContent = record.title;
  const snippet = result.querySelector(SEARCH_RESULT_SNIPPET);
  if (snippet) snippet.textContent = `${record.abstract.slice(0, 240)}…`;
  return serialize(doc);
}

/** Gives a result another PMID everywhere PubMed prints it. */
export function setResultPmid(result: Element, pmid: string): void {
  const title = result.querySelector(SEARCH_RESULT_TITLE);
  title?.setAttribute('data-article-id', pmid);
  title?.setAttribute('href', `/${pmid}/`);
  result.querySelector(SEARCH_RESULT_CHECKBOX)?.setAttribute('value', pmid);
  const shown = result.querySelector(SEARCH_RESULT_PMID);
  if (shown) shown.textContent = pmid;
}

/** The real PMC capture (current design) carrying `record`: PMID, title and abstract. */
export function derivePmcPage(record: Record): string {
  const doc = parseHtml(readFixture(PMC_PAGES[0].path));
  doc.querySelector(META_CITATION_PMID)?.setAttribute('content', record.pmid);
  doc.querySelector(META_CITATION_TITLE)?.setAttribute('content', record.title);
  const link = doc.querySelector(PMC_PUBMED_LINK);
  if (link) {
    link.setAttribute('href', `https://pubmed.ncbi.nlm.nih.gov/${record.pmid}/`);
    link.textContent = record.pmid;
  }
  const title = doc.querySelector(PMC_TITLE);
  if (title) title.textContent = record.title;
  const abstract = doc.querySelector(`${PMC_BODY} ${PMC_ABSTRACT}`);
  if (abstract) {
    for (const p of abstract.querySelectorAll('p')) p.remove();
    const paragraph = doc.createElement('p');
    paragraph.textContent = record.abstract;
    abstract.append(paragraph);
  }
  return serialize(doc);
}
