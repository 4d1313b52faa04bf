/**
 * Text spans: a pair of offsets in a root's text, and the Range over it. The reader's highlights are
 * stored and re-anchored as spans of the roots' texts (root-anchors.ts) and drawn from the Range
 * (overlay.ts). Pure DOM: the root comes in as an argument.
 */

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT, without needing the global

/** A text offset pair in a root's text (the characters `root.textContent` would give). */
export interface TextSpan {
  start: number;
  end: number;
}

/** Every Text node under `root`, in document order (the same nodes `textContent` concatenates). */
export function textNodesOf(root: Node): Text[] {
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
