import type { PageType } from './page-type';
import {
  ABSTRACT,
  FULL_VIEW_HEADING,
  HEADING_TITLE,
  PMC_BODY,
  PMC_LEGACY_REF_LIST,
  PMC_LEGACY_TITLE,
  PMC_REF_LIST,
  PMC_TITLE,
} from './pubmed-selectors';

/** Where the highlighter works on a page, and what it must leave alone inside those places. */
export interface HighlightTargets {
  roots: Element[];
  /** Selector for subtrees to skip (reference lists, our own UI). */
  exclude: string;
}

/** Our own elements: the panel's shadow host and anything marked as our UI. */
export const OWN_UI = 'jak-lens-panel, [data-jl-ui]';

/**
 * The article text JAK Lens highlights: on PubMed the title, abstract and keywords (never navigation,
 * author lists or similar-article blocks); on PMC the title and body, without the reference list.
 * Missing parts are simply absent (a changed layout gives fewer highlights, not an error).
 */
export function highlightTargets(doc: Document, pageType: PageType): HighlightTargets {
  const pick = (...selectors: string[]) =>
    selectors.map((s) => doc.querySelector(s)).filter((el): el is Element => el !== null);
  if (pageType === 'pubmed-article') {
    return { roots: pick(`${FULL_VIEW_HEADING} ${HEADING_TITLE}`, ABSTRACT), exclude: OWN_UI };
  }
  if (pageType === 'pmc-article') {
    return {
      roots: pick(PMC_TITLE, PMC_LEGACY_TITLE, PMC_BODY),
      exclude: `${OWN_UI}, ${PMC_REF_LIST}, ${PMC_LEGACY_REF_LIST}`,
    };
  }
  return { roots: [], exclude: OWN_UI };
}
