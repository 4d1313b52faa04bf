import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import { getNote, listConflicts, saveNote } from '@/utils/storage/notes-repository';
import {
  createDraftJournal,
  findOrphanedDrafts,
  journalKey,
  recoverDrafts,
  type DraftEntry,
  type JournalStore,
} from '@/utils/storage/draft-journal';

type NoteDraft = { body: string; tags: string[]; status: 'reading' | 'to-read' };

/** localStorage's interface over a Map, with a switch that makes writes fail as a full disk does. */
function memoryStore(): JournalStore & { map: Map<string, string>; full: boolean } {
  const map = new Map<string, string>();
  return {
    map,
    full: false,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      if (this.full) throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const KEY = 'pmid:34563217';
const dead = () => false;

describe('draft journal', () => {
  it('holds the latest text of each field synchronously, one entry per editor', () => {
    const store = memoryStore();
    const a = createDraftJournal<string>(store, { kind: 'note', subject: KEY, editorId: 'a' });
    const b = createDraftJournal<string>(store, { kind: 'note', subject: KEY, editorId: 'b' });
    a.write('B', 1);
    a.write('Ba', 1);
    b.write('other tab', 1);
    expect(JSON.parse(store.getItem(journalKey('note', KEY, 'a'))!).value).toBe('Ba');
    expect(JSON.parse(store.getItem(journalKey('note', KEY, 'b'))!).value).toBe('other tab');
    a.clear();
    expect(store.getItem(journalKey('note', KEY, 'a'))).toBeNull();
    expect(store.length).toBe(1);
  });

  it('says false instead of throwing when storage refuses a write', () => {
    const store = memoryStore();
    store.full = true;
    const journal = createDraftJournal<string>(store, {
      kind: 'note',
      subject: KEY,
      editorId: 'a',
    });
    expect(journal.write('text', 0)).toBe(false);
  });

  it('recovers only drafts of dead editors, of this field, oldest first', () => {
    const store = memoryStore();
    let t = 0;
    const clock = () => ++t;
    const make = (subject: string, editorId: string, kind: 'note' | 'comment' = 'note') =>
      createDraftJournal<string>(store, { kind, subject, editorId }, clock);
    make(KEY, 'early').write('first', 1);
    make(KEY, 'alive').write('still typing', 1);
    make(KEY, 'late').write('second', 1);
    make('pmid:1', 'x').write('another article', 1);
    make(KEY, 'c', 'comment').write('a comment', '');
    store.setItem(`${journalKey('note', KEY, 'broken')}`, '{not json');
    const found = findOrphanedDrafts<string>(store, 'note', KEY, (id) => id === 'alive');
    expect(found.map((e) => e.value)).toEqual(['first', 'second']);
    expect(found.map((e) => e.editorId)).toEqual(['early', 'late']);
    // The damaged entry is not ours to delete unread.
    expect(store.getItem(journalKey('note', KEY, 'broken'))).toBe('{not json');
  });

  it('removes a draft only after it was applied, and keeps it when applying fails', async () => {
    const store = memoryStore();
    createDraftJournal<string>(store, { kind: 'note', subject: KEY, editorId: 'a' }).write('x', 1);
    await expect(
      recoverDrafts<string>(store, 'note', KEY, dead, async () => {
        throw new Error('database closed');
      }),
    ).rejects.toThrow('database closed');
    expect(findOrphanedDrafts(store, 'note', KEY, dead)).toHaveLength(1);
    const applied: string[] = [];
    expect(
      await recoverDrafts<string>(store, 'note', KEY, dead, async (e) => applied.push(e.value)),
    ).toBe(1);
    expect(applied).toEqual(['x']);
    expect(store.length).toBe(0);
  });
});

describe('reconciling a recovered note draft with the database', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  /** What the note frame does on open: each dead editor's draft goes through the revision check. */
  const recover = (store: JournalStore) =>
    recoverDrafts<NoteDraft>(store, 'note', KEY, dead, (entry: DraftEntry<NoteDraft>) =>
      saveNote(db, { articleKey: KEY, ...entry.value, baseRevision: Number(entry.base) }),
    );

  it('saves a draft typed over the stored revision (the tab closed before the save arrived)', async () => {
    await saveNote(db, {
      articleKey: KEY,
      body: 'old',
      tags: [],
      status: 'reading',
      baseRevision: 0,
    });
    const store = memoryStore();
    const journal = createDraftJournal<NoteDraft>(store, {
      kind: 'note',
      subject: KEY,
      editorId: 'a',
    });
    journal.write({ body: 'old and every new character', tags: [], status: 'reading' }, 1);
    expect(await recover(store)).toBe(1);
    const note = await getNote(db, KEY);
    expect(note?.body).toBe('old and every new character');
    expect(note?.revision).toBe(2);
    expect(await listConflicts(db, KEY)).toEqual([]);
    expect(store.length).toBe(0);
  });

  it('keeps a draft older than a newer saved note as a conflict copy, never over it', async () => {
    await saveNote(db, {
      articleKey: KEY,
      body: 'v1',
      tags: [],
      status: 'reading',
      baseRevision: 0,
    });
    const store = memoryStore();
    const journal = createDraftJournal<NoteDraft>(store, {
      kind: 'note',
      subject: KEY,
      editorId: 'a',
    });
    journal.write({ body: 'typed over v1, then the tab crashed', tags: [], status: 'reading' }, 1);
    // Meanwhile another tab (or device) saved revision 2.
    await saveNote(db, {
      articleKey: KEY,
      body: 'v2 from elsewhere',
      tags: [],
      status: 'read',
      baseRevision: 1,
    });
    await recover(store);
    const note = await getNote(db, KEY);
    expect(note?.body).toBe('v2 from elsewhere');
    expect(note?.revision).toBe(2);
    const copies = await listConflicts(db, KEY);
    expect(copies.map((c) => c.body)).toEqual(['typed over v1, then the tab crashed']);
    expect(copies[0]?.conflictOf).toBe(2);
  });

  it('recovering the same text twice (the save did arrive) adds no revision and no copy', async () => {
    await saveNote(db, {
      articleKey: KEY,
      body: 'same',
      tags: [],
      status: 'reading',
      baseRevision: 0,
    });
    const store = memoryStore();
    createDraftJournal<NoteDraft>(store, { kind: 'note', subject: KEY, editorId: 'a' }).write(
      { body: 'same', tags: [], status: 'reading' },
      0,
    );
    await recover(store);
    expect((await getNote(db, KEY))?.revision).toBe(1);
    expect(await listConflicts(db, KEY)).toEqual([]);
  });

  it('creates the note when the draft is the first text of an article', async () => {
    const store = memoryStore();
    createDraftJournal<NoteDraft>(store, { kind: 'note', subject: KEY, editorId: 'a' }).write(
      { body: 'first words', tags: [], status: 'to-read' },
      0,
    );
    await recover(store);
    expect((await getNote(db, KEY))?.body).toBe('first words');
  });
});
