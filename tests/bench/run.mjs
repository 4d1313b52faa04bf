/**
 * `npm run bench`: JAK Lens's highlight pass against a floor and mark.js in real headless Chromium,
 * on the PMC full-text capture (×1) and on ten copies of it (×10). Prints medians and ratios;
 * asserts nothing. See tests/bench/page-entry.ts for what runs inside the page.
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_ROUNDS (default 12, at least 10),
 * BENCH_CHUNKED_ONLY=1 to run only the long-task check on the ×10 page.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { launchChromium } from '../support/chromium.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const PAGE_URL = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/';
const CAPTURE = readFileSync(here('../fixtures/pmc-article/PMC8885717.html'), 'utf8');
const MARK_JS = readFileSync(here('../../node_modules/mark.js/dist/mark.min.js'), 'utf8');
const ROUNDS = Math.max(10, Number(process.env.BENCH_ROUNDS) || 12);
const CONTENDERS = ['floor', 'writeFloor', 'jaklens', 'markRegExp', 'markTerms'];
const LABELS = {
  floor: '(a) floor: TreeWalker + RegExp scan',
  writeFloor: '(a2) floor + bare wrap (no checks/undo)',
  jaklens: '(b) JAK Lens applyHighlights',
  markRegExp: '(c1) mark.js markRegExp',
  markTerms: '(c2) mark.js mark(terms)',
};

/** Bundles the highlighter and the bench harness into one classic script for addScriptTag. */
async function bundlePageScript() {
  const out = await build({
    input: here('./page-entry.ts'),
    write: false,
    platform: 'browser',
    logLevel: 'warn',
    output: { format: 'iife' },
  });
  return out.output[0].code;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (x, digits = 2) => x.toFixed(digits);

/** Runs every contender once per round, rotating the order each round; returns medians. */
async function benchScale(page, scale) {
  const elements = await page.evaluate((s) => window.__jlBench.setScale(s), scale);
  const times = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
  const counts = {};
  for (let round = -1; round < ROUNDS; round++) {
    for (let k = 0; k < CONTENDERS.length; k++) {
      const contender = CONTENDERS[(k + Math.max(round, 0)) % CONTENDERS.length];
      await page.evaluate(() => window.__jlBench.restore());
      const { ms, count } = await page.evaluate((c) => window.__jlBench.measure(c), contender);
      // Round -1 warms up the JIT and is not counted.
      if (round >= 0) times[contender].push(ms);
      counts[contender] = count;
    }
  }
  const medians = Object.fromEntries(CONTENDERS.map((c) => [c, median(times[c])]));
  return { scale, elements, medians, counts };
}

function printScale({ scale, elements, medians, counts }) {
  console.log(`\n×${scale} page (${elements} elements), median of ${ROUNDS} alternating rounds`);
  console.log(
    'contender                                 median ms   × floor   ÷ mark.js RegExp   hits',
  );
  for (const c of CONTENDERS) {
    const row = [
      LABELS[c].padEnd(40),
      fmt(medians[c]).padStart(10),
      fmt(medians[c] / medians.floor).padStart(9),
      fmt(medians[c] / medians.markRegExp).padStart(18),
      String(counts[c]).padStart(6),
    ];
    console.log(row.join(' '));
  }
}

async function benchChunked(page, scale, runs = 3) {
  await page.evaluate((s) => window.__jlBench.setScale(s), scale);
  const results = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => window.__jlBench.restore());
    results.push(await page.evaluate(() => window.__jlBench.measureChunked()));
  }
  const longest = Math.max(0, ...results.flatMap((r) => r.longTasks));
  const maxChunk = Math.max(...results.flatMap((r) => r.chunks));
  const worst = results.find((x) => x.chunks.includes(maxChunk));
  const where = worst
    ? ` (chunk ${worst.chunks.indexOf(maxChunk) + 1} of ${worst.chunks.length})`
    : '';
  const r = results[results.length - 1];
  console.log(
    `\napplyHighlightsChunked on ×${scale} (default 8 ms budget, ${runs} runs): ` +
      `${r.count} marks in ${r.chunks.length} chunks, wall ${fmt(median(results.map((x) => x.wallMs)))} ms median; ` +
      `longest chunk ${fmt(maxChunk)} ms${where}; ` +
      `longest task over 50 ms seen by PerformanceObserver('longtask'): ${longest ? `${fmt(longest)} ms` : 'none'}`,
  );
  return { longest, maxChunk };
}

async function main() {
  const script = await bundlePageScript();
  const { context, close } = await launchChromium({ args: ['--js-flags=--expose-gc'] });
  try {
    // Only the capture itself is served; its scripts, styles and images are refused, offline.
    await context.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({ body: CAPTURE, contentType: 'text/html; charset=utf-8' })
        : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    await page.addScriptTag({ content: MARK_JS });
    await page.addScriptTag({ content: script });
    console.log(`Chromium ${context.browser()?.version() ?? ''}, ${PAGE_URL}`);

    if (process.env.BENCH_CHUNKED_ONLY) {
      await benchChunked(page, 10, 5);
      return;
    }
    const one = await benchScale(page, 1);
    printScale(one);
    const ten = await benchScale(page, 10);
    printScale(ten);

    console.log('\nGrowth ×10 / ×1 (linear would be 10):');
    for (const c of CONTENDERS) {
      console.log(`  ${LABELS[c].padEnd(40)} ${fmt(ten.medians[c] / one.medians[c])}`);
    }
    await benchChunked(page, 1);
    await benchChunked(page, 10, 5);
  } finally {
    await close();
  }
}

await main();
