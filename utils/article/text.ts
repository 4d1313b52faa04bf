/**
 * Small text helpers shared by the page and XML parsers. Pure: no globals, nodes come in as arguments.
 */

/** Collapses every run of whitespace (including NBSP and newlines) to one space and trims the ends. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// Elements whose boundaries separate words: without a space here, "</p><p>" in raw server HTML
// (PMC pages) would glue the last word of one paragraph to the first word of the next.
const BLOCK_TAGS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 ' +
    'H6 HEADER HGROUP HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL'
  ).split(' '),
);

// Never page text: code, styles, and templates.
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Visible-ish text of `node`, whitespace collapsed, with a space at block boundaries.
 * Descendants matching `skip` (e.g. another extension's badges) are left out.
 */
export function textOf(node: Node | null | undefined, skip?: string): string {
  if (!node) return '';
  const parts: string[] = [];
  collectText(node, skip, parts);
  return collapseWhitespace(parts.join(''));
}

function collectText(node: Node, skip: string | undefined, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    // Documents and fragments: walk their children.
    node.childNodes.forEach((child) => collectText(child, skip, out));
    return;
  }
  const el = node as Element;
  if (SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden')) return;
  if (skip && el.matches(skip)) return;
  const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
  if (block) out.push(' ');
  el.childNodes.forEach((child) => collectText(child, skip, out));
  if (block) out.push(' ');
}

/** The first four-digit year (1800–2199) in `s`, e.g. 2025 from "2025 Sep-Oct" or "2005/08". */
export function firstYear(s: string | null | undefined): number | undefined {
  const m = /\b(1[89]\d\d|2[01]\d\d)\b/.exec(s ?? '');
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Drops empty strings and later duplicates, keeping the first occurrence's order. */
export function uniqueNonEmpty(items: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    if (item && !seen.has(item)) {
      seen.add(item);
      out.push(item);
    }
  }
  return out;
}

/** Splits a printed list ("a; b; c." or "a, b, c") into trimmed items, without a trailing period. */
export function splitList(s: string, separator: RegExp): string[] {
  return uniqueNonEmpty(
    collapseWhitespace(s)
      .split(separator)
      .map((item) => stripTrailingPeriod(item.trim())),
  );
}

/** Removes one trailing '.' (PubMed ends keyword lines and citations with one). */
export function stripTrailingPeriod(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1).trimEnd() : s;
}

/** Removes a trailing ':' from a printed label ("Background:" → "Background"). */
export function stripTrailingColon(s: string): string {
  return collapseWhitespace(s).replace(/\s*:$/, '');
}

/** Joins abstract sections as the Article model keeps them: "Label: text" lines, or bare text. */
export function formatAbstract(sections: ReadonlyArray<{ label: string; text: string }>): string {
  return sections.map((s) => (s.label ? `${s.label}: ${s.text}` : s.text)).join('\n');
}
