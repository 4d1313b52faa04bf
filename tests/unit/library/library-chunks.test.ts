import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryEngine, type LibraryQuery, type LibraryResult } from '@/utils/library/engine';
import { buildLibraryRows, sortRows, type LibraryRow } from '@/utils/library/query';
import { inChunk, loadLibraryChunk, loadLibraryRows } from '@/utils/library/load-rows';
import { matchesText, textOf } from '@/utils/library/search-rule';
import type { JakLensDB, NoteConflict } from '@/utils/storage/db';
import { startLibraryService } from '@/entrypoints/dashboard/library-service';
import type { FromWorker } from '@/entrypoints/dashboard/library-protocol';
import { generateLibrary, seedLibrary } from '../../support/library-data';
import { freshDatabase } from '../../support/fresh-database';

/**
 * Reading the library in chunks (utils/library/load-rows.ts loadLibraryChunk), feeding them to the
 * engine as they come (engine.putRows) and answering over what is read so far
 * (entrypoints/dashboard/library-service.ts): the chunks make up the whole library, an engine fed in
 * chunks answers as one given every row at once, and the answers given meanwhile say they are
 * partial and hold only true matches.
 */

const data = generateLibrary(120);
data.notes[7]!.body = 'Tofacitinib helped the calcinosis';
const rows = buildLibraryRows(data.articles, data.notes, data.highlights);
const byKey = (a: LibraryRow, b: LibraryRow) => (a.key < b.key ? -1 : 1);

const queries: LibraryQuery[] = [
  { query: '', filter: {}, sort: 'edited', limit: 30 },
  { query: 'calcinosis', filter: {}, sort: 'title', limit: 10 },
  { query: 'mda5 l', filter: { status: 'read' }, sort: 'year', limit: 200 },
  { query: 'tofacitinib calc', filter: {}, sort: 'edited', limit: 5 },
  { query: 'Article 1', filter: { tag: 'TAG-3' }, sort: 'title', limit: 50 },
];
const view = (r: LibraryResult) => ({ ...r, rows: r.rows.map((x) => x.key) });

/** Splits `all` (in key order) at the given positions into chunks with their key ranges. */
function chunksOf(all: LibraryRow[], cuts: number[]) {
  const sorted = [...all].sort(byKey);
  const ends = [...new Set(cuts.map((c) => Math.min(c, sorted.length)))].sort((a, b) => a - b);
  const chunks: { rows: LibraryRow[]; after?: string; upTo?: string }[] = [];
  let start = 0;
  let after: string | undefined;
  for (const end of [...ends.filter((e) => e > 0 && e < sorted.length), sorted.length]) {
    const upTo = end === sorted.length ? undefined : sorted[end - 1]!.key;
    chunks.push({ rows: sorted.slice(start, end), after, upTo });
    start = end;
    after = upTo;
  }
  return chunks;
}

describe('library engine fed in chunks', () => {
  it('answers every query as an engine given all the rows at once, however the chunks fall', () => {
    const whole = new LibraryEngine();
    whole.setRows(rows, true);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 130 }), { maxLength: 8 }),
        fc.subarray(rows.map((r) => r.key)),
        fc.constantFrom(...queries),
        (cuts, stale, early) => {
          const engine = new LibraryEngine();
          // What an earlier read left: some rows (with old text), and one no longer in the library.
          engine.setRows(
            [
              ...rows
                .filter((r) => stale.includes(r.key))
                .map((r) => ({ ...r, title: 'stale', lastEdited: 1 })),
              { ...rows[0]!, key: 'pmid:gone' },
            ],
            false,
          );
          // A query before the chunks, so the engine's sorted orders and caches are in use.
          engine.run(early, 1);
          const chunks = chunksOf(rows, cuts);
          chunks.forEach((c, i) =>
            engine.putRows(c.rows, (key) => inChunk(key, c.after, c.upTo), i === chunks.length - 1),
          );
          for (const q of queries) expect(view(engine.run(q, 2))).toEqual(view(whole.run(q, 2)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says what it holds while partial: the rows read so far, their true matches, the rows expected', () => {
    const engine = new LibraryEngine();
    engine.expect(rows.length);
    const [first, second] = chunksOf(rows, [40, 80]);
    engine.putRows(first!.rows, (key) => inChunk(key, first!.after, first!.upTo), false);
    engine.putRows(second!.rows, (key) => inChunk(key, second!.after, second!.upTo), false);
    const read = [...first!.rows, ...second!.rows];
    const result = engine.run({ query: 'calcinosis', filter: {}, sort: 'edited', limit: 500 }, 3);
    const expected = sortRows(read, 'edited').filter((r) => matchesText(textOf(r), 'calcinosis'));
    expect(result).toMatchObject({ complete: false, total: 80, expected: 120 });
    expect(result.rows.map((r) => r.key)).toEqual(expected.map((r) => r.key));
  });
});

describe('reading the library in chunks', () => {
  let db: JakLensDB | undefined;
  afterEach(async () => db?.delete());

  it('reads, chunk by chunk, exactly the rows of the one-transaction read', async () => {
    db = freshDatabase('chunks');
    await seedLibrary(db, data);
    // Articles known only by a highlight or a conflict copy, before and after every note's key.
    const lone = { ...data.highlights[0]!, id: 'h-lone', articleKey: 'pmid:99999999' };
    await db.highlights.put(lone);
    const conflict: NoteConflict = {
      id: 'c-1',
      articleKey: 'doi:10.1000/x',
      body: 'the other tab’s text',
      tags: [],
      status: 'to-read',
      baseRevision: 1,
      conflictOf: 2,
      createdAt: 5,
    };
    await db.noteConflicts.bulkPut([
      conflict,
      { ...conflict, id: 'c-2', articleKey: 'pmid:10000003' },
    ]);
    for (const size of [1, 7, 50, 500]) {
      const read: LibraryRow[] = [];
      let after: string | undefined;
      let chunks = 0;
      for (;;) {
        const chunk = await loadLibraryChunk(db, after, size);
        for (const r of chunk.rows) expect(inChunk(r.key, after, chunk.upTo)).toBe(true);
        read.push(...chunk.rows);
        chunks++;
        if (chunk.upTo === undefined) break;
        after = chunk.upTo;
      }
      expect(read.sort(byKey), `chunks of ${size}`).toEqual(
        (await loadLibraryRows(db)).sort(byKey),
      );
      expect(chunks).toBeGreaterThanOrEqual(Math.ceil(120 / size));
    }
  });
});

describe('library service while it reads', () => {
  let db: JakLensDB | undefined;
  afterEach(async () => db?.delete());

  it('answers a query over the rows read so far, says so, then answers over the whole library', async () => {
    db = freshDatabase('service');
    const big = generateLibrary(400);
    await seedLibrary(db, big);
    const all = buildLibraryRows(big.articles, big.notes, big.highlights);
    const messages: FromWorker[] = [];
    const service = startLibraryService(db, (m) => messages.push(structuredClone(m)), {
      chunkRows: 40,
    });
    const query: LibraryQuery = { query: 'calcinosis', filter: {}, sort: 'edited', limit: 1000 };
    service.handle({ type: 'query', seq: 1, query });
    // Asked before the library is read: an export waits for all of it.
    service.handle({ type: 'rows', id: 2, keys: 'all' });
    try {
      await expect
        .poll(() => messages.some((m) => m.type === 'result' && m.result.complete), {
          timeout: 10_000,
        })
        .toBe(true);
      const results = messages.flatMap((m) => (m.type === 'result' ? [m.result] : []));
      const partial = results.filter((r) => !r.complete);
      // The first answer holds the first screen only; a later one can hold every row but not know
      // it yet (the read ends with an empty chunk when the notes fill the last one).
      expect(partial[0]?.total).toBeLessThan(400);
      for (const r of partial) {
        expect(r.total).toBeLessThanOrEqual(400);
        expect(r.expected).toBe(400);
        for (const row of r.rows) expect(matchesText(textOf(row), 'calcinosis')).toBe(true);
      }
      const final = results.at(-1)!;
      const expected = sortRows(all, 'edited').filter((r) => matchesText(textOf(r), 'calcinosis'));
      expect(final).toMatchObject({ complete: true, total: 400, shown: expected.length });
      expect(final.rows.map((r) => r.key)).toEqual(expected.map((r) => r.key));
      const exported = messages.find((m) => m.type === 'rows');
      expect(exported).toMatchObject({ type: 'rows', id: 2, complete: true });
      expect(exported?.type === 'rows' && exported.rows.length).toBe(400);
      // Sent after the last partial answer: nothing short was exported.
      const lastPartial = messages
        .map((m) => m.type === 'result' && !m.result.complete)
        .lastIndexOf(true);
      expect(messages.indexOf(exported!)).toBeGreaterThan(lastPartial);
    } finally {
      service.stop();
    }
  });
});
