import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JakLensDB } from '@/utils/storage/db';
import {
  getNote,
  listConflicts,
  listTags,
  listTrash,
  resolveConflict,
  restoreFromTrash,
  saveNote,
  type NoteSaveInput,
} from '@/utils/storage/notes-repository';
import { trashArticles } from '@/utils/storage/trash';
import { freshDatabase } from '../../support/fresh-database';

const key = 'pmid:34563217';
const input = (over: Partial<NoteSaveInput> = {}): NoteSaveInput => ({
  articleKey: key,
  body: 'Baricitinib improved skin disease.',
  tags: ['drug:baricitinib'],
  status: 'reading',
  baseRevision: 0,
  ...over,
});

describe('notes repository', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = freshDatabase();
  });
  afterEach(async () => {
    await db.delete();
  });
  /** Deletes the article's note the way the library does (trashArticles); its trash entry, if any. */
  const trashNote = async (articleKey: string, now?: number) => {
    const [id] = await trashArticles(db, [articleKey], now);
    return id === undefined ? undefined : (await listTrash(db)).find((t) => t.id === id);
  };

  it('creates a note at revision 1 and returns it', async () => {
    const result = await saveNote(db, input(), 1000);
    expect(result).toEqual({
      status: 'saved',
      note: {
        articleKey: key,
        body: 'Baricitinib improved skin disease.',
        tags: ['drug:baricitinib'],
        status: 'reading',
        revision: 1,
        createdAt: 1000,
        updatedAt: 1000,
      },
    });
    expect(await getNote(db, key)).toEqual(result.note);
    expect(await getNote(db, 'pmid:1')).toBeUndefined();
  });

  it('advances the revision on each save based on the current one', async () => {
    await saveNote(db, input(), 1000);
    const second = await saveNote(db, input({ body: 'v2', baseRevision: 1 }), 2000);
    const third = await saveNote(db, input({ body: 'v3', baseRevision: 2 }), 3000);
    expect(second.note.revision).toBe(2);
    expect(third).toMatchObject({ status: 'saved', note: { body: 'v3', revision: 3 } });
    expect(await getNote(db, key)).toMatchObject({ revision: 3, createdAt: 1000, updatedAt: 3000 });
  });

  it('normalises tags: trims, lower-cases entity prefixes, removes duplicates', async () => {
    const { note } = await saveNote(
      db,
      input({
        tags: ['  Drug: baricitinib ', 'drug:Baricitinib', 'TARGET:JAK1', '', 'case  report'],
      }),
    );
    expect(note.tags).toEqual(['drug:baricitinib', 'target:JAK1', 'case report']);
  });

  describe('two tabs editing the same note', () => {
    it('never overwrites a newer revision: the stale save becomes a conflict copy', async () => {
      await saveNote(db, input({ body: 'original' }), 1000);
      // Tab A and tab B both loaded revision 1; A saves first.
      await saveNote(db, input({ body: 'tab A text', baseRevision: 1 }), 2000);
      const fromB = await saveNote(db, input({ body: 'tab B text', baseRevision: 1 }), 3000);

      expect(fromB.status).toBe('conflict');
      if (fromB.status !== 'conflict') return;
      expect(fromB.note).toMatchObject({ body: 'tab A text', revision: 2 });
      expect(fromB.conflictCopy).toMatchObject({
        articleKey: key,
        body: 'tab B text',
        baseRevision: 1,
        conflictOf: 2,
        createdAt: 3000,
      });
      expect(await getNote(db, key)).toMatchObject({ body: 'tab A text', revision: 2 });
      expect(await listConflicts(db, key)).toEqual([fromB.conflictCopy]);
    });

    it('treats two new notes written at once as a conflict, keeping both', async () => {
      await saveNote(db, input({ body: 'first' }));
      const second = await saveNote(db, input({ body: 'second' }));
      expect(second).toMatchObject({ status: 'conflict', conflictCopy: { body: 'second' } });
      expect(await getNote(db, key)).toMatchObject({ body: 'first' });
    });

    it('does not pile up copies when the same stale save is retried', async () => {
      await saveNote(db, input({ body: 'a' }));
      await saveNote(db, input({ body: 'b', baseRevision: 1 }));
      const once = await saveNote(db, input({ body: 'c', baseRevision: 1 }));
      const again = await saveNote(db, input({ body: 'c', baseRevision: 1 }));
      expect(again).toEqual(once);
      expect(await listConflicts(db)).toHaveLength(1);
    });
  });

  it('answers a retried save that already committed (reply lost) as saved, with no copy', async () => {
    await saveNote(db, input({ body: 'a' }));
    const first = await saveNote(db, input({ body: 'b', baseRevision: 1 }));
    const retry = await saveNote(db, input({ body: 'b', baseRevision: 1 }));
    expect(retry).toEqual(first);
    expect(await listConflicts(db)).toEqual([]);
  });

  describe('resolving a conflict', () => {
    async function makeConflict() {
      await saveNote(db, input({ body: 'original' }), 1000);
      await saveNote(db, input({ body: 'newer', baseRevision: 1 }), 2000);
      const result = await saveNote(db, input({ body: 'stale', baseRevision: 1 }), 3000);
      if (result.status !== 'conflict') throw new Error('expected a conflict');
      return result.conflictCopy;
    }

    it('keep-note moves the copy to the trash', async () => {
      const copy = await makeConflict();
      const note = await resolveConflict(db, copy.id, 'keep-note', 4000);
      expect(note).toMatchObject({ body: 'newer', revision: 2 });
      expect(await listConflicts(db)).toEqual([]);
      expect(await listTrash(db)).toMatchObject([
        { body: 'stale', reason: 'conflict-discarded', deletedAt: 4000 },
      ]);
    });

    it('use-copy makes the copy the note and trashes the note it replaces', async () => {
      const copy = await makeConflict();
      const note = await resolveConflict(db, copy.id, 'use-copy', 4000);
      expect(note).toMatchObject({ body: 'stale', revision: 3, createdAt: 1000, updatedAt: 4000 });
      expect(await getNote(db, key)).toEqual(note);
      expect(await listTrash(db)).toMatchObject([
        { body: 'newer', revision: 2, reason: 'replaced-by-conflict-copy' },
      ]);
      // An editor still on revision 2 now conflicts instead of overwriting.
      expect((await saveNote(db, input({ body: 'x', baseRevision: 2 }))).status).toBe('conflict');
    });

    it('refuses an unknown conflict id and changes nothing', async () => {
      await makeConflict();
      await expect(resolveConflict(db, 'nope', 'use-copy')).rejects.toThrow(/No conflict copy/);
      expect(await listConflicts(db)).toHaveLength(1);
      expect(await getNote(db, key)).toMatchObject({ body: 'newer' });
    });
  });

  describe('trash', () => {
    it('deleting moves the note to the trash, restoring brings it back', async () => {
      await saveNote(db, input({ body: 'keep me' }), 1000);
      const trashed = await trashNote(key, 2000);
      expect(trashed).toMatchObject({ body: 'keep me', deletedAt: 2000, reason: 'deleted' });
      expect(await getNote(db, key)).toBeUndefined();

      const restored = await restoreFromTrash(db, trashed!.id, 3000);
      expect(restored).toMatchObject({
        restored: 'note',
        note: { body: 'keep me', revision: 2, createdAt: 1000, updatedAt: 3000 },
      });
      expect(await listTrash(db)).toEqual([]);
    });

    it('restoring beside a newer note keeps both (as a conflict copy)', async () => {
      await saveNote(db, input({ body: 'old' }));
      const trashed = await trashNote(key);
      await saveNote(db, input({ body: 'new' }));
      const restored = await restoreFromTrash(db, trashed!.id);
      expect(restored).toMatchObject({ restored: 'conflict', conflictCopy: { body: 'old' } });
      expect(await getNote(db, key)).toMatchObject({ body: 'new' });
    });

    it('deleting a missing note does nothing', async () => {
      expect(await trashNote(key)).toBeUndefined();
      expect(await listTrash(db)).toEqual([]);
    });

    it('a tab still typing in a deleted note recreates it rather than losing the text', async () => {
      await saveNote(db, input({ body: 'v1' }));
      await trashNote(key);
      const result = await saveNote(db, input({ body: 'typed meanwhile', baseRevision: 1 }));
      expect(result).toMatchObject({
        status: 'saved',
        note: { body: 'typed meanwhile', revision: 2 },
      });
      expect(await listTrash(db)).toMatchObject([{ body: 'v1' }]);
    });
  });

  it('lists every tag once, sorted case-insensitively', async () => {
    await saveNote(db, input({ articleKey: 'pmid:1', tags: ['target:JAK1', 'Review'] }));
    await saveNote(db, input({ articleKey: 'pmid:2', tags: ['review', 'drug:baricitinib'] }));
    await saveNote(db, input({ articleKey: 'pmid:3', tags: [] }));
    expect(await listTags(db)).toEqual(['drug:baricitinib', 'Review', 'target:JAK1']);
  });

  it('a write that fails half-way (disk full) rolls back: delete keeps the note', async () => {
    await saveNote(db, input({ body: 'precious' }));
    // The trash copy is written first, then removing the note fails: the copy must roll back too.
    db.notes.hook('deleting', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(trashNote(key)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await getNote(db, key)).toMatchObject({ body: 'precious' });
    expect(await listTrash(db)).toEqual([]);
  });

  it('a failed save (closed database) writes nothing and rejects', async () => {
    await saveNote(db, input({ body: 'safe' }));
    db.close({ disableAutoOpen: true });
    await expect(saveNote(db, input({ body: 'lost?', baseRevision: 1 }))).rejects.toMatchObject({
      name: 'DatabaseClosedError',
    });
    await db.open();
    expect(await getNote(db, key)).toMatchObject({ body: 'safe', revision: 1 });
  });
});
