import { articleKey, parsePmcArticle, parsePubmedArticle, type Article } from './article';
import type { SeenArticleMessage, TabState } from './messages';
import { detectPageType } from './page-type';

/** What the content script reports about a page: its type and, on a PubMed or PMC article page, the article. */
export function readPageState(doc: Document, url: string): TabState & { parsed?: Article } {
  const pageType = detectPageType(doc, url);
  if (pageType !== 'pubmed-article' && pageType !== 'pmc-article') return { pageType };
  const parsed =
    pageType === 'pubmed-article' ? parsePubmedArticle(doc, url) : parsePmcArticle(doc, url);
  const article = parsed ? toSeenArticle(parsed, url) : undefined;
  return article ? { pageType, article, parsed: parsed ?? undefined } : { pageType };
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
