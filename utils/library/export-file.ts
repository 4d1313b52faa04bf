import type { JakLensDB } from '../storage/db';
import { rowsToAnnotations } from './export-annotation';
import { rowsToCsv } from './export-csv';
import { backupFileName, readBackup, serializeBackup } from './export-json';
import { combinedMarkdown, markdownZip } from './export-markdown';
import { rowsToRis } from './export-ris';
import type { LibraryRow } from './query';

/** The formats the library exports. */
export type ExportKind = 'json' | 'markdown' | 'markdown-zip' | 'csv' | 'ris' | 'annotations';

/** A file ready to download: text (saved as UTF-8) or bytes (a zip). */
export type ExportFile = { fileName: string; type: string } & (
  { text: string } | { bytes: Uint8Array }
);

/**
 * Builds an export of `rows` (all, the current search/filter, or the selection). The JSON backup
 * reads the database again so it holds every table of those articles (trash and conflict copies too);
 * with `all`, everything in the database.
 */
export async function buildExport(
  db: JakLensDB,
  kind: ExportKind,
  rows: readonly LibraryRow[],
  all: boolean,
  now = Date.now(),
): Promise<ExportFile> {
  switch (kind) {
    case 'json': {
      const backup = await readBackup(db, all ? undefined : new Set(rows.map((r) => r.key)), now);
      return {
        fileName: backupFileName(now),
        type: 'application/json',
        text: serializeBackup(backup),
      };
    }
    case 'markdown':
      return {
        fileName: backupFileName(now, 'md'),
        type: 'text/markdown',
        text: combinedMarkdown(rows, now),
      };
    case 'markdown-zip':
      return {
        fileName: backupFileName(now, 'zip').replace('-export-', '-markdown-'),
        type: 'application/zip',
        bytes: markdownZip(rows, now),
      };
    case 'csv':
      return { fileName: backupFileName(now, 'csv'), type: 'text/csv', text: rowsToCsv(rows) };
    case 'ris':
      return {
        fileName: backupFileName(now, 'ris'),
        type: 'application/x-research-info-systems',
        text: rowsToRis(rows),
      };
    case 'annotations':
      return {
        fileName: backupFileName(now, 'jsonld'),
        type: 'application/ld+json',
        text: `${JSON.stringify(rowsToAnnotations(rows, now), null, 1)}\n`,
      };
  }
}
