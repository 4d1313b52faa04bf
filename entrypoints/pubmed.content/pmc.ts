import type { Article } from '@/utils/article';
import { parsePmcArticle } from '@/utils/page/parse-pmc';
import { pmcRoots } from '@/utils/page/roots';

/** A PMC full-text page as JAK Lens uses it: the article to classify and where to mark terms. */
export interface PmcPage {
  /** Title, abstract, keywords and body text (reference list left out), for classifyArticle. */
  article: Article;
  /**
   * Disjoint subtrees to mark (utils/page/roots.ts): the title, then the body (abstract and sections). The reference
   * list is left out unless asked for: cited titles name drugs the article itself may never discuss.
   */
  roots: Element[];
}

export interface ReadPmcOptions {
  /** Mark terms inside the reference list too (the `highlightReferences` setting). */
  includeReferences?: boolean;
}

/**
 * Reads a PMC article page, current design (pmc.ncbi.nlm.nih.gov/articles/PMC…/) or legacy
 * (www.ncbi.nlm.nih.gov/pmc/articles/PMC…/). Null when `doc` is not a PMC article. With parts of the
 * page missing it returns what it can (fewer roots, a thinner article); it never throws.
 */
export function readPmcPage(
  doc: Document,
  url: string,
  options: ReadPmcOptions = {},
): PmcPage | null {
  try {
    const article = parsePmcArticle(doc, url);
    if (!article) return null;
    return { article, roots: pmcRoots(doc, options) };
  } catch {
    return null;
  }
}
