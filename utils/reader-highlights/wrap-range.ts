/**
 * Wrapping an arbitrary Range's text in marks, and putting it back exactly. Used for the reader's
 * own highlights, which (unlike term marks) may cross element boundaries. Every text node the range
 * touches is swapped for pieces and one mark; the page's original Text node is kept aside so undo
 * swaps it back, restoring the page's own node identities and splits without `normalize()`
 * (Hypothesis `highlighter.ts` does the same per text node). Pure DOM: the root comes in as an
 * argument.
 */

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT, without needing the global

/**
 * Text that must not be wrapped even when a selection runs over it: non-rendered text, and
 * whitespace between table rows or list items, where an inline element is not allowed.
 */
const NEVER_WRAP: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const NO_INLINE_CHILDREN: ReadonlySet<string> = new Set([
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'COLGROUP',
  'UL',
  'OL',
  'DL',
  'SELECT',
]);

/** What `wrapRange` inserted, and how to take it out again. */
export interface WrappedRange {
  /** The marks, in document order (one per text node touched). */
  marks: HTMLElement[];
  /** Restores the DOM this call changed, original text nodes included. Safe to repeat. */
  undo(): void;
}

/** A text offset pair in a root's text (the characters `root.textContent` would give). */
export interface TextSpan {
  start: number;
  end: number;
}

/** Every Text node under `root`, in document order (the same nodes `textContent` concatenates). */
function textNodesOf(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * The Range covering characters [start, end) of `root`'s text, or null when the span lies outside
 * it. A boundary between two text nodes is placed at the start of the later node, so the range
 * never begins with an empty tail of the previous one.
 */
export function rangeFromSpan(root: Node, span: TextSpan): Range | null {
  const { start, end } = span;
  if (start < 0 || end <= start) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  let offset = 0;
  let started = false;
  for (const node of textNodesOf(root)) {
    const length = node.data.length;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

/** The span of `range` in `root`'s text, or null when the range does not lie inside `root`. */
export function spanOfRange(root: Node, range: Range): TextSpan | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const before = doc.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** True when `node` may be wrapped: rendered text where an inline element is allowed. */
function isWrappable(node: Text): boolean {
  const parent = node.parentElement;
  if (!parent || NEVER_WRAP.has(parent.tagName.toUpperCase())) return false;
  if (parent.closest('script, style, noscript, template, textarea, [data-jl-ui]')) return false;
  const blank = node.data.trim() === '';
  return !(blank && NO_INLINE_CHILDREN.has(parent.tagName.toUpperCase()));
}

interface Swap {
  original: Text;
  parts: Node[];
}

/**
 * Wraps the text `range` covers in marks from `makeMark` (one per text node touched, so marks
 * always nest correctly inside whatever elements the page, or the term highlighter, has there).
 * Compute first, then mutate: the text nodes and their cut points are all read before the first
 * change, so the live range is never used across our own mutations.
 */
export function wrapRange(range: Range, makeMark: () => HTMLElement): WrappedRange {
  const root = range.commonAncestorContainer;
  const plan: [node: Text, from: number, to: number][] = [];
  for (const node of textNodesOf(root.nodeType === 3 ? root.parentNode! : root)) {
    if (!range.intersectsNode(node)) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to > from && isWrappable(node)) plan.push([node, from, to]);
  }
  const swaps: Swap[] = [];
  const marks: HTMLElement[] = [];
  for (const [node, from, to] of plan) {
    const data = node.data;
    const mark = makeMark();
    mark.textContent = data.slice(from, to);
    const items: (string | Node)[] = [];
    if (from > 0) items.push(data.slice(0, from));
    items.push(mark);
    if (to < data.length) items.push(data.slice(to));
    node.replaceWith(...items);
    const parts: Node[] = [mark];
    if (from > 0) parts.unshift(mark.previousSibling!);
    if (to < data.length) parts.push(mark.nextSibling!);
    swaps.push({ original: node, parts });
    marks.push(mark);
  }
  let applied = true;
  return {
    marks,
    undo() {
      if (!applied) return;
      applied = false;
      for (let i = swaps.length - 1; i >= 0; i--) restore(swaps[i]!);
    },
  };
}

/** Puts the original node back where its first surviving part is, and removes the parts. */
function restore({ original, parts }: Swap): void {
  const anchor = parts.find((p) => p.parentNode !== null);
  const parent = anchor?.parentNode;
  if (!anchor || !parent) return;
  parent.insertBefore(original, anchor);
  for (const part of parts) if (part.parentNode === parent) parent.removeChild(part);
}
