import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import { emptyTrash, trashArticles } from '@/utils/storage/trash';
import { getNote, listTrash, restoreFromTrash, saveNote } from '@/utils/storage/notes-repository';
import { addTagToArticles, mergeTags, renameTag } from '@/utils/storage/tag-operations';

describe('tag operations and article trash', () => {
  let db: JakLensDB;
  beforeEach(async () => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    const base = { body: 'x', status: 'to-read' as const, baseRevision: 0 };
    await saveNote(db, { ...base, articleKey: 'pmid:1', tags: ['JDM', 'review'] });
    await saveNote(db, { ...base, articleKey: 'pmid:2', tags: ['jdm', 'juvenile DM'] });
    await saveNote(db, { ...base, articleKey: 'pmid:3', tags: ['other'] });
  });
  afterEach(() => db.delete());

  it('renames a tag on every note, case-insensitively, bumping each revision', async () => {
    expect(await renameTag(db, 'jdm', 'Juvenile dermatomyositis', 5)).toBe(2);
    expect(await getNote(db, 'pmid:1')).toMatchObject({
      tags: ['Juvenile dermatomyositis', 'review'],
      revision: 2,
      updatedAt: 5,
    });
    expect((await getNote(db, 'pmid:3'))?.revision).toBe(1);
  });

  it('merges tags into one without duplicates', async () => {
    expect(await mergeTags(db, ['JDM', 'juvenile DM'], 'jdm')).toBe(2);
    expect((await getNote(db, 'pmid:2'))?.tags).toEqual(['jdm']);
    expect((await getNote(db, 'pmid:1'))?.tags).toEqual(['jdm', 'review']);
  });

  it('makes an editor open on the old revision get a conflict, not overwrite', async () => {
    await renameTag(db, 'review', 'reviewed');
    const result = await saveNote(db, {
      articleKey: 'pmid:1',
      body: 'typed meanwhile',
      tags: ['JDM', 'review'],
      status: 'to-read',
      baseRevision: 1,
    });
    expect(result.status).toBe('conflict');
    expect((await getNote(db, 'pmid:1'))?.tags).toEqual(['JDM', 'reviewed']);
  });

  it('adds a tag to selected articles, creating a note where there is none', async () => {
    expect(await addTagToArticles(db, ['pmid:1', 'pmid:9'], 'to cite')).toBe(2);
    expect((await getNote(db, 'pmid:9'))?.tags).toEqual(['to cite']);
    expect(await addTagToArticles(db, ['pmid:1'], 'TO CITE')).toBe(0);
  });

  it('trashes articles with their highlights, restores them, and empties the trash', async () => {
    const highlight = {
      id: 'h1',
      articleKey: 'pmid:1',
      textQuote: { exact: 'a', prefix: '', suffix: '' },
      textPosition: { start: 0, end: 1 },
      color: 'yellow' as const,
      createdAt: 1,
      updatedAt: 1,
    };
    await db.highlights.bulkPut([highlight, { ...highlight, id: 'h2', articleKey: 'pmid:7' }]);
    const ids = await trashArticles(db, ['pmid:1', 'pmid:7']);
    expect(ids).toHaveLength(2);
    expect(await db.highlights.count()).toBe(0);
    expect(await getNote(db, 'pmid:1')).toBeUndefined();
    for (const id of ids) await restoreFromTrash(db, id);
    expect((await getNote(db, 'pmid:1'))?.body).toBe('x');
    expect(await getNote(db, 'pmid:7')).toBeUndefined();
    expect((await db.highlights.toArray()).map((h) => h.id).sort()).toEqual(['h1', 'h2']);
    await trashArticles(db, ['pmid:3']);
    expect(await emptyTrash(db)).toBe(1);
    expect(await listTrash(db)).toEqual([]);
  });
});
