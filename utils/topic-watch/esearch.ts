/**
 * PubMed esearch for a watch: the URL for "records added (Entrez date) in a window" and a reader of
 * NCBI's eSearchResult XML (DTD eSearch_020511: Count, IdList/Id, ERROR, ErrorList, WarningList).
 * Pure: the parser is injected (a Chrome service worker has no DOMParser).
 */
import type { XmlParser } from '../article/parse-pubmed-xml';

export const ESEARCH_URL = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi';

/** Which records to ask for: the last `days` days, or an inclusive range of days ("YYYY/MM/DD"). */
export type DateWindow = { reldate: number } | { mindate: string; maxdate: string };

/** esearch URL for PubMed records matching `query` whose Entrez date (`edat`) is in the window. */
export function buildEsearchUrl(query: string, window: DateWindow | null, retmax: number): string {
  const params = new URLSearchParams({ db: 'pubmed', term: query, retmax: String(retmax) });
  if (window) {
    // edat: when the record entered PubMed, so a paper indexed late still counts as new once.
    params.set('datetype', 'edat');
    if ('reldate' in window) params.set('reldate', String(window.reldate));
    else {
      params.set('mindate', window.mindate);
      params.set('maxdate', window.maxdate);
    }
  }
  return `${ESEARCH_URL}?${params.toString()}`;
}

export interface EsearchResult {
  /** How many records match in all (may exceed `ids.length`). */
  count: number;
  ids: string[];
  /** NCBI's errors in words ("Unknown field: [foo]"); non-empty means the query is not usable. */
  errors: string[];
  /** NCBI's warnings in words ("Quoted phrase not found: …"); the query still ran. */
  warnings: string[];
}

const ERROR_WORDS: Record<string, string> = {
  PhraseNotFound: 'Term not found in PubMed',
  FieldNotFound: 'Unknown search field',
};
const WARNING_WORDS: Record<string, string> = {
  PhraseIgnored: 'Term ignored',
  QuotedPhraseNotFound: 'Quoted phrase not found',
  OutputMessage: 'NCBI says',
};

/** Reads an eSearchResult document; anything else (HTML error page, broken XML) is an error. */
export function parseEsearchResult(xml: string, parser?: XmlParser): EsearchResult {
  let doc: Document;
  try {
    doc = (parser ?? new DOMParser()).parseFromString(xml, 'text/xml');
  } catch {
    return failure('NCBI sent a reply that is not XML.');
  }
  const root = doc.documentElement;
  // Browsers report broken XML as a <parsererror> element rather than by throwing.
  if (
    !root ||
    root.nodeName !== 'eSearchResult' ||
    doc.getElementsByTagName('parsererror').length
  ) {
    return failure('NCBI sent an unexpected reply (not an eSearchResult).');
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  const ids: string[] = [];
  let count: number | undefined;
  for (const child of elements(root)) {
    const text = (child.textContent ?? '').trim();
    if (child.nodeName === 'Count') count = Number(text) || 0;
    else if (child.nodeName === 'IdList') {
      for (const id of elements(child)) {
        const value = (id.textContent ?? '').trim();
        if (/^\d{1,9}$/.test(value)) ids.push(value);
      }
    } else if (child.nodeName === 'ERROR') errors.push(`NCBI: ${text}`);
    else if (child.nodeName === 'ErrorList') errors.push(...listed(child, ERROR_WORDS));
    else if (child.nodeName === 'WarningList') warnings.push(...listed(child, WARNING_WORDS));
  }
  if (count === undefined && errors.length === 0) {
    return failure('NCBI sent an incomplete reply (no Count).');
  }
  return { count: count ?? 0, ids, errors, warnings };
}

function failure(message: string): EsearchResult {
  return { count: 0, ids: [], errors: [message], warnings: [] };
}

function listed(list: Element, words: Record<string, string>): string[] {
  return elements(list).map((item) => {
    const text = (item.textContent ?? '').trim();
    const label = words[item.nodeName] ?? item.nodeName;
    return label === 'NCBI says' ? `NCBI says: ${text}` : `${label}: ${text}`;
  });
}

/** Element children (xmldom's Document lacks `children`, so walk childNodes). */
function elements(parent: Element): Element[] {
  const out: Element[] = [];
  const nodes = parent.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.nodeType === 1) out.push(node as Element);
  }
  return out;
}
