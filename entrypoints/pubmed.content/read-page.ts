import { articleKey, parsePmcArticle, parsePubmedArticle, type Article } from '@/utils/article';
import type { SeenArticleMessage } from '@/utils/messaging/messages';
import { termMarkTargets } from '@/utils/page/roots';
import { detectPageType, type PageType } from '@/utils/page/page-type';

/** What the content script reads from the page once, on load. */
export interface ReadPage {
  pageType: PageType;
  /** The article on a PubMed or PMC article page. */
  article?: Article;
  /** What the background stores for the visit (absent when the article has no usable key). */
  seen?: SeenArticleMessage;
  /** Where to mark terms (title, abstract, body; never navigation or reference lists by default). */
  roots: Element[];
  /** Subtrees inside the roots that are left alone. */
  exclude: string;
}

/**
 * Reads the page type once and, on an article page, the article and the roots to mark (both from
 * utils/page/). A page that cannot be parsed reads as one without an article; this never throws.
 */
export function readPage(
  doc: Document,
  url: string,
  options: { includeReferences: boolean },
): ReadPage {
  const pageType = detectPageType(doc, url);
  let article: Article | undefined;
  try {
    if (pageType === 'pubmed-article')
      article = parsePubmedArticle(doc, url, pageType) ?? undefined;
    if (pageType === 'pmc-article') article = parsePmcArticle(doc, url, pageType) ?? undefined;
  } catch (error) {
    console.warn('[JAK Lens] could not read the article', error);
  }
  const { roots, exclude } = article
    ? termMarkTargets(doc, pageType, options)
    : { roots: [], exclude: '' };
  const seen = article ? toSeenArticle(article, url) : undefined;
  return { pageType, article, seen, roots, exclude };
}

/** The summary the background stores for a visit, or undefined when the article has no usable key. */
export function toSeenArticle(article: Article, url: string): SeenArticleMessage | undefined {
  const key = articleKey(article);
  if (!key) return undefined;
  return {
    key,
    pmid: article.pmid,
    doi: article.doi,
    pmcid: article.pmcid,
    title: article.title.slice(0, 4000),
    journal: article.journal?.slice(0, 500),
    year: article.year,
    url,
  };
}
