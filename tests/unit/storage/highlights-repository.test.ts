import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import {
  addHighlight,
  deleteHighlight,
  listHighlights,
  updateHighlight,
  type NewHighlight,
} from '@/utils/storage/highlights-repository';

const key = 'pmid:37882686';
const passage = (start: number, exact = 'Mortality rates were similar'): NewHighlight => ({
  articleKey: key,
  textQuote: { exact, prefix: 'were compared. ', suffix: ' in both' },
  textPosition: { start, end: start + exact.length },
  color: 'yellow',
});

describe('highlights repository', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('adds a highlight with an id and times, and lists it for its article only', async () => {
    const added = await addHighlight(db, { ...passage(100), comment: 'key result' }, 1000);
    expect(added).toEqual({
      id: expect.any(String),
      ...passage(100),
      comment: 'key result',
      createdAt: 1000,
      updatedAt: 1000,
    });
    await addHighlight(db, { ...passage(5), articleKey: 'pmid:1' });
    expect(await listHighlights(db, key)).toEqual([added]);
  });

  it('lists an article’s highlights in document order', async () => {
    await addHighlight(db, passage(300, 'later'), 1);
    await addHighlight(db, passage(10, 'earlier'), 2);
    const list = await listHighlights(db, key);
    expect(list.map((h) => h.textQuote.exact)).toEqual(['earlier', 'later']);
  });

  it('changes the comment and colour, and removes an emptied comment', async () => {
    const added = await addHighlight(db, passage(100), 1000);
    const commented = await updateHighlight(db, added.id, { comment: 'check dose' }, 2000);
    expect(commented).toMatchObject({ comment: 'check dose', color: 'yellow', updatedAt: 2000 });
    const recoloured = await updateHighlight(db, added.id, { color: 'green' }, 3000);
    expect(recoloured).toMatchObject({ comment: 'check dose', color: 'green' });
    const cleared = await updateHighlight(db, added.id, { comment: '' }, 4000);
    expect(cleared).not.toHaveProperty('comment');
    expect((await listHighlights(db, key))[0]).toEqual(cleared);
  });

  it('refuses to update a highlight that no longer exists', async () => {
    await expect(updateHighlight(db, 'missing', { comment: 'x' })).rejects.toThrow(/No highlight/);
    expect(await db.highlights.count()).toBe(0);
  });

  it('deletes one highlight and leaves the others', async () => {
    const a = await addHighlight(db, passage(1, 'a'));
    const b = await addHighlight(db, passage(2, 'b'));
    await deleteHighlight(db, a.id);
    expect(await listHighlights(db, key)).toEqual([b]);
  });
});
