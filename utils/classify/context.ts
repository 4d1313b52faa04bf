/**
 * Sentence-level facts about one mention: whether it is only an item in a list of other things,
 * and whether a JAK target is named as something inhibited ("JAK1 inhibitor", "inhibitor of JAK2").
 */
import type { Mention } from '../match/mention';

const SENTENCE_END = /[.;!?](?=\s|$)|\n/g;

/** Start and end offsets of the sentence around `index`. */
export function sentenceAround(text: string, index: number): [number, number] {
  let start = 0;
  let end = text.length;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) !== null) {
    if (m.index < index) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

const JAK_TERM = /^drug:/;
/** An enumeration item is short: "IVIG", "rituximab", "and mycophenolate mofetil". */
const MAX_ITEM_WORDS = 5;

function wordCount(segment: string): number {
  return segment.trim().split(/\s+/).filter(Boolean).length;
}

/** "and", "or", "as well as" closing an enumeration ("…, rituximab or tofacitinib"). */
const COORDINATOR = /(?:^|\s)(?:and|or|as well as|&)\s/i;

/**
 * Number of items in the comma-separated enumeration the offset sits in, or 0 when its comma
 * segment is a clause rather than a list item. A run of short segments forms the list; the lead-in
 * before it ("treated with steroids") and the tail after it each add one item. A run is only an
 * enumeration when a coordinator closes it ("…, IVIG, rituximab or tofacitinib"): commas around
 * an apposition ("Emerging therapies, particularly JAK inhibitors, offer promise") are not a list.
 */
export function listItemsAround(sentence: string, offset: number): number {
  const segments = sentence.split(',');
  let pos = 0;
  let k = 0;
  for (; k < segments.length - 1; k++) {
    pos += (segments[k]?.length ?? 0) + 1;
    if (pos > offset) break;
  }
  const short = (i: number) =>
    i >= 0 && i < segments.length && wordCount(segments[i] ?? '') <= MAX_ITEM_WORDS;
  if (!short(k)) return 0;
  let first = k;
  let last = k;
  while (short(first - 1)) first--;
  while (short(last + 1)) last++;
  const closing = [segments[last], segments[last + 1]].some((seg) =>
    COORDINATOR.test(` ${seg ?? ''}`),
  );
  if (!closing) return 0;
  return last - first + 1 + (first > 0 ? 1 : 0) + (last < segments.length - 1 ? 1 : 0);
}

/**
 * True when the mention is one item of an enumeration (three or more items) in which terms of
 * its own kind are the minority: "treated with steroids, IVIG, rituximab, tofacitinib or
 * cyclophosphamide". A list of JAK inhibitors ("baricitinib, tofacitinib and ruxolitinib") is not.
 */
export function isForeignList(text: string, mention: Mention, all: Mention[]): boolean {
  const [start, end] = sentenceAround(text, mention.start);
  const items = listItemsAround(text.slice(start, end), mention.start - start);
  if (items < 3) return false;
  const same = all.filter(
    (m) =>
      m.start >= start && m.end <= end && JAK_TERM.test(m.termId) === JAK_TERM.test(mention.termId),
  ).length;
  return same * 2 < items;
}

// Words that may sit between a target and "inhibitor": the rest of a coordinated or spelled-out
// target ("JAK1 and JAK2 inhibitor", "Janus kinase 1 (JAK1) inhibitor", "JAK-STAT pathway
// inhibitors") and "selective", seen between target and noun in two labelled records ("Janus kinase 1
// selective inhibitor", dev-018; "JAK1/2 selective inhibitor", r2-005). "dual", "family" and "tec"
// were dropped: no labelled record has them between a target and "inhibitor" ("dual" stands before
// the target), and no verdict on any set depended on them.
const BRIDGE =
  /^(?:and|or|selective|kinases?|pathways?|signal+ing|\d|jak\d?s?|tyk2|stat\d?s?|tyrosine)$/i;
// After "and"/"or" another class may share the noun: "JAK and IL-6 inhibitors",
// "Janus kinase (JAK)- and calcineurin-inhibitor combination".
const COORDINATE = /^(?:and|or)$/i;
const SHARED_WORDS = 3;
// "JAK1/2 blockade" is said of a drug, like "inhibitor"; "inhibition" is also said of biology.
const STRONG_AFTER = /^(?:inhibitors?|blockers?|blockade)$/i;
const WEAK_AFTER = /^(?:inhibition)$/i;
const STRONG_BEFORE = /\b(?:inhibitors?|blockers?)\s+of\s+(?:the\s+)?(?:selective\s+)?$/i;
// "anti-JAK therapy", "anti-JAK agents": the prefix names a drug against the kinase.
const ANTI_BEFORE = /\banti-$/i;
const WEAK_BEFORE =
  /\b(?:inhibition\s+of|inhibit(?:s|ing|ed)?|block(?:s|ing|ed|ade\s+of)?|targeting)\s+(?:the\s+)?$/i;

/** 'strong' for "JAK1 inhibitor" / "inhibitor of JAK2", 'weak' for "JAK inhibition", else null. */
export function inhibitionCue(text: string, mention: Mention): 'strong' | 'weak' | null {
  const after = text.slice(mention.end, mention.end + 60).split(/[.;:]/)[0] ?? '';
  const tokens = after.split(/[\s,/()\-\u2010-\u2015]+/).filter(Boolean);
  let shared = -1;
  for (const token of tokens.slice(0, 8)) {
    if (STRONG_AFTER.test(token)) return 'strong';
    if (WEAK_AFTER.test(token)) return 'weak';
    if (shared >= 0) {
      if (++shared > SHARED_WORDS) break;
    } else if (COORDINATE.test(token)) shared = 0;
    else if (!BRIDGE.test(token)) break;
  }
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  if (STRONG_BEFORE.test(before) || ANTI_BEFORE.test(before)) return 'strong';
  if (WEAK_BEFORE.test(before)) return 'weak';
  return null;
}
