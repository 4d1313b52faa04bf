import {
  createTextPositionSelectorMatcher,
  createTextQuoteSelectorMatcher,
  describeTextPosition,
  describeTextQuote,
} from '@apache-annotator/dom';
import type { TextPosition, TextQuote } from './db';

/**
 * Turns a selected Range into W3C Web Annotation selectors and back, using Apache Annotator for the
 * text walking and exact matching. Pure DOM: the root comes in as an argument.
 *
 * Anchoring is exact on purpose. A highlight whose quoted text is no longer on the page is orphaned
 * (`null`), listed with its text by the caller, never moved onto a passage that merely looks similar.
 * Offsets count the characters of the root's text nodes in document order (as `textContent` does).
 */

/** The selectors JAK Lens stores for one highlight. */
export interface HighlightSelectors {
  textQuote: TextQuote;
  textPosition: TextPosition;
}

/** Context kept on each side of a quote, so a duplicate that appears later stays distinguishable. */
const CONTEXT_CHARS = 32;

/** Describes `range` (inside `root`) by its exact text with context, and by its text offsets. */
export async function describeRange(root: Node, range: Range): Promise<HighlightSelectors> {
  const exactLength = range.toString().length;
  const quote = await describeTextQuote(range, root, {
    minimumQuoteLength: exactLength + 2 * CONTEXT_CHARS,
  });
  const position = await describeTextPosition(range, root);
  return {
    textQuote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    textPosition: { start: position.start, end: position.end },
  };
}

/**
 * Finds the stored passage again, or returns null when it is not there exactly (an orphan). In order:
 * 1. the quote with its full prefix and suffix; among several matches, the one nearest the stored offset;
 * 2. the quote with one side of its context intact (the page was edited right next to it), when that
 *    gives a single match or one at the stored offset;
 * 3. the quote alone, only at exactly the stored offset (context edited on both sides).
 */
export async function anchorSelectors(
  root: Node,
  selectors: HighlightSelectors,
): Promise<Range | null> {
  const { textQuote: quote, textPosition: position } = selectors;
  if (!quote.exact) return null;

  const full = await findQuote(root, quote);
  if (full.length > 0) return nearest(full, position.start).range;

  const oneSided = dedupe([
    ...(quote.prefix ? await findQuote(root, { ...quote, suffix: '' }) : []),
    ...(quote.suffix ? await findQuote(root, { ...quote, prefix: '' }) : []),
  ]);
  if (oneSided.length === 1) return oneSided[0]!.range;
  const atOffset = oneSided.find((c) => c.start === position.start);
  if (atOffset) return atOffset.range;
  if (oneSided.length > 1) return null;

  return quoteAtPosition(root, quote.exact, position);
}

interface Candidate {
  range: Range;
  start: number;
}

async function findQuote(root: Node, quote: TextQuote): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  const matches = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', ...quote })(root);
  for await (const range of matches) {
    const { start } = await describeTextPosition(range, root);
    candidates.push({ range, start });
  }
  return candidates;
}

async function quoteAtPosition(
  root: Node,
  exact: string,
  position: TextPosition,
): Promise<Range | null> {
  try {
    const matches = createTextPositionSelectorMatcher({
      type: 'TextPositionSelector',
      ...position,
    })(root);
    for await (const range of matches) return range.toString() === exact ? range : null;
  } catch {
    // The stored offsets run past the end of the (now shorter) text: nothing there to anchor.
  }
  return null;
}

function nearest(candidates: Candidate[], start: number): Candidate {
  return candidates.reduce((best, c) =>
    Math.abs(c.start - start) < Math.abs(best.start - start) ? c : best,
  );
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const byStart = new Map(candidates.map((c) => [c.start, c]));
  return [...byStart.values()];
}
