import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JakLensDB } from '@/utils/storage/db';
import {
  commentDraftJournal,
  pendingHighlightJournal,
  recoverCommentDrafts,
} from '@/utils/storage/journals/comment-journal';
import { addHighlight, updateHighlight } from '@/utils/storage/highlights-repository';
import { freshDatabase } from '../../../support/fresh-database';
import { memoryStorageArea } from '../../../support/memory-storage-area';

const ARTICLE = 'pmid:34563217';
const PASSAGE = {
  textQuote: { exact: 'proximal muscle weakness', prefix: 'with ', suffix: ' and' },
  textPosition: { start: 120, end: 144 },
};

let db: JakLensDB;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  await db.delete();
});

describe('the selection bar journal', () => {
  it('writes each input at once, reads it back on the next visit, and clears it', async () => {
    const { area, calls } = memoryStorageArea();
    const journal = pendingHighlightJournal(area, ARTICLE);
    journal.write(PASSAGE, 'check the', 1);
    journal.write(PASSAGE, 'check the dose', 2);
    // Dispatched from the call itself: nothing to await before the tab may close.
    expect(calls.map(({ op, key }) => `${op} ${key}`)).toEqual([
      `set jak-lens:pending-highlight:${ARTICLE}`,
      `set jak-lens:pending-highlight:${ARTICLE}`,
    ]);
    expect(await pendingHighlightJournal(area, ARTICLE).read()).toEqual({
      v: 1,
      articleKey: ARTICLE,
      exact: 'proximal muscle weakness',
      prefix: 'with ',
      suffix: ' and',
      start: 120,
      end: 144,
      comment: 'check the dose',
      writtenAt: 2,
    });
    expect(await pendingHighlightJournal(area, 'pmid:1').read()).toBeNull();
    journal.clear();
    expect(await journal.read()).toBeNull();
  });

  it('drops a damaged entry instead of making a highlight of it', async () => {
    const { area, items } = memoryStorageArea();
    items.set(`jak-lens:pending-highlight:${ARTICLE}`, { v: 1, articleKey: ARTICLE, exact: '' });
    expect(await pendingHighlightJournal(area, ARTICLE).read()).toBeNull();
    expect(items.size).toBe(0);
  });
});

describe('the library comment drafts', () => {
  const make = (comment?: string) =>
    addHighlight(db, {
      articleKey: ARTICLE,
      ...PASSAGE,
      color: 'yellow',
      ...(comment ? { comment } : {}),
    });

  it('saves a draft over the comment it started from, and leaves no entry', async () => {
    const { area, items } = memoryStorageArea();
    const h = await make('old');
    commentDraftJournal(area).write(h.id, 'old', 'old, and the dose');
    expect(await recoverCommentDrafts(area, db)).toBe(1);
    expect((await db.highlights.get(h.id))?.comment).toBe('old, and the dose');
    expect(items.size).toBe(0);
  });

  it('keeps both when the comment changed elsewhere since, and nothing twice', async () => {
    const { area } = memoryStorageArea();
    const h = await make('old');
    const journal = commentDraftJournal(area);
    journal.write(h.id, 'old', 'typed here');
    await updateHighlight(db, h.id, { comment: 'typed in a PubMed tab' });
    expect(await recoverCommentDrafts(area, db)).toBe(1);
    expect((await db.highlights.get(h.id))?.comment).toBe('typed in a PubMed tab\n\ntyped here');

    // Already saved (the box was left before the tab closed): nothing to write.
    journal.write(h.id, 'x', 'typed in a PubMed tab\n\ntyped here');
    expect(await recoverCommentDrafts(area, db)).toBe(0);
  });

  it('clears an emptied comment, and drops the draft of a deleted highlight', async () => {
    const { area, items } = memoryStorageArea();
    const h = await make('old');
    const journal = commentDraftJournal(area);
    journal.write(h.id, 'old', '');
    journal.write('gone', '', 'orphan text');
    expect(await recoverCommentDrafts(area, db)).toBe(1);
    expect((await db.highlights.get(h.id))?.comment).toBeUndefined();
    expect(items.size).toBe(0);
  });
});
