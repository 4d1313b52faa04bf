import type { LibraryRow } from './query';

/**
 * RIS for reference managers (Zotero, EndNote, Mendeley): one JOUR record per article, the reader's
 * tags as keywords and the note (with the highlighted passages) in N1. RIS is line based: a line
 * that looked like a tag ("TY  - …") would start a new field, so such note lines are indented.
 */

/** The articles as RIS text. */
export function rowsToRis(rows: readonly LibraryRow[]): string {
  return rows.map(recordOf).join('\r\n');
}

function recordOf(row: LibraryRow): string {
  const fields: [string, string][] = [
    ['TY', 'JOUR'],
    ['TI', row.title],
    ...(row.journal ? ([['JO', row.journal]] as [string, string][]) : []),
    ...(row.year !== undefined ? ([['PY', String(row.year)]] as [string, string][]) : []),
    ...(row.doi ? ([['DO', row.doi]] as [string, string][]) : []),
    ...(row.pmid ? ([['AN', `PMID:${row.pmid}`]] as [string, string][]) : []),
    ['UR', row.url],
    ...row.tags.map((t): [string, string] => ['KW', t]),
  ];
  const note = noteText(row);
  if (note) fields.push(['N1', note]);
  fields.push(['ER', '']);
  return (
    fields.map(([tag, value]) => `${tag}  - ${risValue(value)}`.trimEnd()).join('\r\n') + '\r\n'
  );
}

function noteText(row: LibraryRow): string {
  const parts: string[] = [];
  if (row.note?.body.trim()) parts.push(row.note.body.trim());
  for (const h of row.highlights) {
    parts.push(`“${h.textQuote.exact}”${h.comment ? ` — ${h.comment}` : ''}`);
  }
  return parts.join('\n\n');
}

function risValue(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l, i) => (i > 0 && /^[A-Z][A-Z0-9] {2}-/.test(l) ? ` ${l}` : l))
    .join('\r\n');
}
