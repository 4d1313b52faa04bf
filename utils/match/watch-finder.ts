/**
 * The reader's watch list as a finder: extra terms (typed in the library's settings) marked on
 * pages with kind 'watch' and the reader's label. Pure: strings in, offsets out. Watch mentions
 * only ever reach the highlighter; the classifier and the panel's drug summary call `findMentions`
 * (knowledge base only), so a watch term can never change a verdict.
 */
import * as v from 'valibot';
import type { Mention, MentionFinder } from './mention';
import { MAX_WATCH_TERMS, WatchTermSchema, type WatchTerm } from '../settings/settings';

/** A letter, digit (any script), combining mark or underscore: what a term may not be glued to. */
const WORD_START = /^[\p{L}\p{N}\p{M}_]/u;
const WORD_END = /[\p{L}\p{N}\p{M}_]$/u;

/** The id of a watch term on its marks: "watch:" and the term, lower case, spaces collapsed. */
export function watchTermId(term: string): string {
  return `watch:${normalise(term)}`;
}

/**
 * Compiles the watch list once into a finder. Each term is matched literally (RegExp
 * metacharacters in the reader's text are escaped), case-insensitively (Unicode case folding),
 * as a whole word (no letter or digit of any script just before or after), with any run of white
 * space standing for a space; where terms overlap the longest wins. Invalid items are dropped and
 * the list is capped as the settings schema caps it; two items with the same term keep the first
 * one's label. An empty list gives a finder that finds nothing without scanning.
 */
export function compileWatchFinder(list: readonly WatchTerm[]): MentionFinder {
  const byKey = new Map<string, { termId: string; label: string }>();
  for (const raw of list.slice(0, MAX_WATCH_TERMS)) {
    const parsed = v.safeParse(WatchTermSchema, raw);
    if (!parsed.success) continue;
    const key = normalise(parsed.output.term);
    if (!byKey.has(key)) {
      byKey.set(key, { termId: watchTermId(key), label: parsed.output.label });
    }
  }
  if (byKey.size === 0) return () => [];
  // Longest first, so at one start the alternation tries (and takes) the longest term. Each term is
  // its own capture group: the group that matched names the term. No "u" flag: with it, compiling
  // 200 alternatives took over a second; without it, "i" still folds case for accented letters.
  const entries = [...byKey].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1));
  const terms = entries.map(([key, info]) => ({
    ...info,
    source: key.split(' ').map(escapeRegExp).join('\\s+'),
    edgeBefore: WORD_START.test(key),
    edgeAfter: WORD_END.test(key),
    sticky: undefined as RegExp | undefined,
  }));
  const pattern = new RegExp(terms.map((t) => `(${t.source})`).join('|'), 'gi');
  type WatchEntry = (typeof terms)[number];
  const whole = (text: string, start: number, end: number, t: WatchEntry) =>
    !(t.edgeBefore && WORD_END.test(text.slice(Math.max(0, start - 2), start))) &&
    !(t.edgeAfter && WORD_START.test(text.slice(end, end + 2)));
  /** The longest term that matches as a whole word at `start` (the rare path after a miss). */
  const wholeAt = (text: string, start: number) => {
    for (const t of terms) {
      t.sticky ??= new RegExp(t.source, 'iy');
      t.sticky.lastIndex = start;
      const m = t.sticky.exec(text);
      if (m && whole(text, start, start + m[0].length, t)) return { t, end: start + m[0].length };
    }
    return null;
  };
  return (text) => {
    const found: Mention[] = [];
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const start = match.index;
      const t = terms[match.findIndex((g, i) => i > 0 && g !== undefined) - 1];
      if (!t) continue;
      let hit: { t: WatchEntry; end: number } | null = { t, end: start + match[0].length };
      if (!whole(text, start, hit.end, t)) hit = wholeAt(text, start);
      if (!hit) {
        pattern.lastIndex = start + 1;
        continue;
      }
      pattern.lastIndex = hit.end;
      const { termId, label } = hit.t;
      found.push({ start, end: hit.end, kind: 'watch', termId, label });
    }
    return found;
  };
}

/**
 * One finder for both: knowledge-base mentions, then the watch mentions that overlap none of them,
 * in text order. The knowledge base takes precedence on overlap, so a watch term never hides a
 * drug, target or disease mark (its info card, the panel's mention counts and next-mention keep
 * working), and a watch term that is already a knowledge-base term is simply marked as that term.
 */
export function composeFinders(knowledge: MentionFinder, watch: MentionFinder): MentionFinder {
  return (text) => {
    const known = knowledge(text);
    const extra = watch(text);
    if (extra.length === 0) return known;
    const kept = extra.filter((w) => !known.some((k) => k.start < w.end && w.start < k.end));
    if (kept.length === 0) return known;
    return [...known, ...kept].sort((a, b) => a.start - b.start || b.end - a.end);
  };
}

function normalise(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
