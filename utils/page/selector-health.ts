/**
 * Notices when NCBI markup JAK Lens relies on has gone (a redesign), so the extension can say so
 * in the console and carry on with fewer features instead of failing silently. Pure apart from the
 * console passed to `warnMissing`.
 */
import type { PageType } from './page-type';
import { SELECTORS } from './selectors';

type Name = keyof typeof SELECTORS & string;

// Only what every page of the type has (checked on every capture in tests/unit/robustness.test.ts).
// Sections some real pages lack (an abstract, MeSH terms, a reference list) are not listed: a
// letter without an abstract is not a redesign.
const ALWAYS: Name[] = ['META_NCBI_APP', 'META_NCBI_PDID'];
const EXPECTED: Record<'pubmed-article' | 'pubmed-search' | 'pmc' | 'pmc-legacy', Name[]> = {
  'pubmed-article': [
    'META_CITATION_TITLE',
    'ARTICLE_PAGE',
    'FULL_VIEW_HEADING',
    'HEADING_TITLE',
    'CURRENT_PMID',
  ],
  'pubmed-search': ['META_DISPLAYED_UIDS', 'SEARCH_RESULTS', 'SEARCH_RESULTS_CHUNK'],
  pmc: ['META_CITATION_TITLE', 'LINK_CANONICAL', 'PMC_FRONT_MATTER', 'PMC_TITLE', 'PMC_BODY'],
  'pmc-legacy': [
    'META_CITATION_TITLE',
    'LINK_CANONICAL',
    'PMC_LEGACY_TITLE',
    'PMC_LEGACY_CITATION',
    'PMC_LEGACY_SECTION',
  ],
};
/** Parts of each result, expected only when the page lists results (an empty search has none). */
const PER_RESULT: Name[] = [
  'SEARCH_RESULT',
  'SEARCH_RESULT_TITLE',
  'SEARCH_RESULT_PMID',
  'SEARCH_RESULT_CITATION',
  'SEARCH_RESULT_SNIPPET',
];

/** Names (from utils/pubmed-selectors.ts) of expected selectors that match nothing on `doc`. */
export function checkSelectors(doc: Document, pageType: PageType): string[] {
  return expectedSelectors(doc, pageType).filter((name) => !doc.querySelector(SELECTORS[name]!));
}

/**
 * Names of the selectors every page of this type (and PMC design) matches, in the order of
 * utils/pubmed-selectors.ts. Per-result parts count only when the page says it lists results.
 */
export function expectedSelectors(doc: Document, pageType: PageType): string[] {
  if (pageType === 'other') return [];
  const expected = [...ALWAYS, ...EXPECTED[designOf(doc, pageType)]];
  if (pageType === 'pubmed-search' && listsResults(doc)) expected.push(...PER_RESULT);
  return Object.keys(SELECTORS).filter((name) => expected.includes(name as Name));
}

function designOf(doc: Document, pageType: Exclude<PageType, 'other'>): keyof typeof EXPECTED {
  if (pageType !== 'pmc-article') return pageType;
  const app = meta(doc, 'META_NCBI_APP');
  if (app === 'pmc-frontend') return 'pmc-legacy';
  if (app === 'cloudpmc-viewer') return 'pmc';
  const current = doc.querySelector(SELECTORS.PMC_BODY!) ?? doc.querySelector(SELECTORS.PMC_TITLE!);
  return current ? 'pmc' : 'pmc-legacy';
}

/** PubMed lists the displayed PMIDs in a meta tag; without it, assume results are shown. */
function listsResults(doc: Document): boolean {
  const uids = doc.querySelector(SELECTORS.META_DISPLAYED_UIDS!);
  return !uids || meta(doc, 'META_DISPLAYED_UIDS') !== '';
}

function meta(doc: Document, name: Name): string {
  return doc.querySelector(SELECTORS[name]!)?.getAttribute('content')?.trim() ?? '';
}

const warned = new WeakMap<object, Set<string>>();

/** Logs "[JAK Lens] PubMed layout changed: selector <name> found nothing", once per name and console. */
export function warnMissing(names: readonly string[], log: Pick<Console, 'warn'>): void {
  let seen = warned.get(log);
  if (!seen) warned.set(log, (seen = new Set()));
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    log.warn(`[JAK Lens] PubMed layout changed: selector ${name} found nothing`);
  }
}
