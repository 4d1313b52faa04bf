import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JakLensDB, Note } from '@/utils/storage/db';
import {
  journalKey,
  listJournals,
  mirroredStorage,
  openDraftJournal,
  parseJournal,
  type JournalEntry,
  type JournalStorage,
} from '@/utils/storage/journals/draft-journal';
import {
  reconcileJournal,
  recoverAllJournals,
  recoverJournals,
} from '@/utils/storage/journals/draft-reconcile';
import { getNote, listConflicts, listTrash, saveNote } from '@/utils/storage/notes-repository';
import { trashArticles } from '@/utils/storage/trash';
import { freshDatabase } from '../../../support/fresh-database';

const KEY = 'pmid:34563217';

/** A Storage with the same contract as localStorage (insertion-ordered keys). */
class MemoryStorage implements JournalStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

function note(over: Partial<Note> = {}): Note {
  return {
    articleKey: KEY,
    body: 'Stored text.',
    tags: [],
    status: 'reading',
    revision: 3,
    createdAt: 100,
    updatedAt: 300,
    ...over,
  };
}

function entry(over: Partial<JournalEntry> = {}): JournalEntry {
  return {
    v: 1,
    articleKey: KEY,
    draft: { body: 'Stored text. Typed before Ctrl+W.', tags: [], status: 'reading' },
    baseRevision: 3,
    baseUpdatedAt: 300,
    writtenAt: 1000,
    ...over,
  };
}

describe('reconcileJournal (pure)', () => {
  it('saves the journal text when the stored note is the one it was typed over', () => {
    expect(reconcileJournal(entry(), note())).toEqual({ action: 'save', reason: 'unchanged-base' });
  });

  it('keeps the journal text as a conflict copy when the stored note is newer and different', () => {
    const newer = note({ body: 'Edited in another tab.', revision: 4, updatedAt: 400 });
    expect(reconcileJournal(entry(), newer)).toEqual({
      action: 'conflict-copy',
      reason: 'newer-note',
    });
  });

  it('treats a note made again at the same revision (different updatedAt) as newer, not as the base', () => {
    const remade = note({ body: 'A different note.', revision: 3, updatedAt: 999 });
    expect(reconcileJournal(entry(), remade).action).toBe('conflict-copy');
  });

  it('clears when the stored note already holds the journal text (only the confirmation was lost)', () => {
    const saved = note({ body: entry().draft.body, revision: 4, updatedAt: 400 });
    expect(reconcileJournal(entry(), saved)).toEqual({ action: 'clear', reason: 'same-text' });
    // Tags are compared as a save stores them (normalised).
    const tagged = entry({ draft: { body: 'x', tags: [' JDM '], status: 'read' } });
    expect(
      reconcileJournal(tagged, note({ body: 'x', tags: ['JDM'], status: 'read' })).action,
    ).toBe('clear');
  });

  it('saves the text as the note when the note was deleted since (as any save then does)', () => {
    expect(reconcileJournal(entry(), null)).toEqual({ action: 'save', reason: 'note-deleted' });
  });

  it('saves a new note typed where there was none, and clears an untouched empty draft', () => {
    const fresh = entry({ baseRevision: 0, baseUpdatedAt: null });
    expect(reconcileJournal(fresh, null)).toEqual({ action: 'save', reason: 'new-note' });
    const empty = entry({
      baseRevision: 0,
      baseUpdatedAt: null,
      draft: { body: '', tags: [], status: 'to-read' },
    });
    expect(reconcileJournal(empty, null)).toEqual({ action: 'clear', reason: 'empty-draft' });
  });
});

describe('the journal entry', () => {
  it('writes synchronously, with the base read at the moment of writing, and clears', () => {
    const storage = new MemoryStorage();
    let base = { revision: 3, updatedAt: 300 as number | null };
    const journal = openDraftJournal({
      storage,
      articleKey: KEY,
      instance: 'a',
      base: () => base,
      now: () => 1234,
    });
    expect(journal.write({ body: 'one', tags: ['jdm'], status: 'reading' })).toBe(true);
    const [first] = listJournals(storage, KEY);
    expect(first).toEqual({
      storageKey: journalKey(KEY, 'a'),
      ok: true,
      entry: {
        v: 1,
        articleKey: KEY,
        draft: { body: 'one', tags: ['jdm'], status: 'reading' },
        baseRevision: 3,
        baseUpdatedAt: 300,
        writtenAt: 1234,
      },
    });
    base = { revision: 4, updatedAt: 400 };
    journal.write({ body: 'one two', tags: [], status: 'reading' });
    const [second] = listJournals(storage, KEY);
    expect(second?.ok && second.entry.baseRevision).toBe(4);
    journal.clear();
    expect(storage.length).toBe(0);
  });

  it('says false, and throws nothing into the input handler, when storage refuses the write', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const journal = openDraftJournal({
      storage,
      articleKey: KEY,
      instance: 'a',
      base: () => ({ revision: 0, updatedAt: null }),
    });
    expect(journal.write({ body: 'x', tags: [], status: 'reading' })).toBe(false);
  });

  it('lists only this article’s entries, and says what is wrong with a corrupt one', () => {
    const storage = new MemoryStorage();
    storage.setItem(journalKey(KEY, 'a'), '{"v":1,"articleKey":');
    storage.setItem(journalKey(KEY, 'b'), JSON.stringify({ ...entry(), baseRevision: -1 }));
    storage.setItem(journalKey('pmid:1', 'c'), JSON.stringify(entry({ articleKey: 'pmid:1' })));
    storage.setItem('unrelated', 'x');
    const found = listJournals(storage, KEY);
    expect(found.map((f) => f.storageKey)).toEqual([journalKey(KEY, 'a'), journalKey(KEY, 'b')]);
    expect(found[0]).toMatchObject({ ok: false, raw: '{"v":1,"articleKey":' });
    expect(found[0]?.ok === false && found[0].error).toMatch(/^not JSON/);
    expect(found[1]?.ok === false && found[1].error).toMatch(/^baseRevision: /);
    expect(parseJournal('k', '"a string"')).toMatchObject({ ok: false });
  });
});

describe('mirroredStorage (the frame’s synchronous view of storage.local)', () => {
  it('reads journal entries from the start snapshot, and sends each write on within the call', () => {
    const sent: string[] = [];
    const storage = mirroredStorage(
      { [journalKey(KEY, 'old')]: '{"v":1}', topicWatchSeeded: true, 'jak-lens:note-draft:x#y': 5 },
      { set: (k, v) => sent.push(`set ${k} ${v}`), remove: (k) => sent.push(`remove ${k}`) },
    );
    // Only string entries under the journal's prefix are taken.
    expect(storage.length).toBe(1);
    expect(storage.key(0)).toBe(journalKey(KEY, 'old'));
    const journal = openDraftJournal({
      storage,
      articleKey: KEY,
      instance: 'a',
      base: () => ({ revision: 1, updatedAt: 10 }),
      now: () => 20,
    });
    journal.write({ body: 'typed', tags: [], status: 'reading' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.startsWith(`set ${journalKey(KEY, 'a')} `)).toBe(true);
    expect(sent[0]).toContain('"body":"typed"');
    journal.clear();
    expect(sent[1]).toBe(`remove ${journalKey(KEY, 'a')}`);
    expect(storage.getItem(journalKey(KEY, 'a'))).toBeNull();
  });
});

describe('recoverJournals against a real database', () => {
  let db: JakLensDB;
  let storage: MemoryStorage;
  beforeEach(() => {
    db = freshDatabase('journal');
    storage = new MemoryStorage();
  });
  afterEach(async () => {
    await db.delete();
  });

  /** The note frame's wiring, with the repository in place of the background. */
  const recover = (alive: string[] = []) =>
    recoverJournals({
      storage,
      articleKey: KEY,
      isAbandoned: async (instance) => !alive.includes(instance),
      load: async () => ({
        note: (await getNote(db, KEY)) ?? null,
        conflicts: await listConflicts(db, KEY),
      }),
      save: (e) =>
        saveNote(
          db,
          {
            articleKey: KEY,
            ...e.draft,
            baseRevision: e.baseRevision,
            baseUpdatedAt: e.baseUpdatedAt,
          },
          5000,
        ),
    });
  const leave = (instance: string, e: JournalEntry) =>
    storage.setItem(journalKey(KEY, instance), JSON.stringify(e));
  const stored = async () => {
    const base = { articleKey: KEY, body: 'Stored text.', tags: [], status: 'reading' as const };
    const { note: first } = await saveNote(db, { ...base, baseRevision: 0 }, 100);
    return first;
  };

  it('same base: saves the journal text as the next revision and removes the entry', async () => {
    const base = await stored();
    leave('gone', entry({ baseRevision: base.revision, baseUpdatedAt: base.updatedAt }));
    const result = await recover();
    expect(result.note).toMatchObject({ body: entry().draft.body, revision: base.revision + 1 });
    expect(result.recovered).toEqual([{ action: 'save', reason: 'unchanged-base' }]);
    expect((await getNote(db, KEY))?.body).toBe(entry().draft.body);
    expect(storage.length).toBe(0);
  });

  it('newer note: keeps it, and the journal text becomes a conflict copy', async () => {
    const base = await stored();
    await saveNote(
      db,
      { articleKey: KEY, body: 'Other tab.', tags: [], status: 'reading', baseRevision: 1 },
      200,
    );
    leave('gone', entry({ baseRevision: base.revision, baseUpdatedAt: base.updatedAt }));
    const result = await recover();
    expect((await getNote(db, KEY))?.body).toBe('Other tab.');
    const copies = await listConflicts(db, KEY);
    expect(copies.map((c) => c.body)).toEqual([entry().draft.body]);
    expect(result.conflicts.map((c) => c.id)).toEqual(copies.map((c) => c.id));
    expect(result.recovered).toEqual([{ action: 'conflict-copy', reason: 'newer-note' }]);
    expect(storage.length).toBe(0);
  });

  it('a note deleted and made again at the same revision is not overwritten: conflict copy', async () => {
    const base = await stored();
    await trashArticles(db, [KEY], 150);
    await saveNote(
      db,
      { articleKey: KEY, body: 'New note.', tags: [], status: 'reading', baseRevision: 0 },
      250,
    );
    leave('gone', entry({ baseRevision: base.revision, baseUpdatedAt: base.updatedAt }));
    await recover();
    expect((await getNote(db, KEY))?.body).toBe('New note.');
    expect((await listConflicts(db, KEY)).map((c) => c.body)).toEqual([entry().draft.body]);
  });

  it('equal text: removes the entry and writes nothing', async () => {
    await stored();
    await saveNote(db, { articleKey: KEY, ...entry().draft, baseRevision: 1 }, 200);
    leave('gone', entry({ baseRevision: 1, baseUpdatedAt: 100 }));
    const result = await recover();
    expect(result.recovered).toEqual([]);
    expect((await getNote(db, KEY))?.revision).toBe(2);
    expect(await listConflicts(db, KEY)).toEqual([]);
    expect(storage.length).toBe(0);
  });

  it('deleted note: the journal text becomes the note again, and the deleted one stays in the trash', async () => {
    const base = await stored();
    await trashArticles(db, [KEY], 150);
    leave('gone', entry({ baseRevision: base.revision, baseUpdatedAt: base.updatedAt }));
    const result = await recover();
    expect(result.recovered).toEqual([{ action: 'save', reason: 'note-deleted' }]);
    expect((await getNote(db, KEY))?.body).toBe(entry().draft.body);
    expect((await listTrash(db)).map((t) => t.body)).toEqual(['Stored text.']);
  });

  it('corrupt entry: a clear error with its raw text, the entry kept, the database untouched', async () => {
    await stored();
    storage.setItem(journalKey(KEY, 'gone'), '{"v":1,"draft":{"body":"half a sent');
    const result = await recover();
    expect(result.unreadable).toEqual([
      {
        storageKey: journalKey(KEY, 'gone'),
        raw: '{"v":1,"draft":{"body":"half a sent',
        error: expect.stringMatching(/^not JSON/),
      },
    ]);
    expect(storage.getItem(journalKey(KEY, 'gone'))).toBe('{"v":1,"draft":{"body":"half a sent');
    expect((await getNote(db, KEY))?.revision).toBe(1);
  });

  it('leaves the entry of an editor still open in another tab to that editor', async () => {
    const base = await stored();
    leave('alive', entry({ baseRevision: base.revision, baseUpdatedAt: base.updatedAt }));
    const result = await recover(['alive']);
    expect(result.recovered).toEqual([]);
    expect((await getNote(db, KEY))?.body).toBe('Stored text.');
    expect(storage.length).toBe(1);
  });

  it('two abandoned entries on one base: the older is saved, the later kept as a conflict copy', async () => {
    const base = await stored();
    const b = { baseRevision: base.revision, baseUpdatedAt: base.updatedAt };
    leave(
      'later',
      entry({ ...b, writtenAt: 2000, draft: { body: 'Tab two.', tags: [], status: 'reading' } }),
    );
    leave(
      'earlier',
      entry({ ...b, writtenAt: 1000, draft: { body: 'Tab one.', tags: [], status: 'reading' } }),
    );
    await recover();
    expect((await getNote(db, KEY))?.body).toBe('Tab one.');
    expect((await listConflicts(db, KEY)).map((c) => c.body)).toEqual(['Tab two.']);
    expect(storage.length).toBe(0);
  });

  it('a failed save rejects and keeps the entry for the next try', async () => {
    leave('gone', entry({ baseRevision: 0, baseUpdatedAt: null }));
    const failing = recoverJournals({
      storage,
      articleKey: KEY,
      isAbandoned: async () => true,
      load: async () => ({ note: null, conflicts: [] }),
      save: () => Promise.reject(new Error('QuotaExceededError: no room')),
    });
    await expect(failing).rejects.toThrow('QuotaExceededError');
    expect(storage.length).toBe(1);
    expect(await getNote(db, KEY)).toBeUndefined();
  });

  it('the library recovers every article’s abandoned entries at once, and reports a failure per article', async () => {
    const base = await stored();
    leave('gone', entry({ baseRevision: base.revision, baseUpdatedAt: base.updatedAt }));
    const other = 'doi:10.1000/xyz';
    const otherEntry = entry({
      articleKey: other,
      baseRevision: 0,
      baseUpdatedAt: null,
      draft: { body: 'New note on another article.', tags: [], status: 'to-read' },
    });
    storage.setItem(journalKey(other, 'gone2'), JSON.stringify(otherEntry));
    storage.setItem(journalKey(other, 'alive'), JSON.stringify({ ...otherEntry, writtenAt: 5 }));
    const outcomes = await recoverAllJournals(
      db,
      storage,
      async (i) => i !== 'alive',
      () => 7000,
    );
    expect(outcomes.map((o) => [o.articleKey, o.error])).toEqual([
      [KEY, undefined],
      [other, undefined],
    ]);
    expect((await getNote(db, KEY))?.body).toBe(entry().draft.body);
    expect(await getNote(db, other)).toMatchObject({
      body: 'New note on another article.',
      updatedAt: 7000,
    });
    // The live editor's entry is left to it.
    expect([...storage.items.keys()]).toEqual([journalKey(other, 'alive')]);
  });
});
