/**
 * Wrapping one text node, and putting it back. The original Text node is never edited: it is
 * swapped for new pieces and marks, and kept aside so undo can swap it back. That restores the
 * page's own node (and its own splits between text nodes) without any `normalize()`, the way
 * Hypothesis restores highlighted ranges.
 */

import type { Mention, MentionKind } from './mention';
import { HIGHLIGHT_TAG } from './highlight-style';

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
 * Every node we inserted, mapped to its segment. A WeakMap keeps no page node alive and lets
 * `removeAllHighlights` restore originals without holding a result object.
 */
const segmentOf = new WeakMap<Node, Segment>();

/** True when `node` is a text piece or mark that this module inserted. */
export function isOwnNode(node: Node): boolean {
  return segmentOf.has(node);
}

/** The segment a mark (or piece) belongs to, if this module instance made it. */
export function getSegment(node: Node): Segment | undefined {
  return segmentOf.get(node);
}

/**
 * Cleans a finder's output for one string: keeps the wanted kinds, drops empty, out-of-range and
 * overlapping mentions (first start wins, then the longest), and sorts by start.
 */
export function selectMentions(
  mentions: readonly Mention[],
  length: number,
  kinds: ReadonlySet<MentionKind> | undefined,
): Mention[] {
  const usable = mentions.filter(
    (m) => m.start >= 0 && m.end > m.start && m.end <= length && (!kinds || kinds.has(m.kind)),
  );
  if (usable.length < 2) return usable;
  usable.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let end = 0;
  for (const m of usable) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

/**
 * A prototype mark carrying the attributes shared by every mark; cloning it is cheaper than
 * setting them one by one. `role="mark"` keeps the highlight semantics for screen readers, and
 * tabindex makes each mark reachable by keyboard for its info card.
 */
export function createMarkPrototype(doc: Document): HTMLElement {
  const proto = doc.createElement(HIGHLIGHT_TAG);
  proto.setAttribute('tabindex', '0');
  proto.setAttribute('role', 'mark');
  return proto;
}

/**
 * Replaces `node` by text pieces and marks for `mentions` (already selected, sorted, in range)
 * and returns the segment that undoes it. Builds everything in a DocumentFragment first so the
 * page sees one insertion per text node.
 */
export function wrapTextNode(
  node: Text,
  mentions: readonly Mention[],
  proto: HTMLElement,
): Segment {
  const doc = node.ownerDocument;
  const data = node.data;
  const frag = doc.createDocumentFragment();
  const segment: Segment = { original: node, parts: [], marks: [], applied: true };
  let pos = 0;
  for (const m of mentions) {
    if (m.start > pos) addPart(segment, frag, doc.createTextNode(data.slice(pos, m.start)));
    const mark = proto.cloneNode(false) as HTMLElement;
    mark.setAttribute('data-jl-kind', m.kind);
    mark.setAttribute('data-jl-term', m.termId);
    mark.appendChild(doc.createTextNode(data.slice(m.start, m.end)));
    addPart(segment, frag, mark);
    segment.marks.push(mark);
    pos = m.end;
  }
  if (pos < data.length) addPart(segment, frag, doc.createTextNode(data.slice(pos)));
  node.parentNode?.replaceChild(frag, node);
  return segment;
}

const TEXT_NODE = 3;

function addPart(segment: Segment, frag: DocumentFragment, part: Node): void {
  frag.appendChild(part);
  segment.parts.push(part);
  segmentOf.set(part, segment);
}

/**
 * Puts the original text node back where the segment's first surviving part is, and removes the
 * parts. If the page has since removed every part, there is nowhere to put it back, so nothing is
 * done.
 */
export function restoreSegment(segment: Segment): void {
  if (!segment.applied) return;
  segment.applied = false;
  const anchor = segment.parts.find((p) => p.parentNode !== null);
  if (!anchor) return;
  const parent = anchor.parentNode;
  parent?.insertBefore(segment.original, anchor);
  for (const part of segment.parts) {
    if (part.parentNode === parent) parent?.removeChild(part);
    segmentOf.delete(part);
  }
}

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
