import type { PageType } from './page-type';
import { ABSTRACT, FULL_VIEW_HEADING, HEADING_TITLE } from './selectors';

/** Where the highlighter works on a page, and what it must leave alone inside those places. */
export interface HighlightTargets {
  roots: Element[];
  /** Selector for subtrees to skip (reference lists, our own UI). */
  exclude: string;
}

/** Our own elements: the panel's shadow host and anything marked as our UI. */
export const OWN_UI = 'jak-lens-panel, [data-jl-ui]';

/**
 * The article text JAK Lens highlights: the title, abstract and keywords of a PubMed article (never navigation,
 * author lists or similar-article blocks). PMC pages have their own reader (entrypoints/pubmed.content/pmc.ts).
 * Missing parts are simply absent (a changed layout gives fewer highlights, not an error).
 */
export function highlightTargets(doc: Document, pageType: PageType): HighlightTargets {
  const pick = (...selectors: string[]) =>
    selectors.map((s) => doc.querySelector(s)).filter((el): el is Element => el !== null);
  if (pageType === 'pubmed-article') {
    return { roots: pick(`${FULL_VIEW_HEADING} ${HEADING_TITLE}`, ABSTRACT), exclude: OWN_UI };
  }
  return { roots: [], exclude: OWN_UI };
}
