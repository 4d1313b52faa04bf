import { afterEach, describe, expect, it } from 'vitest';
import { LibraryEngine } from '@/utils/library/engine';
import { buildLibraryRows, filterRows, sortRows } from '@/utils/library/query';
import { loadLibraryRows, loadRecentRows } from '@/utils/library/load-rows';
import { searchLibrary, createLibraryIndex, syncLibraryIndex } from '@/utils/library/search';
import type { JakLensDB } from '@/utils/storage/db';
import { isToWorker } from '@/entrypoints/dashboard/library-protocol';
import { watchTables } from '@/utils/storage/watch';
import { generateLibrary, seedLibrary } from '../../support/library-data';
import { freshDatabase } from '../../support/fresh-database';

const data = generateLibrary(400);
const rows = buildLibraryRows(data.articles, data.notes, data.highlights);

describe('library engine (the worker’s query logic)', () => {
  const engine = new LibraryEngine();
  engine.setRows(rows, true);

  it('answers a page of the same rows, in the same order, as search + filter + sort on all rows', () => {
    const index = createLibraryIndex();
    syncLibraryIndex(index, rows);
    for (const [query, filter, sort] of [
      ['calcinosis', {}, 'edited'],
      ['mda5 l', { status: 'read' }, 'year'],
      ['', { tag: 'TAG-3' }, 'title'],
      ['zzzz', {}, 'edited'],
    ] as const) {
      const hits = searchLibrary(index, query);
      const expected = filterRows(
        sortRows(hits ? rows.filter((r) => hits.has(r.key)) : rows, sort),
        filter,
      );
      const result = engine.run({ query, filter, sort, limit: 25 }, 7);
      expect(result.rows.map((r) => r.key)).toEqual(expected.slice(0, 25).map((r) => r.key));
      expect(result).toMatchObject({ query, seq: 7, shown: expected.length, total: 400 });
      expect(result.complete).toBe(true);
    }
  });

  it('sends the opened row whatever the search, and null once it left the library', () => {
    const query = { query: 'zzzz', filter: {}, sort: 'edited', limit: 10 } as const;
    expect(engine.run({ ...query, open: 'pmid:10000005' }, 1).open).toEqual({
      key: 'pmid:10000005',
      row: rows.find((r) => r.key === 'pmid:10000005'),
    });
    expect(engine.run({ ...query, open: 'pmid:1' }, 1).open).toEqual({ key: 'pmid:1', row: null });
  });

  it('gives whole row sets for exports, and facets of the whole library', () => {
    expect(engine.rowsOf('all')).toHaveLength(400);
    expect(engine.rowsOf(new Set(['pmid:10000003', 'pmid:10000001'])).map((r) => r.key)).toEqual([
      'pmid:10000003',
      'pmid:10000001',
    ]);
    const { facets } = engine.run({ query: '', filter: {}, sort: 'edited', limit: 0 }, 1);
    expect(facets.tags).toContain('review');
    expect(facets.drugs).toHaveLength(4);
  });

  it('follows new rows: an edited note is found by its new words, a removed row is gone', () => {
    const edited = rows
      .filter((r) => r.key !== 'pmid:10000002')
      .map((r) =>
        r.key === 'pmid:10000009'
          ? { ...r, note: { ...r.note!, body: 'secukinumab', revision: 50 } }
          : r,
      );
    const live = new LibraryEngine();
    live.setRows(rows, true);
    expect(live.run({ query: 'secukin', filter: {}, sort: 'edited', limit: 5 }, 1).shown).toBe(0);
    live.setRows(edited, true);
    const after = live.run({ query: 'secukin', filter: {}, sort: 'edited', limit: 5 }, 2);
    expect(after.rows.map((r) => r.key)).toEqual(['pmid:10000009']);
    expect(live.run({ query: '', filter: {}, sort: 'edited', limit: 5 }, 3).total).toBe(399);
  });

  it('says when it holds only the first screen', () => {
    const first = new LibraryEngine();
    first.setRows(rows.slice(0, 3), false);
    expect(first.run({ query: '', filter: {}, sort: 'edited', limit: 5 }, 1)).toMatchObject({
      complete: false,
      total: 3,
    });
  });
});

describe('first screen from the database', () => {
  let db: JakLensDB | undefined;
  afterEach(async () => db?.delete());

  it('reads the most recently edited notes’ rows, equal to those rows of the full read', async () => {
    db = freshDatabase('first-screen');
    await seedLibrary(db, data);
    const recent = await loadRecentRows(db, 20);
    const all = sortRows(await loadLibraryRows(db), 'edited');
    expect(sortRows(recent, 'edited')).toEqual(all.slice(0, 20));
  });
});

describe('library worker messages', () => {
  it('accepts the page’s query and row requests', () => {
    const query = { query: 'a', filter: { tag: 'x' }, sort: 'title', limit: 200, open: 'pmid:1' };
    expect(isToWorker({ type: 'query', seq: 1, query })).toBe(true);
    expect(isToWorker({ type: 'rows', id: 2, keys: 'shown' })).toBe(true);
    expect(isToWorker({ type: 'rows', id: 2, keys: ['pmid:1'] })).toBe(true);
  });

  it.each([
    ['no type', { seq: 1 }],
    [
      'an unknown sort',
      { type: 'query', seq: 1, query: { query: '', filter: {}, sort: 'x', limit: 1 } },
    ],
    [
      'a filter value not text',
      { type: 'query', seq: 1, query: { query: '', filter: { tag: 1 }, sort: 'year', limit: 1 } },
    ],
    ['keys not text', { type: 'rows', id: 1, keys: [1] }],
    ['a fractional id', { type: 'rows', id: 1.5, keys: 'all' }],
    ['null', null],
  ])('refuses %s', (_what, message) => {
    expect(isToWorker(message)).toBe(false);
  });
});

describe('watching the library’s tables', () => {
  it('calls back on a commit to a watched table only', async () => {
    const db = freshDatabase('watch');
    // Opening (creating) a database signals every table once; watch from after that.
    await db.open();
    const changes: string[] = [];
    const stop = watchTables(db, ['notes', 'highlights'], () => changes.push('change'));
    try {
      await db.recent.put({ key: 'pmid:1', title: 't', url: 'https://x/', seenAt: 1 } as never);
      expect(changes).toEqual([]);
      await seedLibrary(db, generateLibrary(2));
      expect(changes.length).toBeGreaterThan(0);
    } finally {
      stop();
      await db.delete();
    }
  });
});
