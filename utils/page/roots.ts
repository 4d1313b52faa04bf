import type { PageType } from './page-type';
import {
  ABSTRACT,
  FULL_VIEW_HEADING,
  HEADING_TITLE,
  PMC_ASSOCIATED_DATA,
  PMC_BODY,
  PMC_LEGACY_REF_LIST,
  PMC_LEGACY_SECTION,
  PMC_LEGACY_TITLE,
  PMC_REF_LIST,
  PMC_TITLE,
} from './selectors';
import { PANEL_HOST, UI_ATTR } from './markup';

/** Where term marks go on a page, and what they must leave alone inside those places. */
export interface TermMarkTargets {
  roots: Element[];
  /** Selector for subtrees to skip (reference lists, our own UI). */
  exclude: string;
}

/** Our own elements: the panel's shadow host and anything marked as our UI. */
export const OWN_UI = `${PANEL_HOST}, [${UI_ATTR}]`;

/**
 * The article text JAK Lens marks, chosen by the page type detected once (page-type.ts): on a PubMed
 * article the title, abstract and keywords (never navigation, author lists or similar-article
 * blocks); on a PMC article the title and body (`pmcRoots`); nothing elsewhere. Missing parts are
 * simply absent (a changed layout gives fewer marks, not an error).
 */
export function termMarkTargets(
  doc: Document,
  pageType: PageType,
  options: { includeReferences?: boolean } = {},
): TermMarkTargets {
  const pick = (...selectors: string[]) =>
    selectors.map((s) => doc.querySelector(s)).filter((el): el is Element => el !== null);
  if (pageType === 'pubmed-article') {
    return { roots: pick(`${FULL_VIEW_HEADING} ${HEADING_TITLE}`, ABSTRACT), exclude: OWN_UI };
  }
  if (pageType === 'pmc-article') return { roots: pmcRoots(doc, options), exclude: OWN_UI };
  return { roots: [], exclude: OWN_UI };
}

/**
 * The PMC article text JAK Lens marks: disjoint subtrees, the title then the body (abstract and
 * sections), current design or legacy. The reference list is left out unless asked for (the
 * `markReferences` setting): cited titles name drugs the article itself may never discuss.
 */
function pmcRoots(doc: Document, options: { includeReferences?: boolean } = {}): Element[] {
  const skipped = [PMC_ASSOCIATED_DATA];
  if (!options.includeReferences) skipped.push(PMC_REF_LIST, PMC_LEGACY_REF_LIST);
  const title = doc.querySelector(PMC_TITLE) ?? doc.querySelector(PMC_LEGACY_TITLE);
  const body = doc.querySelector(PMC_BODY);
  // The legacy design has no body wrapper: its top-level sections are the body.
  const sections = body ? [body] : topLevel(Array.from(doc.querySelectorAll(PMC_LEGACY_SECTION)));
  return [title, ...sections]
    .filter((el): el is Element => el !== null)
    .flatMap((el) => rootsWithout(el, skipped.join(', ')));
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
