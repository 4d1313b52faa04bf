/**
 * The library search's rule, apart from the index that answers it fast (search.ts): a query matches a
 * row whose text (lower-cased, without diacritics) contains every word of it, anywhere, as typed:
 * "calcin" finds "calcinosis", "inib" finds "tofacitinib". `matchesText` is the rule on one text: the
 * plain scan the property tests hold the index to. Kept apart so the rule reads in a few lines.
 */
import type { LibraryRow } from './query';

/** The search rule on one row's text: every word of `query`, folded, is in the folded text. */
export function matchesText(text: string, query: string): boolean {
  const folded = fold(text);
  return fold(query)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => folded.includes(w));
}

/** What the search reads of a row (before folding). */
export function textOf(row: LibraryRow): string {
  return [
    row.title,
    row.note?.body ?? '',
    ...row.highlights.map((h) => `${h.textQuote.exact}\n${h.comment ?? ''}`),
    ...row.tags,
  ].join('\n');
}

// ASCII characters with the Diacritic property (^ and `): removed on the fast path below too.
const ASCII_DIACRITICS = new RegExp(
  `[${Array.from({ length: 128 }, (_, c) => String.fromCharCode(c))
    .filter((ch) => /\p{Diacritic}/u.test(ch))
    .map((ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`)
    .join('')}]`,
  'gu',
);
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Lower case without diacritics, so "Sjögren" is found by "sjogren". Plain ASCII text (most notes)
 * skips the Unicode normalisation, which NFD leaves unchanged anyway.
 */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.replace(ASCII_DIACRITICS, '').toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
