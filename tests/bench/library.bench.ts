import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import { readBackup, serializeBackup } from '@/utils/library/export-json';
import { planImport } from '@/utils/library/import-plan';
import { parseBackup } from '@/utils/library/import-json';
import {
  buildLibraryRows,
  facetsOf,
  filterRows,
  sortRows,
  type LibraryRow,
} from '@/utils/library/query';
import { loadLibraryRows } from '@/utils/library/load-rows';
import { createLibraryIndex, searchLibrary, syncLibraryIndex } from '@/utils/library/search';
import { BACKUP_FORMAT } from '@/utils/library/backup-schema';
import { generateLibrary } from '../support/library-data';
import { miniSearchContender } from './minisearch-contender';

const SIZES = [1_000, 10_000, 50_000];
/** The largest size MiniSearch (the contender) is measured at. */
const MINI_MAX_SIZE = 10_000;
/** Openings and exports timed per size (median). */
const REPEATS = 3;
/** Read by the combined bench report (keep the key names). */
const REPORT = '.tmp/bench/library.json';
/** What a reader types, one keystroke at a time; each prefix is one search. */
const TYPED = ['calcinosis dose', 'tofacitinib', 'MDA5 lung', 'interferon signature children'];
const ROUNDS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const fmt = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2)).padStart(10);

/** Median of `REPEATS` timed runs of `run`. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Opening the library page: read the tables into rows, index them, sort by last edit, apply the
 * (empty) filter, collect the filter menus — what LibraryView does before its first render.
 */
async function openLibrary(db: JakLensDB): Promise<number> {
  const rows = await loadLibraryRows(db);
  syncLibraryIndex(createLibraryIndex(), rows);
  const shown = filterRows(sortRows(rows, 'edited'), {});
  facetsOf(rows);
  return shown.length;
}

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
    const started = performance.now();
    const progress = (step: string) =>
      process.stderr.write(
        `[library bench ${size}] ${step} at ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
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
    const keystroke = (search: (q: string) => ReadonlySet<string> | null) => (q: string) => {
      const hits = search(q);
      return filterRows(hits ? sorted.filter((r) => hits.has(r.key)) : sorted, {});
    };
    progress('index built');
    const scan = keystrokes(keystroke((q) => searchLibrary(index, q)));
    progress('keystrokes');
    // The contender is measured up to MINI_MAX_SIZE: at 50,000 its keystrokes alone take minutes.
    let mini: number[] = [NaN];
    let miniBuildMs = NaN;
    if (size <= MINI_MAX_SIZE) {
      t = performance.now();
      const contender = miniSearchContender(rows);
      miniBuildMs = performance.now() - t;
      mini = keystrokes(keystroke(contender));
    }

    progress('MiniSearch keystrokes');
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
    progress('parsed');
    const db = openDatabase(`bench-${size}-${crypto.randomUUID()}`);
    t = performance.now();
    const plan = await planImport(db, text);
    if (!plan.ok) throw new Error(plan.error);
    await plan.apply();
    const importMs = performance.now() - t;
    expect(await db.notes.count()).toBe(size);
    progress('imported');
    const openMs = await timed(async () => expect(await openLibrary(db)).toBe(size));
    const exportMs = await timed(async () =>
      expect(serializeBackup(await readBackup(db)).length).toBeGreaterThan(text.length / 2),
    );
    progress('opened and exported');
    await db.delete();

    progress(
      `done: ${JSON.stringify({ searchMedianMs: median(scan), importMs, openMs, exportMs })}`,
    );
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
      openMs,
      exportMs,
      megabytes: text.length / 1024 / 1024,
    };
  });

  it('prints the figures and writes them for the combined report', () => {
    // The sizes that finished (a size that timed out is left out, not reported as zero).
    const sizes = SIZES.filter((s) => results[s]);
    const at = sizes.map((s) => results[s]!);
    expect(at.length).toBeGreaterThan(0);
    const rows: [string, string][] = [
      ['library search keystroke, median ms', 'scanMedian'],
      ['library search keystroke, p95 ms', 'scanP95'],
      ['library index build, ms', 'buildMs'],
      ['re-index after one edit, ms', 'resyncMs'],
      ['(MiniSearch) keystroke, median ms', 'miniMedian'],
      ['(MiniSearch) keystroke, p95 ms', 'miniP95'],
      ['(MiniSearch) index build, ms', 'miniBuildMs'],
      ['backup parse + validate, ms', 'parseMs'],
      ['import (plan + apply), ms', 'importMs'],
      ['library opening (rows, index, sort), ms', 'openMs'],
      ['full JSON export, ms', 'exportMs'],
      ['backup size, MB', 'megabytes'],
    ];
    const growth = (key: string) =>
      at
        .slice(1)
        .map((c, i) => c[key]! / at[i]![key]!)
        .map((ratio) => (Number.isNaN(ratio) ? '–' : `×${ratio.toFixed(1)}`))
        .join(' ');
    const lines = [
      `\nLibrary bench (Node ${process.version}, fake-indexeddb; keystrokes: ${TYPED.length} phrases × ${ROUNDS} rounds, median; opening and export: median of ${REPEATS})`,
      `${'measure'.padEnd(40)}${sizes.map((s) => s.toLocaleString('en').padStart(10)).join('')}   growth (each size over the previous)`,
      ...rows.map(
        ([label, key]) =>
          `${label.padEnd(40)}${at.map((c) => fmt(c[key]!)).join('')}   ${growth(key)}`,
      ),
    ];
    console.log(lines.join('\n'));
    mkdirSync('.tmp/bench', { recursive: true });
    const report = {
      rows: sizes.map((articles, i) => ({
        articles,
        searchMedianMs: at[i]!.scanMedian,
        searchP95Ms: at[i]!.scanP95,
        importMs: at[i]!.importMs,
        exportMs: at[i]!.exportMs,
        openMs: at[i]!.openMs,
      })),
    };
    writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
    expect(report.rows.every((r) => Object.values(r).every(Number.isFinite))).toBe(true);
  });
});
