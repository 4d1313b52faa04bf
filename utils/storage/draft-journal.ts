/**
 * The draft journal: the reader's words, written synchronously on every keystroke to `localStorage` of
 * the extension's own origin (the note frame, the library page), and cleared once the database has
 * confirmed them. `localStorage.setItem` returns only after the browser holds the text, so a tab
 * closed, a browser quit or a renderer crashed 0 ms after the last key still leaves it on disk; the
 * database save that follows is asynchronous and may never arrive. The next editor to open on the same
 * article reads the entries of editors that are gone and saves them through the ordinary revision check
 * (utils/notes-repository.ts), so a recovered draft older than the stored note becomes a conflict copy.
 *
 * Entries are per editor (a random id), so two tabs typing in one note never overwrite each other's
 * entry; an entry belongs to a dead editor when no live editor holds its Web Lock.
 */

/** What the journal needs of `localStorage` (tests pass a Map-backed one). */
export interface JournalStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/**
 * This page's localStorage, or undefined where the browser refuses it (storage switched off, or
 * blocked for a frame): the editors then work without a journal rather than not at all.
 */
export function openJournalStore(): JournalStore | undefined {
  try {
    const store = globalThis.localStorage;
    store.getItem(JOURNAL_PREFIX);
    return store;
  } catch {
    return undefined;
  }
}

/** Every key of ours starts with this, then the kind of field, its subject and the editor. */
export const JOURNAL_PREFIX = 'jak-lens/draft/';

/** The kinds of field whose words are journaled. */
export type DraftKind = 'note' | 'comment';

/** One journaled draft: the latest text of one field in one editor, and what it was based on. */
export interface DraftEntry<T> {
  kind: DraftKind;
  /** The article key (notes) or the highlight id (comments). */
  subject: string;
  editorId: string;
  value: T;
  /** The stored state the text was typed over: a note's revision, a comment's previous text. */
  base: number | string;
  writtenAt: number;
}

export function journalKey(kind: DraftKind, subject: string, editorId: string): string {
  return `${JOURNAL_PREFIX}${kind}/${encodeURIComponent(subject)}/${editorId}`;
}

/** The lock an editor holds while it lives; its entries are recovered only once it is released. */
export function editorLockName(editorId: string): string {
  return `${JOURNAL_PREFIX}editor/${editorId}`;
}

export interface DraftJournal<T> {
  /** Writes the field's latest text synchronously; false when storage refused it (full, disabled). */
  write(value: T, base: number | string): boolean;
  /** Forgets the entry (the database holds this text, or the editor was reset to stored text). */
  clear(): void;
}

/** The journal of one field in one editor. */
export function createDraftJournal<T>(
  store: JournalStore,
  entry: { kind: DraftKind; subject: string; editorId: string },
  now: () => number = Date.now,
): DraftJournal<T> {
  const key = journalKey(entry.kind, entry.subject, entry.editorId);
  return {
    write(value, base) {
      const record: DraftEntry<T> = { ...entry, value, base, writtenAt: now() };
      try {
        store.setItem(key, JSON.stringify(record));
        return true;
      } catch {
        // Quota or storage switched off: the database save still runs; nothing else to do here.
        return false;
      }
    },
    clear() {
      try {
        store.removeItem(key);
      } catch {
        // Storage switched off: there is nothing to clear.
      }
    },
  };
}

/**
 * The entries of `kind` about `subject` left by editors that are no longer alive, oldest first.
 * Unreadable entries are returned as nothing and left in place (never deleted unread).
 */
export function findOrphanedDrafts<T>(
  store: JournalStore,
  kind: DraftKind,
  subject: string,
  isAlive: (editorId: string) => boolean,
): DraftEntry<T>[] {
  const prefix = `${JOURNAL_PREFIX}${kind}/${encodeURIComponent(subject)}/`;
  const found: DraftEntry<T>[] = [];
  for (const key of keysOf(store)) {
    if (!key.startsWith(prefix)) continue;
    const entry = parseEntry<T>(store.getItem(key));
    if (entry && entry.kind === kind && entry.subject === subject && !isAlive(entry.editorId))
      found.push(entry);
  }
  return found.sort((a, b) => a.writtenAt - b.writtenAt);
}

/** Removes one recovered entry once the database has taken its text. */
export function removeDraft(store: JournalStore, entry: DraftEntry<unknown>): void {
  store.removeItem(journalKey(entry.kind, entry.subject, entry.editorId));
}

function keysOf(store: JournalStore): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

function parseEntry<T>(raw: string | null): DraftEntry<T> | null {
  if (raw === null) return null;
  try {
    const entry = JSON.parse(raw) as Partial<DraftEntry<T>>;
    const baseOk = typeof entry.base === 'number' || typeof entry.base === 'string';
    if (
      (entry.kind === 'note' || entry.kind === 'comment') &&
      typeof entry.subject === 'string' &&
      typeof entry.editorId === 'string' &&
      typeof entry.writtenAt === 'number' &&
      baseOk &&
      'value' in entry
    )
      return entry as DraftEntry<T>;
  } catch {
    // Not ours or damaged: left as it is.
  }
  return null;
}

/** The held Web Locks, as a liveness test for editors (every editor is alive when locks are absent). */
export async function liveEditors(
  locks: LockManager | undefined = globalThis.navigator?.locks,
): Promise<(editorId: string) => boolean> {
  if (!locks) return () => true;
  // A lock manager that does not answer must not hold the editor up: then nothing is recovered now.
  const snapshot = await Promise.race([
    locks.query(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
  ]).catch(() => null);
  if (!snapshot) return () => true;
  const { held = [] } = snapshot;
  const names = new Set(held.map((lock) => lock.name));
  return (editorId) => names.has(editorLockName(editorId));
}

/** Holds this editor's lock until `release` is called or the page goes away. */
export function holdEditorLock(
  editorId: string,
  locks: LockManager | undefined = globalThis.navigator?.locks,
): () => void {
  if (!locks) return () => undefined;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  void locks.request(editorLockName(editorId), () => released).catch(() => undefined);
  return release;
}

/**
 * Hands each orphaned draft of `subject` to `apply` (oldest first, one at a time) and removes the
 * entry only after `apply` has resolved: a save that fails leaves the draft for the next open, and so
 * does an `apply` that resolves to false (a draft it cannot read is never deleted). The
 * caller's `apply` saves through the revision check, which keeps a stale draft as a conflict copy.
 * Returns how many drafts were applied.
 */
export async function recoverDrafts<T>(
  store: JournalStore,
  kind: DraftKind,
  subject: string,
  isAlive: (editorId: string) => boolean,
  apply: (entry: DraftEntry<T>) => Promise<unknown>,
): Promise<number> {
  let applied = 0;
  for (const entry of findOrphanedDrafts<T>(store, kind, subject, isAlive)) {
    if ((await apply(entry)) === false) continue;
    removeDraft(store, entry);
    applied += 1;
  }
  return applied;
}
