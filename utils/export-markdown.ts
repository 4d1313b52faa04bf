import type { LibraryRow } from './library-query';

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
