import * as v from 'valibot';
import type { Note, NoteContent } from '../entities';
import { READING_STATUSES } from '../picklists';

/**
 * The note editor's synchronous journal: on every change the note frame writes the text it holds, with
 * the article and the revision of the stored note it was based on, to the extension's own storage
 * (`storage.local` through `mirroredStorage`; never the page's). The write is dispatched before the input
 * event handler returns, so the text has left the frame for the browser: closing the tab, quitting the
 * browser or a renderer crash right after a key loses nothing. The entry is removed once the database
 * confirms the save; one left behind is reconciled on the next open (`reconcileJournal`).
 *
 * Each editor instance has its own entry (two tabs on one article must not clear each other's text).
 */

/** The part of `Storage` the journal uses (the frame passes `mirroredStorage`; tests a Map-backed one). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Where a mirror's writes go: each call must leave for the browser before it returns. */
export interface JournalPersistence {
  set(key: string, value: string): void;
  remove(key: string): void;
}

/**
 * A synchronous Storage over `initial` (the journal entries read at start) that sends every write on at
 * once. The note frame uses it over the extension's `storage.local`: a frame embedded in a web page is a
 * third-party context, where Chromium refuses it `localStorage` ("Access is denied for this document"),
 * while `storage.local.set` is an extension API call whose message leaves the renderer when it is made,
 * in order, so a closed tab or a crash after it cannot take it back.
 */
export function mirroredStorage(
  initial: Record<string, unknown>,
  persist: JournalPersistence,
): JournalStorage {
  const items = new Map<string, string>();
  for (const [key, value] of Object.entries(initial)) {
    if (key.startsWith(JOURNAL_PREFIX) && typeof value === 'string') items.set(key, value);
  }
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      items.set(key, value);
      persist.set(key, value);
    },
    removeItem(key) {
      items.delete(key);
      persist.remove(key);
    },
  };
}

export const JOURNAL_PREFIX = 'jak-lens:note-draft:';

/** What one journal entry holds. */
export interface JournalEntry {
  v: 1;
  articleKey: string;
  draft: NoteContent;
  /** The revision of the stored note the text was typed over; 0 when there was none. */
  baseRevision: number;
  /** That note's `updatedAt` (null when there was none): a note deleted and made again may reuse a revision. */
  baseUpdatedAt: number | null;
  writtenAt: number;
}

const EntrySchema = v.strictObject({
  v: v.literal(1),
  articleKey: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  draft: v.strictObject({
    body: v.string(),
    tags: v.array(v.string()),
    status: v.picklist(READING_STATUSES),
  }),
  baseRevision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  baseUpdatedAt: v.nullable(v.number()),
  writtenAt: v.number(),
});

/** A journal entry as found in storage: readable, or not (its raw text is kept so nothing is lost). */
export type StoredJournal =
  | { storageKey: string; ok: true; entry: JournalEntry }
  | { storageKey: string; ok: false; raw: string; error: string };

/** The storage key of one editor instance's entry for an article. */
export function journalKey(articleKey: string, instance: string): string {
  return `${JOURNAL_PREFIX}${articleKey}#${instance}`;
}

/** The editor instance a storage key belongs to, or null when it is not a journal key of `articleKey`. */
export function journalInstance(storageKey: string, articleKey: string): string | null {
  const prefix = `${JOURNAL_PREFIX}${articleKey}#`;
  return storageKey.startsWith(prefix) ? storageKey.slice(prefix.length) : null;
}

/** Reads an entry's text; never throws (a corrupt entry says what is wrong with it). */
export function parseJournal(storageKey: string, raw: string): StoredJournal {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { storageKey, ok: false, raw, error: `not JSON (${String(error)})` };
  }
  const parsed = v.safeParse(EntrySchema, json);
  if (parsed.success) return { storageKey, ok: true, entry: parsed.output };
  const issue = parsed.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { storageKey, ok: false, raw, error: `${path ? `${path}: ` : ''}${issue.message}` };
}

/** The articles that have journal entries (from any editor instance). */
export function journalArticleKeys(storage: JournalStorage): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(JOURNAL_PREFIX)) continue;
    const hash = key.lastIndexOf('#');
    if (hash > JOURNAL_PREFIX.length) keys.add(key.slice(JOURNAL_PREFIX.length, hash));
  }
  return [...keys];
}

/** Every journal entry for an article, from any editor instance, readable or not. */
export function listJournals(storage: JournalStorage, articleKey: string): StoredJournal[] {
  const found: StoredJournal[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === null || journalInstance(key, articleKey) === null) continue;
    const raw = storage.getItem(key);
    if (raw !== null) found.push(parseJournal(key, raw));
  }
  return found;
}

/** What the editor needs to know about the stored note its text is based on. */
export interface JournalBase {
  revision: number;
  updatedAt: number | null;
}

export interface DraftJournal {
  /** Synchronous; false when storage refused (full, or disabled): the autosave still runs. */
  write(draft: NoteContent): boolean;
  clear(): void;
}

/**
 * One editor instance's journal for one article. `base` is read at every write, so it always names the
 * revision the editor currently builds on (it moves with each confirmed save).
 */
export function openDraftJournal(options: {
  storage: JournalStorage;
  articleKey: string;
  instance: string;
  base: () => JournalBase;
  now?: () => number;
}): DraftJournal {
  const key = journalKey(options.articleKey, options.instance);
  return {
    write(draft) {
      const base = options.base();
      const entry: JournalEntry = {
        v: 1,
        articleKey: options.articleKey,
        draft: { body: draft.body, tags: [...draft.tags], status: draft.status },
        baseRevision: base.revision,
        baseUpdatedAt: base.updatedAt,
        writtenAt: (options.now ?? Date.now)(),
      };
      try {
        options.storage.setItem(key, JSON.stringify(entry));
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      options.storage.removeItem(key);
    },
  };
}

/** The base of a stored note (or of none). */
export function baseOf(note: Note | null | undefined): JournalBase {
  return note
    ? { revision: note.revision, updatedAt: note.updatedAt }
    : { revision: 0, updatedAt: null };
}
