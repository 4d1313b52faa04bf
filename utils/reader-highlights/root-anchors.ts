import {
  anchorSelectors,
  describeRange,
  uniqueQuoteMatch,
  type HighlightSelectors,
} from './anchoring';
import { MAX_CONTEXT, MAX_QUOTE } from '../messaging/messages';
import { rangeFromSpan, spanOfRange, type TextSpan } from './text-spans';

/**
 * Anchoring over several roots at once (PubMed: title and abstract; PMC: title and body). Stored
 * offsets are counted over the roots' texts laid end to end, so one number says both which root and
 * where in it, and the stored record needs no root field. Pure DOM: the roots come in as arguments.
 */

/** A place in one root: its index in the roots list and a span of its text. */
export interface RootSpan extends TextSpan {
  root: number;
}

/** Where each root's text starts in the joined text. */
function bases(roots: readonly Node[]): number[] {
  let offset = 0;
  return roots.map((root) => {
    const base = offset;
    offset += (root.textContent ?? '').length;
    return base;
  });
}

/**
 * The part of `range` that lies in the first root it touches, with surrounding whitespace trimmed,
 * or null when it touches no root or holds only whitespace. A selection running from the title into
 * the abstract keeps its title part: one highlight never spans two roots.
 */
export function locateSelection(roots: readonly Node[], range: Range): RootSpan | null {
  for (const [index, root] of roots.entries()) {
    if (!range.intersectsNode(root)) continue;
    const clamped = range.cloneRange();
    const whole = (root.ownerDocument ?? (root as Document)).createRange();
    whole.selectNodeContents(root);
    if (clamped.compareBoundaryPoints(0 /* START_TO_START */, whole) < 0) {
      clamped.setStart(root, 0);
    }
    if (clamped.compareBoundaryPoints(2 /* END_TO_END */, whole) > 0) {
      clamped.setEnd(root, root.childNodes.length);
    }
    const span = spanOfRange(root, clamped);
    if (!span) continue;
    const trimmed = trimSpan(root.textContent ?? '', span);
    if (trimmed) return { root: index, ...trimmed };
  }
  return null;
}

/** The span without leading and trailing whitespace, or null when nothing else is left. */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/**
 * Describes a located selection as stored selectors (offsets in the joined text). Throws when the
 * quote is longer than the protocol allows, so the reader is told rather than the text cut.
 */
export async function describeInRoots(
  roots: readonly Node[],
  at: RootSpan,
): Promise<HighlightSelectors> {
  const root = roots[at.root];
  const range = root && rangeFromSpan(root, at);
  if (!root || !range) throw new Error('The selection is no longer on the page.');
  if (at.end - at.start > MAX_QUOTE) {
    throw new Error(`Highlights are limited to ${MAX_QUOTE} characters; select a shorter passage.`);
  }
  const { textQuote, textPosition } = await describeRange(root, range);
  const base = bases(roots)[at.root] ?? 0;
  return {
    textQuote: {
      exact: textQuote.exact,
      prefix: textQuote.prefix.slice(-MAX_CONTEXT),
      suffix: textQuote.suffix.slice(0, MAX_CONTEXT),
    },
    textPosition: { start: base + textPosition.start, end: base + textPosition.end },
  };
}

/**
 * Finds stored selectors on the page again, or null (an orphan). The root the stored offset points
 * into gets the full search of anchorSelectors (context on one side, or the bare quote at its exact
 * old offset, are accepted there). Another root is only accepted with the whole context matching
 * once: a root's edges cut contexts short, so anything looser there could land on a look-alike. That
 * still finds a passage whose root moved because text before it changed length.
 */
export async function anchorInRoots(
  roots: readonly Node[],
  selectors: HighlightSelectors,
): Promise<RootSpan | null> {
  const starts = bases(roots);
  const { start, end } = selectors.textPosition;
  const home = starts.findLastIndex((base) => base <= start);
  for (const [index, root] of roots.entries()) {
    const base = starts[index]!;
    const range =
      index === home
        ? await anchorSelectors(root, {
            ...selectors,
            textPosition: { start: start - base, end: end - base },
          })
        : null;
    const span = range && spanOfRange(root, range);
    if (span) return { root: index, ...span };
  }
  for (const [index, root] of roots.entries()) {
    if (index === home) continue;
    const range = uniqueQuoteMatch(root, selectors.textQuote);
    const span = range && spanOfRange(root, range);
    if (span) return { root: index, ...span };
  }
  return null;
}
