import { strToU8, zipSync, type Zippable } from 'fflate';
import type { LibraryRow } from './query';

/**
 * Markdown export: a file per article with YAML front matter (PMID, DOI, title, tags…), the note,
 * and the highlights as block quotes with their comments; or all articles in one file. Values in
 * the front matter are written as JSON strings, which are valid YAML double-quoted scalars, so a
 * title with a colon or a quote cannot break the header.
 */

/** One article as a Markdown file. */
export function articleToMarkdown(row: LibraryRow): string {
  const front = [
    '---',
    ...(row.pmid ? [`pmid: ${yaml(row.pmid)}`] : []),
    ...(row.doi ? [`doi: ${yaml(row.doi)}`] : []),
    `title: ${yaml(row.title)}`,
    ...(row.journal ? [`journal: ${yaml(row.journal)}`] : []),
    ...(row.year !== undefined ? [`year: ${row.year}`] : []),
    `url: ${yaml(row.url)}`,
    `tags: [${row.tags.map(yaml).join(', ')}]`,
    ...(row.status ? [`status: ${yaml(row.status)}`] : []),
    ...(row.verdict ? [`relevance: ${yaml(row.verdict.relevance)}`] : []),
    ...(row.drugs.length ? [`inhibitors: [${row.drugs.map(yaml).join(', ')}]`] : []),
    `edited: ${yaml(new Date(row.lastEdited).toISOString())}`,
    '---',
  ];
  return [...front, '', ...body(row, '#')].join('\n');
}

/** Every article in one file, each under its own heading with its details as a list. */
export function combinedMarkdown(rows: readonly LibraryRow[], now = Date.now()): string {
  const header = `# JAK Lens notes\n\nExported ${new Date(now).toISOString()}, ${rows.length} ${rows.length === 1 ? 'article' : 'articles'}.\n`;
  const sections = rows.map((row) => {
    const details = [
      row.pmid && `- PMID: ${row.pmid}`,
      row.doi && `- DOI: ${row.doi}`,
      [row.journal, row.year].filter(Boolean).length &&
        `- ${[row.journal, row.year].filter(Boolean).join(', ')}`,
      `- Link: <${row.url}>`,
      row.tags.length && `- Tags: ${row.tags.join(', ')}`,
      row.status && `- Status: ${row.status}`,
    ].filter((d): d is string => typeof d === 'string');
    return [`## ${oneLine(row.title)}`, '', ...details, '', ...body(row, '###')].join('\n');
  });
  return [header, ...sections].join('\n\n');
}

/** A safe file name for an article's Markdown file ("pmid-123.md"). */
export function markdownFileName(row: LibraryRow): string {
  return `${row.key.replace(/[^\w.-]+/g, '-')}.md`;
}

/** Longest file name in the zip, ".md" included (well under every file system's limit). */
export const MAX_FILE_NAME_LENGTH = 100;

/** Names Windows refuses for a file whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name for an article's Markdown file in the zip: its PMID (or DOI, or key) and a slug of its
 * title, e.g. "pmid-34563217-baricitinib-in-juvenile-dermatomyositis.md". Letters and digits of any
 * script are kept (accents dropped from Latin letters), everything else becomes one hyphen, so no
 * path separator, dot segment, control or markup character can reach the name.
 */
export function articleFileStem(row: LibraryRow): string {
  const id = row.pmid ? `pmid-${row.pmid}` : row.doi ? `doi-${row.doi}` : row.key;
  const stem = [slug(id), slug(row.title)].filter(Boolean).join('-');
  const capped = cap(stem || 'article', MAX_FILE_NAME_LENGTH - '-9999.md'.length);
  return RESERVED.test(capped) ? `article-${capped}` : capped;
}

/**
 * One Markdown file per article (front matter, note, highlights as quotes), named by
 * `articleFileStem`, unique even when two articles give the same stem (compared case-insensitively,
 * as on macOS and Windows), in file-name order so the same articles always give the same zip.
 */
export function markdownFiles(rows: readonly LibraryRow[]): [name: string, text: string][] {
  const sorted = rows
    .map((row) => ({ row, stem: articleFileStem(row) }))
    .sort((a, b) => compare(a.stem, b.stem) || compare(a.row.key, b.row.key));
  const used = new Set<string>();
  return sorted.map(({ row, stem }) => {
    let name = `${stem}.md`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.md`;
    used.add(name.toLowerCase());
    return [name, articleToMarkdown(row)];
  });
}

/** The per-article files as one zip archive; every entry is dated `now`, so the bytes are reproducible. */
export function markdownZip(rows: readonly LibraryRow[], now = Date.now()): Uint8Array {
  const mtime = new Date(Math.max(now, Date.UTC(1980, 0, 2)));
  const entries: Zippable = {};
  for (const [name, text] of markdownFiles(rows)) entries[name] = [strToU8(text), { mtime }];
  return zipSync(entries, { level: 6 });
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** At most `max` UTF-16 units, never splitting a surrogate pair, never ending on a hyphen. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/-+$/, '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function body(row: LibraryRow, heading: string): string[] {
  const lines: string[] = [];
  if (row.note?.body.trim()) lines.push(`${heading} Note`, '', row.note.body.trim(), '');
  if (row.highlights.length) {
    lines.push(`${heading} Highlights`, '');
    for (const h of row.highlights) {
      lines.push(...h.textQuote.exact.split('\n').map((l) => `> ${l}`));
      if (h.comment) lines.push('', h.comment);
      lines.push('');
    }
  }
  return lines;
}

function yaml(value: string): string {
  return JSON.stringify(value);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
