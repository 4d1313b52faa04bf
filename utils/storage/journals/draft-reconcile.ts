import type { JakLensDB } from '../db';
import type { Note, NoteConflict, NoteContent } from '../entities';
import {
  journalArticleKeys,
  journalInstance,
  listJournals,
  type JournalEntry,
  type JournalStorage,
} from './draft-journal';
import { getNote, listConflicts, saveNote, type SaveResult } from '../notes-repository';
import { normalizeTags } from '../tags';

/**
 * What to do with a journal entry left behind by an editor that closed (or crashed) before the database
 * confirmed its text, given the note as it is stored now. Pure; `recoverJournals` carries it out.
 *
 * - the stored note already holds the journal's text → `clear` (it was saved; only the confirmation was lost);
 * - the stored note is the one the text was typed over (same revision and `updatedAt`) → `save` it;
 * - no stored note: the text was typed on a new note → `save`; the note was deleted after the text was
 *   typed → `save` too, as a save does then (the deleted one stays in the trash);
 * - the stored note changed since (another tab or device saved) → `conflict-copy`: the journal text is
 *   kept beside the newer note for the reader to choose, never written over it and never dropped.
 */
export type JournalDecision =
  | { action: 'clear'; reason: 'same-text' | 'empty-draft' }
  | { action: 'save'; reason: 'unchanged-base' | 'new-note' | 'note-deleted' }
  | { action: 'conflict-copy'; reason: 'newer-note' };

export function reconcileJournal(entry: JournalEntry, stored: Note | null): JournalDecision {
  if (!stored) {
    if (entry.baseRevision > 0) return { action: 'save', reason: 'note-deleted' };
    return isEmptyDraft(entry.draft)
      ? { action: 'clear', reason: 'empty-draft' }
      : { action: 'save', reason: 'new-note' };
  }
  if (sameContent(entry.draft, stored)) return { action: 'clear', reason: 'same-text' };
  if (entry.baseRevision === stored.revision && entry.baseUpdatedAt === stored.updatedAt) {
    return { action: 'save', reason: 'unchanged-base' };
  }
  return { action: 'conflict-copy', reason: 'newer-note' };
}

function isEmptyDraft(draft: NoteContent): boolean {
  return draft.body === '' && draft.tags.length === 0 && draft.status === 'to-read';
}

function sameContent(a: NoteContent, b: NoteContent): boolean {
  const tagsA = normalizeTags(a.tags);
  const tagsB = normalizeTags(b.tags);
  return (
    a.body === b.body &&
    a.status === b.status &&
    tagsA.length === tagsB.length &&
    tagsA.every((t, i) => t === tagsB[i])
  );
}

/** What the note frame needs from the background to recover a journal. */
export interface RecoveryDeps {
  storage: JournalStorage;
  articleKey: string;
  /**
   * False for entries of an editor still open in another tab (its own autosave will handle them).
   * `writtenAt` is the entry's, or null when it cannot be read.
   */
  isAbandoned: (instance: string, writtenAt: number | null) => Promise<boolean>;
  load: () => Promise<{ note: Note | null; conflicts: NoteConflict[] }>;
  /** A save with the revision check, plus `updatedAt` (see `saveNote`'s `baseUpdatedAt`). */
  save: (entry: JournalEntry) => Promise<SaveResult>;
}

export interface Recovery {
  note: Note | null;
  conflicts: NoteConflict[];
  /** What happened to each recovered entry, for the reader. */
  recovered: JournalDecision[];
  /** Entries that could not be read: kept in storage, shown with their raw text, never dropped. */
  unreadable: { storageKey: string; raw: string; error: string }[];
}

/**
 * Loads the article's note and reconciles every abandoned journal entry for it, oldest first. An entry is
 * removed only after the database confirmed its text (or showed it already held it); when a save fails
 * the error propagates and the entry stays for the next try.
 */
export async function recoverJournals(deps: RecoveryDeps): Promise<Recovery> {
  let { note, conflicts } = await deps.load();
  const recovered: JournalDecision[] = [];
  const unreadable: Recovery['unreadable'] = [];
  const found = listJournals(deps.storage, deps.articleKey);
  const readable: { storageKey: string; entry: JournalEntry }[] = [];
  for (const item of found) {
    const instance = journalInstance(item.storageKey, deps.articleKey) ?? '';
    if (!(await deps.isAbandoned(instance, item.ok ? item.entry.writtenAt : null))) continue;
    if (item.ok && item.entry.articleKey === deps.articleKey) readable.push(item);
    else if (item.ok) {
      const error = `written for ${item.entry.articleKey}, found under ${deps.articleKey}`;
      unreadable.push({ storageKey: item.storageKey, raw: JSON.stringify(item.entry), error });
    } else unreadable.push({ storageKey: item.storageKey, raw: item.raw, error: item.error });
  }
  readable.sort((a, b) => a.entry.writtenAt - b.entry.writtenAt);
  for (const { storageKey, entry } of readable) {
    const decision = reconcileJournal(entry, note);
    if (decision.action !== 'clear') {
      const result = await deps.save(entry);
      note = result.note;
      if (result.status === 'conflict') {
        const copy = result.conflictCopy;
        conflicts = [...conflicts.filter((c) => c.id !== copy.id), copy];
      }
      recovered.push(
        result.status === 'conflict' ? { action: 'conflict-copy', reason: 'newer-note' } : decision,
      );
    }
    deps.storage.removeItem(storageKey);
  }
  return { note, conflicts, recovered, unreadable };
}

/**
 * Reconciles the abandoned journal entries of every article, straight against the database: the
 * library runs it when it opens, so text left by a closed tab is saved even if that article is never
 * opened again. An article whose recovery fails keeps its entries (its note's next open tries again).
 */
export async function recoverAllJournals(
  db: JakLensDB,
  storage: JournalStorage,
  isAbandoned: (instance: string, writtenAt: number | null) => Promise<boolean>,
  now: () => number = Date.now,
): Promise<{ articleKey: string; recovery?: Recovery; error?: unknown }[]> {
  const outcomes: { articleKey: string; recovery?: Recovery; error?: unknown }[] = [];
  for (const articleKey of journalArticleKeys(storage)) {
    try {
      const recovery = await recoverJournals({
        storage,
        articleKey,
        isAbandoned,
        load: async () => ({
          note: (await getNote(db, articleKey)) ?? null,
          conflicts: await listConflicts(db, articleKey),
        }),
        save: (entry) =>
          saveNote(
            db,
            {
              articleKey,
              ...entry.draft,
              baseRevision: entry.baseRevision,
              baseUpdatedAt: entry.baseUpdatedAt,
            },
            now(),
          ),
      });
      outcomes.push({ articleKey, recovery });
    } catch (error) {
      outcomes.push({ articleKey, error });
    }
  }
  return outcomes;
}
