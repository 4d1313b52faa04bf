/**
 * `npm run bench:library-page` (also a part of `npm run bench`): the library page of the BUILT
 * extension (.output/chrome-mv3) in real headless Chromium, on its real IndexedDB, at 10,000 and
 * 50,000 annotated articles. Writes .tmp/bench/library-page.json and prints median and p95. A
 * measurement, not a test: it asserts nothing about the figures.
 *
 * Seeding: the generated library of tests/support/library-data.ts (the unit bench's data: every
 * article has a note, one in three two highlights) is written DIRECTLY into the extension's IndexedDB
 * from one of its own pages (plain IndexedDB puts into the Dexie tables, in chunks), not through the
 * page's import: the import is measured by `npm run bench:library`, and seeding 50,000 articles this
 * way takes seconds. The 10,000 are the first 10,000 of the 50,000, so one profile serves both.
 *
 * Measured in the page, on its own clock (performance.now(), 0 = navigation start), by an init script:
 * - open → rows: a MutationObserver sees the first `.library-row`; the figure is the next animation
 *   frame after it (rows on screen), from navigation start.
 * - keystroke → results: a real key (CDP Input.dispatchKeyEvent) into the search field; from the
 *   keydown event's timeStamp to the first animation frame at which the shown results are those of
 *   the field's value (the `.search-count` element's `data-query`). While the library is still being
 *   read those are the matches among the articles read so far (the line says "searching n of N"):
 *   "keystroke → results" counts them; "keystroke → complete results" waits until the answer is
 *   the whole library's (no `aria-busy` either). A build without `data-query` — the one before the
 *   worker — renders results in the input's own task, so there both are the next frame. Driver
 *   polling only waits for the figures; it is not part of them. Each open types one phrase right
 *   after the rows are on screen, so the first keystroke after opening is measured too (reported on
 *   its own as well). The load average is recorded before and after each size.
 *
 * Environment: CHROME_PATH, BENCH_EXT_BUILD=1 to rebuild first, BENCH_LIBRARY_PAGE_SIZES
 * (default "10000,50000"), BENCH_LIBRARY_PAGE_OPENS (default 6).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg as osLoadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { launchChromium } from '../support/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const OUT_DIR = join(ROOT, '.tmp/bench');
const SIZES = (process.env.BENCH_LIBRARY_PAGE_SIZES ?? '10000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const OPENS = Math.max(2, Number(process.env.BENCH_LIBRARY_PAGE_OPENS) || 6);
/** What a reader types (as in tests/bench/library.bench.ts); one phrase per open. */
const TYPED = ['calcinosis dose', 'tofacitinib', 'MDA5 lung', 'interferon signature children'];
/** Pause between keys: a quick typist (≈ 110 words a minute). */
const KEY_GAP_MS = 110;
const SEED_CHUNK = 2_500;
export const SEEDING =
  'seeded directly into the extension’s IndexedDB from an extension page (plain IndexedDB puts into the Dexie tables), not through the import';

if (!existsSync(join(EXTENSION, 'manifest.json')) || process.env.BENCH_EXT_BUILD) {
  const run = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npx wxt build failed with status ${run.status}`);
}

const { module: libraryData } = await runnerImport(join(ROOT, 'tests/support/library-data.ts'), {
  configFile: false,
  logLevel: 'error',
  root: ROOT,
});

const loadavg = () => osLoadavg().map((x) => Number(x.toFixed(2)));

/** Nearest-rank percentile. */
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const summary = (xs) => ({
  median: percentile(xs, 50),
  p95: percentile(xs, 95),
  max: Math.max(...xs),
  n: xs.length,
});

/** Runs in every page before its own scripts: records rows on screen and each search keystroke. */
function probe() {
  const log = { rowsDom: null, rows: null, keys: [] };
  globalThis.__jlLibraryBench = log;
  new MutationObserver(() => {
    if (log.rowsDom !== null || !document.querySelector('.library-row')) return;
    log.rowsDom = performance.now();
    requestAnimationFrame(() => (log.rows = performance.now()));
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener(
    'keydown',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'search') return;
      const sample = { key: event.key, at: event.timeStamp, shown: null, done: null };
      log.keys.push(sample);
      const tick = () => {
        const count = document.querySelector('.search-count');
        const forQuery = count?.getAttribute('data-query');
        const busy = count?.getAttribute('aria-busy') === 'true';
        const answered = forQuery === null || forQuery === undefined || forQuery === input.value;
        if (answered && sample.shown === null) sample.shown = performance.now();
        if (answered && !busy) sample.done = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    true,
  );
}

/** Runs in an extension page: puts one chunk of generated rows into the Dexie tables. */
async function putChunk({ articles, notes, highlights }) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('jak-lens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['articles', 'notes', 'highlights'], 'readwrite');
      for (const a of articles) tx.objectStore('articles').put(a);
      for (const n of notes) tx.objectStore('notes').put(n);
      for (const h of highlights) tx.objectStore('highlights').put(h);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

async function seed(page, data, from, to) {
  for (let start = from; start < to; start += SEED_CHUNK) {
    const end = Math.min(to, start + SEED_CHUNK);
    const keys = new Set(data.articles.slice(start, end).map((a) => a.key));
    await page.evaluate(putChunk, {
      articles: data.articles.slice(start, end),
      notes: data.notes.slice(start, end),
      highlights: data.highlights.filter((h) => keys.has(h.articleKey)),
    });
  }
}

const { context, close } = await launchChromium({ extensionPath: EXTENSION });
const result = { seeding: SEEDING, keyGapMs: KEY_GAP_MS, opens: OPENS, sizes: [] };
try {
  await context.addInitScript(probe);
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const url = `chrome-extension://${extensionId}/dashboard.html`;
  result.chromium = context.browser()?.version() ?? null;
  const page = await context.newPage();
  await page.goto(url);
  // The page's first open creates the database at the build's schema version; seed after that.
  await page.waitForFunction(() => document.querySelector('.library-table, .empty, .search-count'));
  const data = libraryData.generateLibrary(SIZES.at(-1));
  let seeded = 0;
  for (const size of SIZES) {
    const t = performance.now();
    await seed(page, data, seeded, size);
    seeded = size;
    const seedMs = performance.now() - t;
    process.stderr.write(`[library page ${size}] seeded in ${(seedMs / 1000).toFixed(1)} s\n`);
    const loadBefore = loadavg();
    const open = [];
    const keys = [];
    const firstKeys = [];
    const keysComplete = [];
    const firstKeysComplete = [];
    const laterKeys = [];
    for (let round = 0; round < OPENS; round++) {
      await page.goto(url);
      const rowsAt = await page.waitForFunction(() => globalThis.__jlLibraryBench.rows, undefined, {
        timeout: 120_000,
        polling: 50,
      });
      open.push(await rowsAt.jsonValue());
      // Type at once: the first keystroke after the rows appear is the one that used to freeze.
      await page.locator('input[type="search"]').click();
      const phrase = TYPED[round % TYPED.length];
      for (let i = 0; i < phrase.length; i++) {
        await page.keyboard.press(phrase[i] === ' ' ? 'Space' : phrase[i]);
        const done = await page.waitForFunction(
          (n) => {
            const s = globalThis.__jlLibraryBench.keys[n];
            return s?.done != null && [s.shown - s.at, s.done - s.at];
          },
          i,
          { timeout: 120_000, polling: 20 },
        );
        const [shownMs, doneMs] = await done.jsonValue();
        keys.push(shownMs);
        keysComplete.push(doneMs);
        (i === 0 ? firstKeys : laterKeys).push(shownMs);
        if (i === 0) firstKeysComplete.push(doneMs);
        await page.waitForTimeout(KEY_GAP_MS);
      }
      // The rows shown must be the search's: check the count line names the whole phrase's hits.
      const shown = await page.locator('.search-count').textContent();
      if (!/of \d|articles/.test(shown ?? '')) throw new Error(`no result count: ${shown}`);
    }
    const entry = {
      articles: size,
      seedMs,
      openMs: summary(open),
      keystrokeMs: summary(keys),
      firstKeystrokeMs: summary(firstKeys),
      keystrokeCompleteMs: summary(keysComplete),
      firstKeystrokeCompleteMs: summary(firstKeysComplete),
      // Every keystroke but the first of each phrase (the first answers over what is read so far).
      laterKeystrokeMs: summary(laterKeys),
      loadavg: { before: loadBefore, after: loadavg() },
    };
    result.sizes.push(entry);
    const f = (s) =>
      `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;
    console.log(`Library page, ${size.toLocaleString('en-US')} articles (${SEEDING}):`);
    console.log(`  open → rows on screen:     ${f(entry.openMs)}`);
    console.log(`  keystroke → results:       ${f(entry.keystrokeMs)}`);
    console.log(`  first keystroke → results: ${f(entry.firstKeystrokeMs)}`);
    console.log(`  keystroke → complete results:       ${f(entry.keystrokeCompleteMs)}`);
    console.log(`  first keystroke → complete results: ${f(entry.firstKeystrokeCompleteMs)}`);
    console.log(
      `  load average (1, 5, 15 min): before ${entry.loadavg.before.join(', ')}; after ${entry.loadavg.after.join(', ')}`,
    );
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'library-page.json'), JSON.stringify(result, null, 2));
} finally {
  await close();
}
