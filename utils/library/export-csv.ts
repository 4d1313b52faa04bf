import Papa from 'papaparse';
import type { LibraryRow } from './query';

/** Column order of the CSV export. */
export const CSV_COLUMNS = [
  'key',
  'pmid',
  'doi',
  'title',
  'journal',
  'year',
  'url',
  'relevance',
  'disease',
  'inhibitors',
  'targets',
  'tags',
  'status',
  'note',
  'highlights',
  'lastEdited',
] as const;

/**
 * Cells a spreadsheet would run as a formula. papaparse's default (`/^[=+\-@\t\r].*$/`) misses
 * multi-line cells, because `.` stops at the first newline, so a note's first character decides.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One row per article, for spreadsheets. Lists are joined with "; ". `escapeFormulae` prefixes cells
 * that start with = + - @ so a spreadsheet never runs a note or a title as a formula.
 */
export function rowsToCsv(rows: readonly LibraryRow[]): string {
  const data = rows.map((row) => [
    row.key,
    row.pmid ?? '',
    row.doi ?? '',
    row.title,
    row.journal ?? '',
    row.year ?? '',
    row.url,
    row.verdict?.relevance ?? '',
    row.verdict?.disease ?? '',
    row.drugs.map((d) => d.replace(/^drug:/, '')).join('; '),
    row.targets.join('; '),
    row.tags.join('; '),
    row.status ?? '',
    row.note?.body ?? '',
    row.highlights.map((h) => h.textQuote.exact + (h.comment ? ` [${h.comment}]` : '')).join('\n'),
    row.lastEdited ? new Date(row.lastEdited).toISOString() : '',
  ]);
  return Papa.unparse(
    { fields: [...CSV_COLUMNS], data },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
}
