/**
 * Wrapping one text node, and putting it back. The original Text node is never edited: it is
 * swapped for new pieces and marks, and kept aside so undo can swap it back. That restores the
 * page's own node (and its own splits between text nodes) without any `normalize()`, the way
 * Hypothesis restores highlighted ranges.
 */

import type { Mention } from '../match/mention';
import { KIND_ATTR, LABEL_ATTR, TERM_ATTR } from '../page/markup';
import { TERM_MARK_TAG } from './style';

/** What one wrapped text node became, and how to undo it. */
export interface Segment {
  /** The page's text node, detached while the segment is applied. */
  original: Text;
  /** The nodes that replaced it, in order: plain text pieces and marks. */
  parts: Node[];
  marks: HTMLElement[];
  /** False once restored, so a double undo (or remove-all, then undo) is harmless. */
  applied: boolean;
}

/**
 * Every mark we inserted, mapped to its segment. A WeakMap keeps no page node alive and lets
 * `removeAllTermMarks` restore originals without holding a result object. Only marks are
 * registered (not the text pieces between them): one entry per mark keeps the write path short.
 */
const segmentOf = new WeakMap<Node, Segment>();

/** The segment a mark belongs to, if this module instance made it and it is still applied. */
export function getSegment(mark: Node): Segment | undefined {
  return segmentOf.get(mark);
}

/**
 * True when `node` is a text piece this module cut out of a page text node. Pieces always sit
 * next to one of our marks, so only the neighbours need looking at.
 */
export function isOwnPiece(node: Text): boolean {
  for (const sibling of [node.previousSibling, node.nextSibling]) {
    const segment = sibling && segmentOf.get(sibling);
    if (segment && segment.parts.includes(node)) return true;
  }
  return false;
}

/**
 * Makes marks by deep-cloning one prototype per matched text, which already carries the
 * attributes and the text: one native call per mark instead of a clone, four `setAttribute`s and
 * a `textContent` write. `role="mark"` keeps highlight semantics for screen readers; tabindex
 * makes each mark reachable by keyboard for its info card.
 */
export function createMarkFactory(doc: Document): (m: Mention, text: string) => HTMLElement {
  // Keyed by the matched text (few distinct spellings per page); kind and term are checked, so a
  // finder that maps the same text to different terms still gets the right attributes.
  const protos = new Map<string, { mention: Mention; el: HTMLElement }>();
  return (m, text) => {
    let proto = protos.get(text);
    if (
      !proto ||
      proto.mention.termId !== m.termId ||
      proto.mention.kind !== m.kind ||
      proto.mention.label !== m.label
    ) {
      const el = doc.createElement(TERM_MARK_TAG);
      el.setAttribute(KIND_ATTR, m.kind);
      el.setAttribute(TERM_ATTR, m.termId);
      // The reader's own words, shown by the mark card: an attribute, never parsed as markup.
      if (m.label !== undefined) el.setAttribute(LABEL_ATTR, m.label);
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'mark');
      el.textContent = text;
      proto = { mention: m, el };
      protos.set(text, proto);
    }
    return proto.el.cloneNode(true) as HTMLElement;
  };
}

/**
 * Replaces `node` by text pieces and marks for `mentions` (already selected, sorted, in range)
 * and returns the segment that undoes it. One `replaceWith` call inserts everything: the browser
 * turns the string pieces into text nodes itself, far cheaper than creating them from script.
 */
export function wrapTextNode(
  node: Text,
  mentions: readonly Mention[],
  makeMark: (m: Mention, text: string) => HTMLElement,
): Segment {
  const data = node.data;
  const items: (string | HTMLElement)[] = [];
  const marks: HTMLElement[] = [];
  let pos = 0;
  for (const m of mentions) {
    if (m.start > pos) items.push(data.slice(pos, m.start));
    const mark = makeMark(m, data.slice(m.start, m.end));
    items.push(mark);
    marks.push(mark);
    pos = m.end;
  }
  if (pos < data.length) items.push(data.slice(pos));
  node.replaceWith(...items);
  const segment: Segment = { original: node, parts: [], marks, applied: true };
  // Read back the text nodes the browser made for the string pieces: they run contiguously
  // from the first item to the last.
  const firstMark = marks[0]!;
  const lastMark = marks[marks.length - 1]!;
  const last = typeof items[items.length - 1] === 'string' ? lastMark.nextSibling : lastMark;
  let part = typeof items[0] === 'string' ? firstMark.previousSibling : firstMark;
  while (part !== null) {
    segment.parts.push(part);
    if (part === last) break;
    part = part.nextSibling;
  }
  for (const mark of marks) segmentOf.set(mark, segment);
  return segment;
}

/**
 * Puts the original text node back where the segment's first surviving part is, and removes the
 * parts. If the page has since removed every part, there is nowhere to put it back, so nothing is
 * done.
 */
export function restoreSegment(segment: Segment): void {
  if (!segment.applied) return;
  segment.applied = false;
  for (const mark of segment.marks) segmentOf.delete(mark);
  const anchor = segment.parts.find((p) => p.parentNode !== null);
  const parent = anchor?.parentNode;
  if (!anchor || !parent) return;
  parent.insertBefore(segment.original, anchor);
  for (const part of segment.parts) {
    if (part.parentNode === parent) parent.removeChild(part);
  }
}

const TEXT_NODE = 3;

/**
 * Unwraps a mark this module instance has no record of (e.g. left by a previous, reloaded content
 * script): its text goes back into the neighbouring text nodes. Best effort only: if the page had
 * its own split right next to the mark, that split is merged too.
 */
export function unwrapForeignMark(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  const prev = mark.previousSibling;
  const next = mark.nextSibling;
  const text = mark.textContent ?? '';
  let merged: Text;
  if (prev !== null && prev.nodeType === TEXT_NODE) {
    merged = prev as Text;
    merged.appendData(text);
    parent.removeChild(mark);
  } else {
    merged = mark.ownerDocument.createTextNode(text);
    parent.replaceChild(merged, mark);
  }
  if (next !== null && next.nodeType === TEXT_NODE) {
    merged.appendData((next as Text).data);
    parent.removeChild(next);
  }
}
