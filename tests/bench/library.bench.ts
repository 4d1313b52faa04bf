import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/db';
import { serializeBackup } from '@/utils/export-json';
import { planImport } from '@/utils/import-plan';
import { parseBackup } from '@/utils/import-json';
import { buildLibraryRows, filterRows, sortRows, type LibraryRow } from '@/utils/library-query';
import { createLibraryIndex, searchLibrary, syncLibraryIndex } from '@/utils/library-search';
import { BACKUP_FORMAT } from '@/utils/backup-schema';
import { generateLibrary } from '../support/library-data';
import { miniSearchContender } from './minisearch-contender';

const SIZES = [1_000, 10_000];
/** What a reader types, one keystroke at a time; each prefix is one search. */
const TYPED = ['calcinosis dose', 'tofacitinib', 'MDA5 lung', 'interferon signature children'];
const ROUNDS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const fmt = (x: number) => x.toFixed(2).padStart(9);

/** The keystroke work of the library page: search, filter, sort (render is capped at 200 rows). */
function keystrokes(run: (query: string) => LibraryRow[]): number[] {
  const times: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    for (const phrase of TYPED) {
      for (let i = 1; i <= phrase.length; i++) {
        const t = performance.now();
        run(phrase.slice(0, i));
        if (round >= 0) times.push(performance.now() - t);
      }
    }
  }
  return times;
}

describe('library bench', () => {
  const results: Record<number, Record<string, number>> = {};

  it.each(SIZES)('search and import at %i articles', async (size) => {
    const data = generateLibrary(size);
    const rows = buildLibraryRows(data.articles, data.notes, data.highlights);

    let t = performance.now();
    const index = createLibraryIndex();
    syncLibraryIndex(index, rows);
    const buildMs = performance.now() - t;
    // An edit re-indexes one row (median of several edits).
    const resyncs: number[] = [];
    for (let edit = 1; edit <= 7; edit++) {
      rows[edit] = { ...rows[edit]!, note: { ...rows[edit]!.note!, body: 'edited', revision: 99 } };
      t = performance.now();
      expect(syncLibraryIndex(index, rows)).toBe(1);
      resyncs.push(performance.now() - t);
    }
    const resyncMs = median(resyncs);
    // As on the library page: rows are sorted once; a keystroke searches and filters.
    const sorted = sortRows(rows, 'edited');
    const keystroke = (search: (q: string) => Set<string> | null) => (q: string) => {
      const hits = search(q);
      return filterRows(hits ? sorted.filter((r) => hits.has(r.key)) : sorted, {});
    };
    const scan = keystrokes(keystroke((q) => searchLibrary(index, q)));
    t = performance.now();
    const contender = miniSearchContender(rows);
    const miniBuildMs = performance.now() - t;
    const mini = keystrokes(keystroke(contender));

    const text = serializeBackup({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date(0).toISOString(),
      ...data,
      noteConflicts: [],
      trash: [],
      recent: [],
    });
    t = performance.now();
    expect(parseBackup(text).ok).toBe(true);
    const parseMs = performance.now() - t;
    const db = openDatabase(`bench-${size}-${crypto.randomUUID()}`);
    t = performance.now();
    const plan = await planImport(db, text);
    if (!plan.ok) throw new Error(plan.error);
    await plan.apply();
    const importMs = performance.now() - t;
    expect(await db.notes.count()).toBe(size);
    await db.delete();

    results[size] = {
      buildMs,
      resyncMs,
      scanMedian: median(scan),
      scanP95: p95(scan),
      miniMedian: median(mini),
      miniP95: p95(mini),
      miniBuildMs,
      parseMs,
      importMs,
      megabytes: text.length / 1024 / 1024,
    };
  });

  it('prints the figures', () => {
    const [small, large] = SIZES.map((s) => results[s]!);
    if (!small || !large) return;
    const rows: [string, keyof typeof small][] = [
      ['library search keystroke, median ms', 'scanMedian'],
      ['library search keystroke, p95 ms', 'scanP95'],
      ['library index build, ms', 'buildMs'],
      ['re-index after one edit, ms', 'resyncMs'],
      ['(MiniSearch) keystroke, median ms', 'miniMedian'],
      ['(MiniSearch) keystroke, p95 ms', 'miniP95'],
      ['(MiniSearch) index build, ms', 'miniBuildMs'],
      ['backup parse + validate, ms', 'parseMs'],
      ['import (plan + apply), ms', 'importMs'],
      ['backup size, MB', 'megabytes'],
    ];
    const lines = [
      `\nLibrary bench (Node ${process.version}, fake-indexeddb; keystrokes: ${TYPED.length} phrases × ${ROUNDS} rounds, median)`,
      `${'measure'.padEnd(36)}${'1,000'.padStart(9)}${'10,000'.padStart(9)}   growth`,
      ...rows.map(
        ([label, key]) =>
          `${label.padEnd(36)}${fmt(small[key]!)}${fmt(large[key]!)}   ×${(large[key]! / small[key]!).toFixed(1)}`,
      ),
    ];
    console.log(lines.join('\n'));
  });
});
