import type {
  JakLensDB,
  Note,
  NoteConflict,
  NoteContent,
  ReadingStatus,
  TrashedNote,
  TrashReason,
} from './db';
import { normalizeTags } from './tags';

/**
 * The only module that reads and writes notes. Every function takes the db as a parameter (tests pass a
 * fresh one) and every multi-step write runs in one transaction, so a failure (full disk, closed
 * database, service worker killed) leaves either the old state or the new one, never half of each.
 *
 * Revisions: a note starts at revision 1 and each save adds one. A save names the revision its editor
 * loaded (`baseRevision`, 0 for a new note). A save based on an older revision never overwrites the
 * newer note: its text is kept as a conflict copy and the caller is told.
 */

/** What an editor sends to save. */
export interface NoteSaveInput {
  articleKey: string;
  body: string;
  tags: readonly string[];
  status: ReadingStatus;
  /** The revision the editor loaded; 0 when the article had no note. */
  baseRevision: number;
  /**
   * That note's `updatedAt`, when the caller knows it (a recovered journal does): a note deleted and
   * made again restarts its revisions, so the revision alone could match a different note.
   */
  baseUpdatedAt?: number | null;
}

/** The outcome of a save: stored, or kept aside because another editor saved first. */
export type SaveResult =
  { status: 'saved'; note: Note } | { status: 'conflict'; note: Note; conflictCopy: NoteConflict };

/** How the reader settles a conflict copy. */
export type ConflictChoice = 'keep-note' | 'use-copy';

/** Where a restored trash item went: back as the note, or beside a newer note as a conflict copy. */
export type RestoreResult =
  | { restored: 'note'; note: Note }
  | { restored: 'conflict'; conflictCopy: NoteConflict }
  /** A deleted article that had highlights but no note: only the highlights come back. */
  | { restored: 'highlights'; count: number };

/** The current note of an article, or undefined when there is none. */
export function getNote(db: JakLensDB, articleKey: string): Promise<Note | undefined> {
  return db.notes.get(articleKey);
}

/** Saves a note with the revision check described above; see `SaveResult`. */
export function saveNote(
  db: JakLensDB,
  input: NoteSaveInput,
  now = Date.now(),
): Promise<SaveResult> {
  const content: NoteContent = {
    body: input.body,
    tags: normalizeTags(input.tags),
    status: input.status,
  };
  return db.transaction('rw', db.notes, db.noteConflicts, async (): Promise<SaveResult> => {
    const stored = await db.notes.get(input.articleKey);
    if (!stored) {
      // No note: new, or deleted by another tab while this one was typing. Keeping the typed text
      // (recreating the note) is better than losing it; the deleted one stays in the trash.
      const note: Note = {
        articleKey: input.articleKey,
        ...content,
        revision: input.baseRevision + 1,
        createdAt: now,
        updatedAt: now,
      };
      await db.notes.put(note);
      return { status: 'saved', note };
    }
    // A retry of a save that committed before its reply was lost (service worker restarted): same
    // content, so there is nothing to keep aside.
    if (hasSameContent(stored, content)) return { status: 'saved', note: stored };
    const baseMoved =
      input.baseRevision !== stored.revision ||
      (input.baseUpdatedAt !== undefined && input.baseUpdatedAt !== stored.updatedAt);
    if (baseMoved) {
      const conflictCopy = await keepConflictCopy(db, stored, content, input.baseRevision, now);
      return { status: 'conflict', note: stored, conflictCopy };
    }
    const note: Note = { ...stored, ...content, revision: stored.revision + 1, updatedAt: now };
    await db.notes.put(note);
    return { status: 'saved', note };
  });
}

async function keepConflictCopy(
  db: JakLensDB,
  stored: Note,
  content: NoteContent,
  baseRevision: number,
  now: number,
): Promise<NoteConflict> {
  const existing = await db.noteConflicts.where('articleKey').equals(stored.articleKey).toArray();
  // A retried conflicting save must not pile up identical copies.
  const same = existing.find((c) => c.baseRevision === baseRevision && hasSameContent(c, content));
  if (same) return same;
  const copy: NoteConflict = {
    id: crypto.randomUUID(),
    articleKey: stored.articleKey,
    ...content,
    baseRevision,
    conflictOf: stored.revision,
    createdAt: now,
  };
  await db.noteConflicts.add(copy);
  return copy;
}

/** Conflict copies waiting for the reader, oldest first; all articles when `articleKey` is omitted. */
export async function listConflicts(db: JakLensDB, articleKey?: string): Promise<NoteConflict[]> {
  const rows = articleKey
    ? await db.noteConflicts.where('articleKey').equals(articleKey).toArray()
    : await db.noteConflicts.toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Settles a conflict copy. 'keep-note' moves the copy to the trash; 'use-copy' makes the copy the
 * current note (next revision) and moves the note it replaces to the trash. Nothing is destroyed.
 * Returns the current note afterwards. Throws when the copy does not exist (already resolved).
 */
export function resolveConflict(
  db: JakLensDB,
  conflictId: string,
  choice: ConflictChoice,
  now = Date.now(),
): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, db.noteConflicts, db.trash, async () => {
    const copy = await db.noteConflicts.get(conflictId);
    if (!copy) throw new Error(`No conflict copy ${conflictId}: it may already be resolved.`);
    const current = await db.notes.get(copy.articleKey);
    await db.noteConflicts.delete(conflictId);
    if (choice === 'keep-note') {
      await db.trash.add(
        toTrash(
          copy,
          { revision: copy.baseRevision, createdAt: copy.createdAt, updatedAt: copy.createdAt },
          'conflict-discarded',
          now,
        ),
      );
      return current;
    }
    if (current) await db.trash.add(toTrash(current, current, 'replaced-by-conflict-copy', now));
    const note: Note = {
      articleKey: copy.articleKey,
      ...contentOf(copy),
      revision: (current?.revision ?? copy.conflictOf) + 1,
      createdAt: current?.createdAt ?? copy.createdAt,
      updatedAt: now,
    };
    await db.notes.put(note);
    return note;
  });
}

/** The trash, most recently deleted first. */
export function listTrash(db: JakLensDB): Promise<TrashedNote[]> {
  return db.trash.orderBy('deletedAt').reverse().toArray();
}

/**
 * Takes an item out of the trash. With no current note it becomes the note again; when the article
 * has a newer note meanwhile it comes back as a conflict copy beside it, so neither is lost.
 */
export function restoreFromTrash(
  db: JakLensDB,
  trashId: string,
  now = Date.now(),
): Promise<RestoreResult> {
  const tables = [db.notes, db.noteConflicts, db.trash, db.highlights];
  return db.transaction('rw', tables, async (): Promise<RestoreResult> => {
    const item = await db.trash.get(trashId);
    if (!item) throw new Error(`No trash item ${trashId}.`);
    const current = await db.notes.get(item.articleKey);
    await db.trash.delete(trashId);
    // An article deleted from the library carries its highlights (utils/storage/trash.ts).
    if (item.highlights?.length) await db.highlights.bulkPut(item.highlights);
    if (item.revision === 0) return { restored: 'highlights', count: item.highlights?.length ?? 0 };
    if (!current) {
      const note: Note = {
        articleKey: item.articleKey,
        ...contentOf(item),
        revision: item.revision + 1,
        createdAt: item.createdAt,
        updatedAt: now,
      };
      await db.notes.put(note);
      return { restored: 'note', note };
    }
    const conflictCopy: NoteConflict = {
      id: crypto.randomUUID(),
      articleKey: item.articleKey,
      ...contentOf(item),
      baseRevision: item.revision,
      conflictOf: current.revision,
      createdAt: now,
    };
    await db.noteConflicts.add(conflictCopy);
    return { restored: 'conflict', conflictCopy };
  });
}

/** Every tag used on a note, case-insensitively deduplicated and sorted, for suggestions. */
export async function listTags(db: JakLensDB): Promise<string[]> {
  const keys = await db.notes.orderBy('tags').uniqueKeys();
  const tags = normalizeTags(keys.filter((k): k is string => typeof k === 'string'));
  return tags.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

function contentOf(value: NoteContent): NoteContent {
  return { body: value.body, tags: [...value.tags], status: value.status };
}

function hasSameContent(a: NoteContent, b: NoteContent): boolean {
  return (
    a.body === b.body &&
    a.status === b.status &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

function toTrash(
  value: NoteContent & { articleKey: string },
  times: { revision: number; createdAt: number; updatedAt: number },
  reason: TrashReason,
  now: number,
): TrashedNote {
  return {
    id: crypto.randomUUID(),
    articleKey: value.articleKey,
    ...contentOf(value),
    revision: times.revision,
    createdAt: times.createdAt,
    updatedAt: times.updatedAt,
    deletedAt: now,
    reason,
  };
}

/** Which of `keys` have a note or at least one highlight (for the markers on search results). */
export async function articlesWithNotes(db: JakLensDB, keys: readonly string[]): Promise<string[]> {
  return db.transaction('r', db.notes, db.highlights, async () => {
    const withNote = await db.notes.where('articleKey').anyOf(keys).primaryKeys();
    const withHighlight = await db.highlights.where('articleKey').anyOf(keys).keys();
    return [...new Set([...withNote, ...withHighlight.map(String)])];
  });
}
