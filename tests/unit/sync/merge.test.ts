import { describe, expect, it } from 'vitest';
import type { Highlight, Note, TrashedNote } from '@/utils/storage/db';
import { emptyBundle, type ArticleBundle } from '@/utils/sync/bundle';
import { mergeBundles } from '@/utils/sync/merge';

const KEY = 'pmid:1';
const note = (body: string, revision: number, updatedAt: number): Note => ({
  articleKey: KEY,
  body,
  tags: [],
  status: 'read',
  revision,
  createdAt: 1,
  updatedAt,
});
const highlight = (id: string, color: Highlight['color'], updatedAt: number): Highlight => ({
  id,
  articleKey: KEY,
  textQuote: { exact: 'x', prefix: '', suffix: '' },
  textPosition: { start: 0, end: 1 },
  color,
  createdAt: 1,
  updatedAt,
});
const trash = (id: string, body: string): TrashedNote => ({
  ...note(body, 1, 1),
  id,
  deletedAt: 5,
  reason: 'deleted',
});
const bundle = (parts: Partial<ArticleBundle>): ArticleBundle => ({
  ...emptyBundle(KEY),
  ...parts,
});
let n = 0;
const ids = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('three-way merge of one article', () => {
  it('takes the only side that changed, in either direction', () => {
    const base = bundle({ note: note('a', 1, 1) });
    const changed = bundle({ note: note('b', 2, 2) });
    expect(mergeBundles(base, changed, base, 9).note?.body).toBe('b');
    expect(mergeBundles(base, base, changed, 9).note?.body).toBe('b');
  });

  it('keeps the newer edit as the note and the other as a conflict copy, revision above both', () => {
    const base = bundle({ note: note('a', 1, 1) });
    const merged = mergeBundles(
      base,
      bundle({ note: note('older', 4, 10) }),
      bundle({ note: note('newer', 2, 20) }),
      99,
      ids,
    );
    expect(merged.note).toMatchObject({ body: 'newer', revision: 5 });
    expect(merged.conflicts).toEqual([
      expect.objectContaining({ body: 'older', baseRevision: 4, conflictOf: 5, createdAt: 99 }),
    ]);
  });

  it('never lets a deletion beat an edit made on the other side (the deleted text is in the trash)', () => {
    const base = bundle({ note: note('a', 1, 1) });
    const deleted = bundle({ trash: [trash('t1', 'a')] });
    const edited = bundle({ note: note('edited', 2, 5) });
    const merged = mergeBundles(base, deleted, edited, 9);
    expect(merged.note?.body).toBe('edited');
    expect(merged.trash.map((t) => t.id)).toEqual(['t1']);
  });

  it('merges highlights per id: new on both sides kept, deleted stays deleted unless edited elsewhere', () => {
    const base = bundle({
      highlights: [highlight('h1', 'yellow', 1), highlight('h2', 'yellow', 1)],
    });
    const local = bundle({
      highlights: [highlight('h2', 'yellow', 1), highlight('h3', 'green', 2)],
    }); // deleted h1
    const remote = bundle({
      highlights: [
        highlight('h1', 'yellow', 1),
        highlight('h2', 'pink', 3),
        highlight('h4', 'blue', 2),
      ],
    });
    const merged = mergeBundles(base, local, remote, 9);
    expect(merged.highlights.map((h) => `${h.id}:${h.color}`).sort()).toEqual([
      'h2:pink',
      'h3:green',
      'h4:blue',
    ]);
    // Deleted here, recoloured there: the recoloured one survives.
    const recoloured = bundle({
      highlights: [highlight('h1', 'pink', 4), highlight('h2', 'yellow', 1)],
    });
    expect(
      mergeBundles(base, local, recoloured, 9)
        .highlights.map((h) => h.id)
        .sort(),
    ).toEqual(['h1', 'h2', 'h3']);
  });

  it('treats conflict copies and trash entries as sets: removal on one side (resolved, restored, emptied) wins', () => {
    const base = bundle({ trash: [trash('t1', 'x'), trash('t2', 'y')] });
    const local = bundle({ trash: [trash('t2', 'y'), trash('t3', 'z')] }); // restored t1, deleted anew t3
    const remote = bundle({ trash: [trash('t1', 'x'), trash('t2', 'y'), trash('t4', 'w')] });
    expect(
      mergeBundles(base, local, remote, 9)
        .trash.map((t) => t.id)
        .sort(),
    ).toEqual(['t2', 't3', 't4']);
  });
});
