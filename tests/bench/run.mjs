/**
 * `npm run bench`: JAK Lens's highlight pass against a floor and mark.js in real headless Chromium,
 * on the PMC full-text capture (×1) and on ten copies of it (×10), with the stand-in terms; then
 * the real knowledge-base finder on that capture and on the derived JDM pages the e2e suites serve;
 * then the time-sliced pass under long-task, long-animation-frame and trace observation. Prints
 * medians and ratios, writes them to .tmp/bench/highlight.json, and asserts nothing. See
 * tests/bench/page-entry.ts for what runs inside the page.
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_ROUNDS (default 12, at least 10),
 * BENCH_CHUNKED_ONLY=1 to run only the long-task check on the ×10 page (BENCH_CHUNKED_RUNS times,
 * default 5), BENCH_TRACE_DIR to keep the raw traces of the time-sliced runs there.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { createServer } from 'vite';
import { launchChromium } from '../support/chromium.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const PAGE_URL = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/';
const CAPTURE = readFileSync(here('../fixtures/pmc-article/PMC8885717.html'), 'utf8');
const MARK_JS = readFileSync(here('../../node_modules/mark.js/dist/mark.min.js'), 'utf8');
const ROUNDS = Math.max(10, Number(process.env.BENCH_ROUNDS) || 12);
const JSON_OUT = here('../../.tmp/bench/highlight.json');
const CONTENDERS = ['floor', 'writeFloor', 'jaklens', 'markRegExp', 'markTerms'];
const REAL_CONTENDERS = ['realFloor', 'realJaklens'];
const LABELS = {
  floor: '(a) floor: TreeWalker + RegExp scan',
  writeFloor: '(a2) floor + bare wrap (no checks/undo)',
  jaklens: '(b) JAK Lens applyTermMarks',
  markRegExp: '(c1) mark.js markRegExp',
  markTerms: '(c2) mark.js mark(terms)',
  realFloor: '(r0) floor: knowledge-base RegExp scan',
  realJaklens: '(r1) JAK Lens with findMentions',
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
async function benchScale(page, scale, contenders = CONTENDERS) {
  const elements = await page.evaluate((s) => window.__jlBench.setScale(s), scale);
  const times = Object.fromEntries(contenders.map((c) => [c, []]));
  const counts = {};
  for (let round = -1; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(k + Math.max(round, 0)) % contenders.length];
      await page.evaluate(() => window.__jlBench.restore());
      const { ms, count } = await page.evaluate((c) => window.__jlBench.measure(c), contender);
      // Round -1 warms up the JIT and is not counted.
      if (round >= 0) times[contender].push(ms);
      counts[contender] = count;
    }
  }
  const medians = Object.fromEntries(contenders.map((c) => [c, median(times[c])]));
  // On a busy machine the OS preempts the browser mid-run; the fastest run shows the work itself.
  const mins = Object.fromEntries(contenders.map((c) => [c, Math.min(...times[c])]));
  return { scale, elements, medians, mins, counts };
}

/** The real finder against its own floor on the page already loaded in `page`. */
async function benchReal(page, name, scale) {
  const { elements, medians, mins, counts } = await benchScale(page, scale, REAL_CONTENDERS);
  const row = {
    page: name,
    scale,
    elements,
    hits: counts.realJaklens,
    floorMatches: counts.realFloor,
    floorMs: medians.realFloor,
    jaklensMs: medians.realJaklens,
    floorMinMs: mins.realFloor,
    jaklensMinMs: mins.realJaklens,
  };
  console.log(
    `  ${`${name} ×${scale}`.padEnd(22)} ${String(elements).padStart(7)} ${fmt(row.floorMs).padStart(9)} ` +
      `${fmt(row.jaklensMs).padStart(11)} ${fmt(row.jaklensMs / row.floorMs).padStart(8)} ` +
      `${String(row.floorMatches).padStart(8)} ${String(row.hits).padStart(6)} ` +
      `${fmt(row.floorMinMs).padStart(8)} ${fmt(row.jaklensMinMs).padStart(8)}`,
  );
  return row;
}

function printScale({ scale, elements, medians, mins, counts }) {
  console.log(`\n×${scale} page (${elements} elements), median of ${ROUNDS} alternating rounds`);
  console.log(
    'contender                                 median ms   × floor   ÷ mark.js RegExp   hits    min ms  min × floor',
  );
  for (const c of CONTENDERS) {
    const row = [
      LABELS[c].padEnd(40),
      fmt(medians[c]).padStart(10),
      fmt(medians[c] / medians.floor).padStart(9),
      fmt(medians[c] / medians.markRegExp).padStart(18),
      String(counts[c]).padStart(6),
      fmt(mins[c]).padStart(9),
      fmt(mins[c] / mins.floor).padStart(12),
    ];
    console.log(row.join(' '));
  }
}

/**
 * The renderer main thread's longest task while `run` goes on, from a CDP trace: its wall time
 * and its thread (CPU) time. Unlike the in-page observers this sees every task, rendering included,
 * and the CPU figure shows how much of a long wall time was the machine's other load.
 */
async function tracedLongestTask(page, run) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'disabled-by-default-devtools.timeline',
        'devtools.timeline',
        'v8',
        'blink',
      ],
    },
    transferMode: 'ReportEvents',
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  // Renderer main threads are named in the trace's metadata events.
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = { wallMs: 0, cpuMs: 0 };
  let maxCpu = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    if (e.dur / 1000 > longest.wallMs)
      longest = { wallMs: e.dur / 1000, cpuMs: (e.tdur ?? 0) / 1000 };
    maxCpu = Math.max(maxCpu, (e.tdur ?? 0) / 1000);
  }
  if (process.env.BENCH_TRACE_DIR) {
    mkdirSync(process.env.BENCH_TRACE_DIR, { recursive: true });
    writeFileSync(
      `${process.env.BENCH_TRACE_DIR}/trace-${Date.now()}.json`,
      JSON.stringify(events),
    );
  }
  return { result, longest, maxCpuMs: maxCpu };
}

async function benchChunked(page, scale, runs = 3) {
  await page.evaluate((s) => window.__jlBench.setScale(s), scale);
  const results = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => window.__jlBench.restore());
    const traced = await tracedLongestTask(page, () =>
      page.evaluate(() => window.__jlBench.measureChunked()),
    );
    results.push({ ...traced.result, traced: traced.longest, maxCpuMs: traced.maxCpuMs });
  }
  const longest = Math.max(0, ...results.flatMap((r) => r.longTasks));
  const longestBlocking = Math.max(
    0,
    ...results.flatMap((r) => r.longFrames.map((f) => f.blockingMs)),
  );
  const longestRender = Math.max(0, ...results.flatMap((r) => r.longFrames.map((f) => f.renderMs)));
  const maxChunk = Math.max(...results.flatMap((r) => r.chunks));
  const tracedWall = Math.max(...results.map((r) => r.traced.wallMs));
  const tracedWorst = results.find((r) => r.traced.wallMs === tracedWall)?.traced;
  const maxCpu = Math.max(...results.map((r) => r.maxCpuMs));
  const worst = results.find((x) => x.chunks.includes(maxChunk));
  const where = worst
    ? ` (chunk ${worst.chunks.indexOf(maxChunk) + 1} of ${worst.chunks.length})`
    : '';
  const r = results[results.length - 1];
  const wallMs = median(results.map((x) => x.wallMs));
  console.log(
    `\napplyHighlightsChunked on ×${scale} (default 8 ms budget, ${runs} runs): ` +
      `${r.count} marks in ${r.chunks.length} chunks, wall ${fmt(wallMs)} ms median; ` +
      `longest chunk ${fmt(maxChunk)} ms${where}; ` +
      `longest task over 50 ms seen by PerformanceObserver('longtask'): ${longest ? `${fmt(longest)} ms` : 'none'}; ` +
      `long animation frames: longest rendering step ${fmt(longestRender)} ms, most blocking ${fmt(longestBlocking)} ms; ` +
      `longest main-thread task in the trace: ${fmt(tracedWall)} ms wall, ${fmt(tracedWorst?.cpuMs ?? 0)} ms CPU ` +
      `(most CPU in one task: ${fmt(maxCpu)} ms)`,
  );
  return {
    scale,
    runs,
    marks: r.count,
    chunks: r.chunks.length,
    wallMs,
    longestChunkMs: maxChunk,
    longestTaskMs: longest,
    longestRenderMs: longestRender,
    longestFrameBlockingMs: longestBlocking,
    tracedLongestTaskMs: tracedWall,
    tracedLongestTaskCpuMs: tracedWorst?.cpuMs ?? 0,
    tracedMaxTaskCpuMs: maxCpu,
  };
}

/**
 * The derived JDM pages the e2e suites serve (a real capture as template, a real record written
 * in), built by the same code through Vite's SSR loader, so the real finder meets real JAK/JDM
 * terms in a real layout.
 */
async function loadDerivedPages() {
  const { Window } = await import('happy-dom');
  globalThis.DOMParser ??= new Window().DOMParser;
  const server = await createServer({
    configFile: false,
    root: here('../..'),
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    // Only tests/e2e/pages.ts and its imports are loaded; no dependency scan of the entrypoints.
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const pages = await server.ssrLoadModule('/tests/e2e/pages.ts');
    const routes = pages.buildRoutes();
    return [
      { name: 'derived-pmc', url: pages.DERIVED_PMC_URL, html: routes[pages.DERIVED_PMC_URL].body },
      { name: 'derived-pubmed', url: pages.SEED_URL, html: routes[pages.SEED_URL].body },
    ];
  } finally {
    await server.close();
  }
}

/** Opens `html` at `url` (nothing else is served) with mark.js and the bench harness injected. */
async function openPage(context, url, html, script) {
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    route.request().url() === url
      ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
      : route.abort(),
  );
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: MARK_JS });
  await page.addScriptTag({ content: script });
  return page;
}

function writeJson(report) {
  mkdirSync(dirname(JSON_OUT), { recursive: true });
  writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${JSON_OUT}`);
}

const scaleRow = ({ scale, elements, medians, mins, counts }) => ({
  scale,
  elements,
  hits: counts.jaklens,
  floorMs: medians.floor,
  writeFloorMs: medians.writeFloor,
  jaklensMs: medians.jaklens,
  markRegExpMs: medians.markRegExp,
  markTermsMs: medians.markTerms,
  // Fastest run of each, less disturbed by other load on the machine than the medians.
  minMs: mins,
});

async function main() {
  const script = await bundlePageScript();
  const derived = process.env.BENCH_CHUNKED_ONLY ? [] : await loadDerivedPages();
  const { context, close } = await launchChromium({ args: ['--js-flags=--expose-gc'] });
  try {
    // Only the capture itself is served; its scripts, styles and images are refused, offline.
    const page = await openPage(context, PAGE_URL, CAPTURE, script);
    const chromium = context.browser()?.version() ?? '';
    console.log(`Chromium ${chromium}, ${PAGE_URL}`);

    if (process.env.BENCH_CHUNKED_ONLY) {
      await benchChunked(page, 10, Number(process.env.BENCH_CHUNKED_RUNS) || 5);
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

    console.log(
      `\nReal finder (findMentions) against the knowledge base's own RegExp scan, median of ${ROUNDS}:`,
    );
    console.log(
      '  page                   elements  floor ms  JAK Lens ms  × floor  matches  marks',
    );
    const realFinder = [
      await benchReal(page, 'pmc-capture', 1),
      await benchReal(page, 'pmc-capture', 10),
    ];
    for (const { name, url, html } of derived) {
      const derivedPage = await openPage(context, url, html, script);
      realFinder.push(
        await benchReal(derivedPage, name, 1),
        await benchReal(derivedPage, name, 10),
      );
      await derivedPage.close();
    }

    const chunked = [
      await benchChunked(page, 1),
      await benchChunked(page, 10, Number(process.env.BENCH_CHUNKED_RUNS) || 5),
    ];
    writeJson({
      chromium,
      rounds: ROUNDS,
      scales: [scaleRow(one), scaleRow(ten)],
      realFinder,
      chunked,
    });
  } finally {
    await close();
  }
}

await main();
