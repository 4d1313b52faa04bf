import type { Backup, BackupTable } from './backup-schema';
import type {
  ArticleRecord,
  Highlight,
  JakLensDB,
  Note,
  NoteConflict,
  NoteContent,
  RecentEntry,
} from '../storage/db';
import { parseBackup } from './import-json';

/**
 * Importing a validated backup into a database that may already hold data. The plan is computed
 * first (for the preview) and again inside the one read-write transaction that applies it, so what
 * is written matches the database at that moment; a failure rolls the whole import back.
 *
 * Merge rules — nothing is silently lost:
 * - a record that is not stored yet is added; an identical one is left alone;
 * - notes that differ: the newer revision wins (then the later edit); the other text is kept as a
 *   conflict copy beside it. A winning imported note gets a revision above the stored one, so an
 *   editor open on the old revision sees a conflict instead of overwriting it;
 * - articles merge (first and last seen widen; the later visit's details win); recent entries keep
 *   the later visit;
 * - highlights that differ: the later edit wins; a different comment on the other is kept as a
 *   highlight of its own;
 * - conflict copies and trash entries are never overwritten: a clashing id gets a fresh one.
 */

/** Counts for one table. */
export interface TableCounts {
  adds: number;
  updates: number;
  conflicts: number;
}

export type ImportPreview = Record<BackupTable, TableCounts>;

export type ImportPlan =
  | { ok: true; backup: Backup; preview: ImportPreview; apply: () => Promise<ImportPreview> }
  | { ok: false; error: string };

interface Writes {
  counts: ImportPreview;
  articles: ArticleRecord[];
  notes: Note[];
  noteConflicts: NoteConflict[];
  trash: Backup['trash'];
  highlights: Highlight[];
  recent: RecentEntry[];
}

/** Validates `text` and previews the import; `apply()` writes it in one transaction. */
export async function planImport(
  db: JakLensDB,
  text: string,
  now = Date.now(),
): Promise<ImportPlan> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { backup } = parsed;
  const tables = [db.articles, db.notes, db.noteConflicts, db.trash, db.highlights, db.recent];
  const preview = (await db.transaction('r', tables, () => computeWrites(db, backup, now))).counts;
  const apply = () =>
    db.transaction('rw', tables, async () => {
      const writes = await computeWrites(db, backup, now);
      await db.articles.bulkPut(writes.articles);
      await db.notes.bulkPut(writes.notes);
      await db.noteConflicts.bulkPut(writes.noteConflicts);
      await db.trash.bulkPut(writes.trash);
      await db.highlights.bulkPut(writes.highlights);
      await db.recent.bulkPut(writes.recent);
      return writes.counts;
    });
  return { ok: true, backup, preview, apply };
}

/** "adds 120 articles, updates 3, 2 conflicts" — the preview in one line. */
export function describePreview(preview: ImportPreview): string {
  const total = (pick: keyof TableCounts) =>
    Object.values(preview).reduce((sum, counts) => sum + counts[pick], 0);
  const articles = Math.max(preview.articles.adds, preview.notes.adds);
  const parts = [
    `adds ${articles} ${articles === 1 ? 'article' : 'articles'}`,
    `${preview.highlights.adds} ${preview.highlights.adds === 1 ? 'highlight' : 'highlights'}`,
    `updates ${total('updates')}`,
    `${total('conflicts')} ${total('conflicts') === 1 ? 'conflict' : 'conflicts'}`,
  ];
  return parts.join(', ');
}

async function computeWrites(db: JakLensDB, backup: Backup, now: number): Promise<Writes> {
  const zero = (): TableCounts => ({ adds: 0, updates: 0, conflicts: 0 });
  const w: Writes = {
    counts: {
      articles: zero(),
      notes: zero(),
      noteConflicts: zero(),
      trash: zero(),
      highlights: zero(),
      recent: zero(),
    },
    articles: [],
    notes: [],
    noteConflicts: [],
    trash: [],
    highlights: [],
    recent: [],
  };
  const [articles, notes, copies, trash, highlights, recent] = await Promise.all([
    db.articles.bulkGet(backup.articles.map((a) => a.key)),
    db.notes.bulkGet(backup.notes.map((n) => n.articleKey)),
    db.noteConflicts.bulkGet(backup.noteConflicts.map((c) => c.id)),
    db.trash.bulkGet(backup.trash.map((t) => t.id)),
    db.highlights.bulkGet(backup.highlights.map((h) => h.id)),
    db.recent.bulkGet(backup.recent.map((r) => r.key)),
  ]);
  backup.articles.forEach((incoming, i) => mergeArticle(w, articles[i], incoming));
  backup.recent.forEach((incoming, i) => {
    const stored = recent[i];
    if (stored && stored.seenAt >= incoming.seenAt) return;
    w.recent.push(incoming);
    w.counts.recent[stored ? 'updates' : 'adds']++;
  });
  const storedCopies = await db.noteConflicts
    .where('articleKey')
    .anyOf(backup.notes.map((n) => n.articleKey))
    .toArray();
  backup.notes.forEach((incoming, i) => mergeNote(w, notes[i], incoming, storedCopies, now));
  keepWithoutOverwriting(w.noteConflicts, w.counts.noteConflicts, backup.noteConflicts, copies);
  keepWithoutOverwriting(w.trash, w.counts.trash, backup.trash, trash);
  backup.highlights.forEach((incoming, i) => mergeHighlight(w, highlights[i], incoming));
  return w;
}

function mergeArticle(w: Writes, stored: ArticleRecord | undefined, incoming: ArticleRecord) {
  if (!stored) {
    w.articles.push(incoming);
    w.counts.articles.adds++;
    return;
  }
  const [older, newer] =
    stored.lastSeen > incoming.lastSeen ? [incoming, stored] : [stored, incoming];
  const merged: ArticleRecord = {
    ...older,
    ...newer,
    firstSeen: Math.min(stored.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(stored.lastSeen, incoming.lastSeen),
  };
  if (sameValue(merged, stored)) return;
  w.articles.push(merged);
  w.counts.articles.updates++;
}

function mergeNote(
  w: Writes,
  stored: Note | undefined,
  incoming: Note,
  storedCopies: readonly NoteConflict[],
  now: number,
) {
  if (!stored) {
    w.notes.push(incoming);
    w.counts.notes.adds++;
    return;
  }
  if (sameContent(stored, incoming)) return;
  const incomingWins =
    incoming.revision > stored.revision ||
    (incoming.revision === stored.revision && incoming.updatedAt > stored.updatedAt);
  const [winner, loser] = incomingWins ? [incoming, stored] : [stored, incoming];
  const revision = incomingWins
    ? Math.max(incoming.revision, stored.revision + 1)
    : stored.revision;
  if (incomingWins) w.notes.push({ ...incoming, revision });
  // Importing the same file twice must not pile up the same conflict copy.
  const known = [...storedCopies, ...w.noteConflicts].some(
    (c) => c.articleKey === loser.articleKey && sameContent(c, loser),
  );
  if (!known) {
    w.noteConflicts.push({
      id: crypto.randomUUID(),
      articleKey: winner.articleKey,
      body: loser.body,
      tags: [...loser.tags],
      status: loser.status,
      baseRevision: loser.revision,
      conflictOf: revision,
      createdAt: now,
    });
  }
  w.counts.notes.conflicts++;
}

function keepWithoutOverwriting<T extends { id: string }>(
  out: T[],
  counts: TableCounts,
  incoming: readonly T[],
  stored: readonly (T | undefined)[],
) {
  incoming.forEach((row, i) => {
    const existing = stored[i];
    if (!existing) {
      out.push(row);
      counts.adds++;
    } else if (!sameValue(existing, row)) {
      out.push({ ...row, id: crypto.randomUUID() });
      counts.conflicts++;
    }
  });
}

function mergeHighlight(w: Writes, stored: Highlight | undefined, incoming: Highlight) {
  if (!stored) {
    w.highlights.push(incoming);
    w.counts.highlights.adds++;
    return;
  }
  if (sameValue(stored, incoming)) return;
  const [winner, loser] =
    incoming.updatedAt > stored.updatedAt ? [incoming, stored] : [stored, incoming];
  if (winner === incoming) w.highlights.push(incoming);
  if (loser.comment && loser.comment !== winner.comment) {
    w.highlights.push({ ...loser, id: crypto.randomUUID() });
    w.counts.highlights.conflicts++;
  } else if (winner === incoming) {
    w.counts.highlights.updates++;
  }
}

function sameContent(a: NoteContent, b: NoteContent): boolean {
  return a.body === b.body && a.status === b.status && sameValue(a.tags, b.tags);
}

/** Deep equality of JSON-like values, ignoring key order and undefined properties. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
