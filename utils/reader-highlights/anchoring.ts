import type { TextPosition, TextQuote } from '../storage/db';

/**
 * Turns a selected Range into W3C Web Annotation selectors (TextQuote, TextPosition) and back. Pure
 * DOM: the root comes in as an argument. A few small functions over one text index (the root's Text
 * nodes with where each starts in their joined text); the search itself is `indexOf` on that text.
 *
 * Anchoring is exact on purpose. A highlight whose quoted text is no longer on the page is orphaned
 * (`null`), listed with its text by the caller, never moved onto a passage that merely looks similar.
 * Offsets count the characters (UTF-16 code units) of the root's Text nodes in document order, as
 * `textContent` does; comments and processing instructions are not text, and neither are CDATA
 * sections (XML only), which the Text walk leaves out as Apache Annotator, used before, did.
 */

/** The selectors JAK Lens stores for one highlight. */
export interface HighlightSelectors {
  textQuote: TextQuote;
  textPosition: TextPosition;
}

/** Context kept on each side of a quote, so a duplicate that appears later stays distinguishable. */
const CONTEXT_CHARS = 32;
/** Context never grows past this (the stored limit, `MAX_CONTEXT` in messages.ts). */
const MAX_CONTEXT_CHARS = 1_000;

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT, without needing the global
const FOLLOWING = 0x4; // Node.DOCUMENT_POSITION_FOLLOWING

/** The root's Text nodes in document order, where each starts in `text`, and `text` itself. */
interface TextIndex {
  root: Node;
  nodes: Text[];
  starts: number[];
  text: string;
}

function indexText(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    nodes.push(node as Text);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
  }
  return { root, nodes, starts, text: parts.join('') };
}

/** True when Text node `text` lies at or after the boundary point (container, offset). */
function isAtOrAfter(text: Text, container: Node, offset: number): boolean {
  const child = container.childNodes[offset];
  if (child)
    return (
      child === text || child.contains(text) || !!(child.compareDocumentPosition(text) & FOLLOWING)
    );
  return !container.contains(text) && !!(container.compareDocumentPosition(text) & FOLLOWING);
}

/** The text offset of a boundary point (any container, in or around the root), clamped to the text. */
function offsetOf(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const at = index.nodes.indexOf(container as Text);
    if (at >= 0) return index.starts[at]! + Math.min(offset, (container as Text).data.length);
  }
  // The first Text node at or after the point starts there (binary search: document order).
  let low = 0;
  let high = index.nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAtOrAfter(index.nodes[mid]!, container, offset)) high = mid;
    else low = mid + 1;
  }
  return low < index.nodes.length ? index.starts[low]! : index.text.length;
}

/**
 * The index of the Text node a boundary at text `offset` goes into: for a start, the node holding the
 * character at `offset`; for an end, the node holding the one before it. So a range never begins with
 * the empty tail of one node, nor ends with the empty head of the next (or in an empty node).
 */
function nodeAt(index: TextIndex, offset: number, isStart: boolean): number {
  const endOf = (i: number) => index.starts[i]! + index.nodes[i]!.data.length;
  let low = 0;
  let high = index.nodes.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isStart ? endOf(mid) > offset : endOf(mid) >= offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The Range over characters [start, end) of the indexed text, or null when outside it. */
function rangeOver(index: TextIndex, start: number, end: number): Range | null {
  if (start < 0 || end < start || end > index.text.length || index.nodes.length === 0) return null;
  const doc = index.root.ownerDocument ?? (index.root as Document);
  const range = doc.createRange();
  const first = nodeAt(index, start, true);
  const last = end === start ? first : nodeAt(index, end, false);
  range.setStart(index.nodes[first]!, start - index.starts[first]!);
  range.setEnd(index.nodes[last]!, end - index.starts[last]!);
  return range;
}

/** Every start offset of `pattern` in `text`, overlapping ones included. */
function occurrences(text: string, pattern: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) found.push(at);
  return found;
}

/** Start offsets of `exact` where it has `prefix` right before it and `suffix` right after. */
function quoteStarts(text: string, quote: TextQuote): number[] {
  return occurrences(text, quote.prefix + quote.exact + quote.suffix).map(
    (at) => at + quote.prefix.length,
  );
}

/** Describes `range` (inside `root`) by its exact text with context, and by its text offsets. */
export async function describeRange(root: Node, range: Range): Promise<HighlightSelectors> {
  const index = indexText(root);
  const { text } = index;
  const start = offsetOf(index, range.startContainer, range.startOffset);
  const end = Math.max(start, offsetOf(index, range.endContainer, range.endOffset));
  const exact = text.slice(start, end);
  // CONTEXT_CHARS each side; more while the quote with its context still occurs elsewhere too.
  let context = CONTEXT_CHARS;
  let quote = withContext(text, start, end, context);
  while (
    quoteStarts(text, quote).length > 1 &&
    context < MAX_CONTEXT_CHARS &&
    (start - context > 0 || end + context < text.length)
  ) {
    context = Math.min(context * 2, MAX_CONTEXT_CHARS);
    quote = withContext(text, start, end, context);
  }
  return { textQuote: { ...quote, exact }, textPosition: { start, end } };
}

function withContext(text: string, start: number, end: number, chars: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - chars), start),
    suffix: text.slice(end, end + chars),
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
  const index = indexText(root);
  const { text } = index;
  const found = (start: number) => rangeOver(index, start, start + quote.exact.length);

  const full = quoteStarts(text, quote);
  if (full.length > 0) return found(nearest(full, position.start));

  const oneSided = new Set([
    ...(quote.prefix ? quoteStarts(text, { ...quote, suffix: '' }) : []),
    ...(quote.suffix ? quoteStarts(text, { ...quote, prefix: '' }) : []),
  ]);
  if (oneSided.size === 1) return found([...oneSided][0]!);
  if (oneSided.has(position.start)) return found(position.start);
  if (oneSided.size > 1) return null;

  return position.start >= 0 && text.startsWith(quote.exact, position.start)
    ? found(position.start)
    : null;
}

/**
 * The quote with its full prefix and suffix when it occurs exactly once in `root`, else null. For
 * roots other than the one the stored offset points into, where nothing looser is safe.
 */
export function uniqueQuoteMatch(root: Node, quote: TextQuote): Range | null {
  if (!quote.exact) return null;
  const index = indexText(root);
  const starts = quoteStarts(index.text, quote);
  return starts.length === 1 ? rangeOver(index, starts[0]!, starts[0]! + quote.exact.length) : null;
}

/** The start nearest `start` (the earlier one on a tie). */
function nearest(starts: number[], start: number): number {
  return starts.reduce((best, s) => (Math.abs(s - start) < Math.abs(best - start) ? s : best));
}
