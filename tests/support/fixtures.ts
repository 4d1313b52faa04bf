import { readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new NodeURL('../fixtures/', import.meta.url));

/** Raw text of a fixture file, path relative to tests/fixtures/. */
export function readFixture(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

/**
 * Parses an HTML fixture with the test environment's (happy-dom) DOMParser. The captures link
 * NCBI stylesheets; happy-dom never fetches them, and this tells it to do so quietly.
 */
export function parseHtml(html: string): Document {
  const happyDom = (globalThis as { happyDOM?: { settings?: Record<string, unknown> } }).happyDOM;
  if (happyDom?.settings) happyDom.settings.handleDisabledFileLoadingAsSuccess = true;
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Reads and parses an HTML fixture, path relative to tests/fixtures/. */
export function loadHtmlFixture(path: string): Document {
  return parseHtml(readFixture(path));
}

/** The real captures by page type; URLs are each capture's original address (README). */
export const PUBMED_ARTICLE = {
  path: 'pubmed-article/PMID-37882686.html',
  url: 'https://pubmed.ncbi.nlm.nih.gov/37882686/',
};
export const PUBMED_SEARCH = {
  path: 'pubmed-search/term-hypertension-Title-AND-food-TextWord.html',
  url: 'https://pubmed.ncbi.nlm.nih.gov/?term=%28hypertension%5BTitle%5D%29+AND+%28food%5BText+Word%5D%29&sort=',
};
export const PMC_PAGES = [
  { path: 'pmc-article/PMC8885717.html', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/' },
  { path: 'pmc-article/PMC3531190.html', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/' },
  {
    path: 'pmc-article/PMC8885717-legacy-design.html',
    url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8885717/',
  },
  {
    path: 'pmc-article/PMC1280342-legacy-design.html',
    url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1280342/',
  },
] as const;

/** Absolute path of tests/fixtures (for tools that want a directory). */
export const FIXTURES_DIR = FIXTURES;
