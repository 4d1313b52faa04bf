import { articleKey, parsePubmedArticle, type Article } from '@/utils/article';
import type { SeenArticleMessage } from '@/utils/messaging/messages';
import { highlightTargets } from '@/utils/page/roots';
import { detectPageType, type PageType } from '@/utils/page/page-type';
import { readPmcPage } from './pmc';

/** What the content script reads from the page once, on load. */
export interface ReadPage {
  pageType: PageType;
  /** The article on a PubMed or PMC article page. */
  article?: Article;
  /** What the background stores for the visit (absent when the article has no usable key). */
  seen?: SeenArticleMessage;
  /** Where to highlight (title, abstract, body; never navigation or reference lists by default). */
  roots: Element[];
  /** Subtrees inside the roots that are left alone. */
  exclude: string;
}

/** Reads the page type and, on an article page, the article and its highlight roots, parsing once. */
export function readPage(
  doc: Document,
  url: string,
  options: { includeReferences: boolean },
): ReadPage {
  const pageType = detectPageType(doc, url);
  const { exclude, roots: pubmedRoots } = highlightTargets(doc, pageType);
  let article: Article | undefined;
  let roots: Element[] = [];
  if (pageType === 'pubmed-article') {
    article = parsePubmedArticle(doc, url) ?? undefined;
    roots = pubmedRoots;
  } else if (pageType === 'pmc-article') {
    const pmc = readPmcPage(doc, url, options);
    article = pmc?.article;
    roots = pmc?.roots ?? [];
  }
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
