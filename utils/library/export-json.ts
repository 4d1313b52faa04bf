import { BACKUP_FORMAT, CURRENT_BACKUP_VERSION, type Backup } from './backup-schema';
import type { JakLensDB } from '../storage/db';

/**
 * The lossless JSON backup: every table of the reader's data, read in one transaction so the copy
 * is consistent, with a format name and version so any later JAK Lens can read it back
 * (utils/import-json.ts). The E-utilities record cache is not user data and is not included.
 */

/**
 * Reads the backup. With `keys`, only those articles and what belongs to them (their note, conflict
 * copies, trash, highlights, recent entry) — "export the current selection".
 */
export function readBackup(
  db: JakLensDB,
  keys?: ReadonlySet<string>,
  now = Date.now(),
): Promise<Backup> {
  const tables = [db.articles, db.notes, db.noteConflicts, db.trash, db.highlights, db.recent];
  return db.transaction('r', tables, async () => {
    const [articles, notes, noteConflicts, trash, highlights, recent] = await Promise.all([
      db.articles.toArray(),
      db.notes.toArray(),
      db.noteConflicts.toArray(),
      db.trash.toArray(),
      db.highlights.toArray(),
      db.recent.toArray(),
    ]);
    const keep = <T>(rows: T[], keyOf: (row: T) => string) =>
      keys ? rows.filter((r) => keys.has(keyOf(r))) : rows;
    return {
      format: BACKUP_FORMAT,
      version: CURRENT_BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      articles: keep(articles, (a) => a.key),
      notes: keep(notes, (n) => n.articleKey),
      noteConflicts: keep(noteConflicts, (c) => c.articleKey),
      trash: keep(trash, (t) => t.articleKey),
      highlights: keep(highlights, (h) => h.articleKey),
      recent: keep(recent, (r) => r.key),
    };
  });
}

/** The backup as file text (indented, so a person can read and diff it). */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/** A file name like "jak-lens-backup-2025-01-31.json". */
export function backupFileName(now = Date.now(), extension = 'json'): string {
  return `jak-lens-${extension === 'json' ? 'backup' : 'export'}-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}
