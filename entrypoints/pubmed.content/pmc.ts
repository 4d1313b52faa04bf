import type { Article } from '@/utils/article';
import { parsePmcArticle } from '@/utils/page/parse-pmc';
import {
  PMC_ASSOCIATED_DATA,
  PMC_BODY,
  PMC_LEGACY_REF_LIST,
  PMC_LEGACY_SECTION,
  PMC_LEGACY_TITLE,
  PMC_REF_LIST,
  PMC_TITLE,
} from '@/utils/page/selectors';

/** A PMC full-text page as JAK Lens uses it: the article to classify and where to highlight. */
export interface PmcPage {
  /** Title, abstract, keywords and body text (reference list left out), for classifyArticle. */
  article: Article;
  /**
   * Disjoint subtrees to highlight: the title, then the body (abstract and sections). The reference
   * list is left out unless asked for: cited titles name drugs the article itself may never discuss.
   */
  roots: Element[];
}

export interface ReadPmcOptions {
  /** Highlight inside the reference list too (the `highlightReferences` setting). */
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
    const skipped = [PMC_ASSOCIATED_DATA];
    if (!options.includeReferences) skipped.push(PMC_REF_LIST, PMC_LEGACY_REF_LIST);
    const title = doc.querySelector(PMC_TITLE) ?? doc.querySelector(PMC_LEGACY_TITLE);
    const body = doc.querySelector(PMC_BODY);
    // The legacy design has no body wrapper: its top-level sections are the body.
    const sections = body ? [body] : topLevel(Array.from(doc.querySelectorAll(PMC_LEGACY_SECTION)));
    const roots = [title, ...sections]
      .filter((el): el is Element => el !== null)
      .flatMap((el) => rootsWithout(el, skipped.join(', ')));
    return { article, roots };
  } catch {
    return null;
  }
}

/** The smallest set of subtrees covering `root` minus the elements matching `skip`. */
function rootsWithout(root: Element, skip: string): Element[] {
  if (root.matches(skip)) return [];
  if (!root.querySelector(skip)) return [root];
  return Array.from(root.children).flatMap((child) => rootsWithout(child, skip));
}

function topLevel(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}
