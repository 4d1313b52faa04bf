/**
 * Turns knowledge-base surface forms into regular-expression pieces and lookup keys.
 * Forms differ only in separators and case, so a match is mapped back to its term through a key
 * with separators removed, instead of one capture group per term (which would slow the scan).
 */
import type { SurfaceForm } from '../knowledge/types';

/** Separators that may vary between spellings: spaces, hyphens, dashes (and commas in codes). */
const KEY_SEPARATORS = /[\s\u00a0\-\u2010-\u2015,]+/g;
const FLEX_SEP = '[\\s\\u00a0\\-\\u2010-\\u2015]*';
const CODE_SEP = '[\\s\\u00a0\\-\\u2010-\\u2015,]{0,2}';

/** Lookup key of a matched string: separators removed, case kept (callers lowercase as needed). */
export function termKey(text: string): string {
  return text.replace(KEY_SEPARATORS, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Splits a code name into letter/digit runs: "CP-690,550" → ["CP", "690", "550"]. */
function codeChunks(text: string): string[] {
  return text
    .split(KEY_SEPARATORS)
    .flatMap((part) => part.match(/[A-Za-z]+|\d+|[^A-Za-z\d]+/g) ?? []);
}

/** Every literal spelling a form stands for (the plural adds one). */
export function formTexts(form: SurfaceForm): string[] {
  return form.plural ? [form.text, `${form.text}s`] : [form.text];
}

/** Regex source for one spelling, without boundaries. */
export function spellingSource(text: string, rule: SurfaceForm['rule']): string {
  if (rule === 'code') return codeChunks(text).map(escapeRegExp).join(CODE_SEP);
  return text.split(KEY_SEPARATORS).filter(Boolean).map(escapeRegExp).join(FLEX_SEP);
}

/**
 * Combines spellings into one alternation. Alternatives sharing a first character are grouped
 * (so the engine dispatches on one character instead of trying every term), and inside a group
 * longer spellings come first, which makes the leftmost-first alternation return the longest match.
 */
export function combineSources(spellings: { source: string; length: number }[]): string {
  const byFirst = new Map<string, { source: string; length: number }[]>();
  for (const s of spellings) {
    const first = s.source.startsWith('\\') ? s.source.slice(0, 2) : s.source.slice(0, 1);
    const key = first.toLowerCase();
    const list = byFirst.get(key) ?? [];
    list.push({ source: s.source.slice(first.length), length: s.length });
    byFirst.set(key, list);
  }
  const groups = [...byFirst.entries()].map(([first, rests]) => {
    const unique = [...new Map(rests.map((r) => [r.source, r])).values()];
    unique.sort((a, b) => b.length - a.length || b.source.length - a.source.length);
    return `${first}(?:${unique.map((r) => r.source).join('|')})`;
  });
  // ASCII lookarounds instead of \b so forms may start or end with "γ", "α" or ")".
  return `(?<![A-Za-z0-9])(?:${groups.join('|')})(?![A-Za-z0-9])`;
}
