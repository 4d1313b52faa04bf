import {
  ARTICLE_PAGE,
  FULL_VIEW_HEADING,
  META_CITATION_TITLE,
  META_NCBI_APP,
  META_NCBI_PDID,
  SEARCH_RESULT,
  SEARCH_RESULTS,
} from './selectors';

export type PageType = 'pubmed-article' | 'pubmed-search' | 'pmc-article' | 'other';

const PMC_APPS = new Set(['cloudpmc-viewer', 'pmc-frontend']);

/**
 * What kind of NCBI page `doc` is, read from PubMed's own markers (meta ncbi_app / ncbi_pdid,
 * #article-page[data-article-pmid]) with the URL as a fallback, so a page that lost one marker
 * (or a saved copy opened from disk) is still recognised.
 */
export function detectPageType(doc: Document, url: string): PageType {
  const app = metaContent(doc, META_NCBI_APP);
  const pdid = metaContent(doc, META_NCBI_PDID);
  const where = parseUrl(url);

  if (PMC_APPS.has(app) || where.isPmc) {
    const looksLikeArticle =
      pdid === 'article' || where.pmcArticlePath || !!doc.querySelector(META_CITATION_TITLE);
    return looksLikeArticle ? 'pmc-article' : 'other';
  }

  if (app !== 'pubmed' && !where.isPubmed) return 'other';
  if (pdid === 'abstract') return 'pubmed-article';
  if (pdid === 'searchresult') return 'pubmed-search';
  if (doc.querySelector(ARTICLE_PAGE) || doc.querySelector(FULL_VIEW_HEADING)) {
    return 'pubmed-article';
  }
  if (doc.querySelector(SEARCH_RESULTS) || doc.querySelector(SEARCH_RESULT)) return 'pubmed-search';
  if (where.pubmedArticlePath) return 'pubmed-article';
  if (where.pubmedSearch) return 'pubmed-search';
  return 'other';
}

function metaContent(doc: Document, selector: string): string {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';
}

function parseUrl(url: string) {
  let u: URL | undefined;
  try {
    u = new URL(url);
  } catch {
    u = undefined;
  }
  const host = u?.hostname ?? '';
  const path = u?.pathname ?? '';
  const isPubmed = host === 'pubmed.ncbi.nlm.nih.gov';
  // Old PMC URLs (www.ncbi.nlm.nih.gov/pmc/articles/…) now redirect, but saved pages carry them.
  const pmcArticlePath = /^\/(?:pmc\/)?articles\/PMC\d+/i.test(path);
  const isPmc =
    host === 'pmc.ncbi.nlm.nih.gov' ||
    (host === 'www.ncbi.nlm.nih.gov' && path.startsWith('/pmc/'));
  return {
    isPubmed,
    isPmc,
    pmcArticlePath: isPmc && pmcArticlePath,
    pubmedArticlePath: isPubmed && /^\/\d+\/?$/.test(path),
    pubmedSearch: isPubmed && !!u?.searchParams.has('term'),
  };
}
