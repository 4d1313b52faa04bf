/**
 * `npm run bench:extension`: what the BUILT extension (.output/chrome-mv3) costs a reader in real
 * headless Chromium, per page type, against the same pages without it. Writes
 * .tmp/bench/extension.json (read by tests/bench/report.mjs) and prints a short summary.
 *
 * Method
 * - Two browsers from this one Node process, launched with the same flags (tests/support/chromium.mjs):
 *   WITH the extension (persistent profile, as Chromium loads extensions only there) and a BASELINE
 *   without it. Both serve the same real / derived pages at their real URLs (tests/e2e/pages.ts,
 *   tests/support/routes.ts); every other request is aborted, so the pages' own scripts do not load.
 * - Each round loads every page once in each browser, in a fresh tab, alternating which browser goes
 *   first; round 0 warms up and is not counted. Figures are medians over the counted rounds.
 * - An init script in the page (main world) installs, before any page script:
 *   · PerformanceObserver({ type: 'longtask', buffered: true }): the longest main-thread task. Chromium
 *     reports only tasks ≥ 50 ms, so 0 means "none ≥ 50 ms". The content script's isolated world runs
 *     on the same main thread, so its tasks are seen here; the difference WITH − BASELINE is what the
 *     extension adds (the page's inline scripts are in both).
 *   · a MutationObserver on the document plus a requestAnimationFrame poll: the first moment the page's
 *     hit test (elementsFromPoint at the panel's docking edges) lands on the panel host
 *     `jak-lens-panel`, i.e. the panel is laid out there (its shadow root is closed, so the probe, a
 *     page script, sees only what the page sees). "DOMContentLoaded → panel visible" is that performance.now() minus
 *     the navigation entry's domContentLoadedEventStart (same time origin). It is when the panel is in
 *     the layout; the paint follows at the next frame.
 *   · page load = the navigation entry's loadEventEnd (from navigation start).
 *   · the last moment a term mark (`jl-mark`) was added: "highlights complete", compared with the
 *     panel's moment on a relevant article (issue 17: within one frame after the panel).
 * - Then TRACE_ROUNDS more loads per page WITH the extension only, under a Chromium trace (CDP
 *   Tracing, V8 CPU-profiler samples included): the longest main-thread task that ran the content
 *   script's code, attributed by script URL (tests/bench/trace-tasks.mjs). This is "the longest task
 *   caused by the content script", free of the page's own tasks; tracing slows the page, which is why
 *   it runs apart from the timed rounds above. The longest of those tasks over all pages and traced
 *   loads gets a CPU-profile breakdown (self time per function, mapped back to the sources through
 *   the build's source maps, and the renderer's compile/style/layout/GC steps in it).
 * - A load counts as settled when the load event has fired, the panel is visible where one is
 *   expected, and the DOM has been quiet for QUIET_MS (the content script highlights in chunks).
 * - Page types: the six of the e2e suites, plus the derived JDM PMC page with its body ten times over
 *   (a long relevant full text, as the highlight bench's ×10), for the longest first-run task.
 * - Bundle sizes: every file of each entry in .output/chrome-mv3 (HTML pages followed through their
 *   scripts, stylesheets and static imports), raw and gzip level 9 per file, summed.
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_EXT_ROUNDS (counted rounds, default 5,
 * at least 5), BENCH_EXT_TRACE_ROUNDS (traced loads per page, default 3), BENCH_EXT_BUILD=1 to
 * rebuild the extension first even if .output/chrome-mv3 exists (with hidden source maps, for the
 * breakdown; BENCH_QUICK=1 allows fewer rounds: BENCH_EXT_ROUNDS down to 2). For profiling:
 * BENCH_EXT_PAGES (comma-separated page ids) loads only those pages, BENCH_EXT_TRACE_DIR keeps the
 * raw traces there (open them in DevTools' Performance panel).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { Window } from 'happy-dom';
import { runnerImport } from 'vite';
import { launchChromium } from '../support/chromium.mjs';
import { median } from './report.mjs';
import { attributeTasks, TRACE_CATEGORIES } from './trace-tasks.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const ROOT = here('../../');
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const OUT_DIR = join(ROOT, '.tmp/bench');
const MIN_ROUNDS = process.env.BENCH_QUICK ? 2 : 5;
const ROUNDS = Math.max(MIN_ROUNDS, Number(process.env.BENCH_EXT_ROUNDS) || 5);
const TRACE_ROUNDS = Math.max(1, Number(process.env.BENCH_EXT_TRACE_ROUNDS) || 3);
const QUIET_MS = 1000;
const SETTLE_TIMEOUT_MS = 30_000;
const PANEL_HOST = 'jak-lens-panel';
const MARK_TAG = 'JL-MARK';

/** Builds the Chrome extension when there is no build (or when asked to). */
function ensureBuild() {
  if (existsSync(join(EXTENSION, 'manifest.json')) && !process.env.BENCH_EXT_BUILD) return;
  console.log('Building the extension (npx wxt build, with hidden source maps)…');
  // JL_SOURCEMAP: wxt.config.ts writes .map files without referencing them from the scripts, so
  // the shipped code is byte for byte the same; the breakdown reads them.
  const run = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, JL_SOURCEMAP: '1' },
  });
  if (run.status !== 0) throw new Error(`npx wxt build failed with status ${run.status}`);
}

/** The e2e suites' page routes (TypeScript), loaded through Vite's module runner. */
async function loadPages() {
  // The derived pages are written with DOM APIs in Node, as in tests/e2e/setup.ts.
  globalThis.DOMParser = new Window().DOMParser;
  const options = { configFile: false, logLevel: 'error', root: ROOT };
  const { module: pages } = await runnerImport(join(ROOT, 'tests/e2e/pages.ts'), options);
  const { module: routes } = await runnerImport(join(ROOT, 'tests/support/routes.ts'), options);
  const { module: selectors } = await runnerImport(join(ROOT, 'utils/page/selectors.ts'), options);
  return { pages, routePages: routes.routePages, pmcBody: selectors.PMC_BODY };
}

/** `html` with the children of its `bodySelector` element repeated `times` times in it. */
function repeatBody(html, bodySelector, times) {
  const doc = new globalThis.DOMParser().parseFromString(html, 'text/html');
  const body = doc.querySelector(bodySelector);
  if (!body) throw new Error(`no ${bodySelector} in the derived PMC page`);
  const once = [...body.childNodes];
  for (let i = 1; i < times; i++) for (const n of once) body.appendChild(n.cloneNode(true));
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

/** Runs in every page before its own scripts (see "Method" above). Must be self-contained. */
function pageProbe({ host, markTag }) {
  const state = {
    longTasks: [],
    lastMutation: performance.now(),
    panelHostAt: null,
    panelVisibleAt: null,
    lastMarkAt: null,
  };
  Object.defineProperty(window, '__jlBenchProbe', { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    state.longTasks = null; // longtask not supported: reported as missing, not as 0
  }
  // The panel's shadow root is closed: the page (and this probe, which runs as a page script) cannot
  // look inside. It sees what the page sees: the host, and the page's own hit test, which lands on the
  // host wherever the panel is painted. The panel docks at the left or right edge or is a bottom sheet.
  const check = () => {
    if (state.panelVisibleAt !== null) return;
    const el = document.querySelector(host);
    if (!el) return;
    state.panelHostAt ??= performance.now();
    const points = [
      [innerWidth - 12, innerHeight / 2],
      [12, innerHeight / 2],
      [innerWidth / 2, innerHeight - 12],
    ];
    const hit = points.some(([x, y]) => document.elementsFromPoint(x, y).includes(el));
    if (hit) state.panelVisibleAt = performance.now();
  };
  function onMutation(records) {
    state.lastMutation = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeName === markTag || (n.nodeType === 11 && n.querySelector?.(markTag))) {
          state.lastMarkAt = state.lastMutation;
        }
      }
    }
    check();
  }
  new MutationObserver(onMutation).observe(document, { childList: true, subtree: true });
  const frame = () => {
    check();
    if (state.panelVisibleAt === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Reads the probe once the load has settled. */
function readProbe() {
  const state = window.__jlBenchProbe;
  const nav = performance.getEntriesByType('navigation')[0];
  const dcl = nav.domContentLoadedEventStart;
  return {
    loadMs: nav.loadEventEnd,
    dclMs: dcl,
    longTasks: state.longTasks,
    panelHostMs: state.panelHostAt === null ? null : state.panelHostAt - dcl,
    panelVisibleMs: state.panelVisibleAt === null ? null : state.panelVisibleAt - dcl,
    marksDoneMs: state.lastMarkAt === null ? null : state.lastMarkAt - dcl,
  };
}

/** Waits until the load has settled (see "Method"); false if it did not within SETTLE_TIMEOUT_MS. */
async function settle(page, expectPanel) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const s = await page.evaluate(() => ({
      quietFor: performance.now() - window.__jlBenchProbe.lastMutation,
      sinceLoad: performance.now() - performance.getEntriesByType('navigation')[0].loadEventEnd,
      panel: window.__jlBenchProbe.panelVisibleAt !== null,
    }));
    if ((!expectPanel || s.panel) && s.quietFor >= QUIET_MS && s.sinceLoad >= QUIET_MS) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Loads `url` in a fresh tab, waits until it settles, returns the probe's figures. */
async function measureLoad(context, url, expectPanel) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const settled = await settle(page, expectPanel);
    return { ...(await page.evaluate(readProbe)), settled };
  } finally {
    await page.close();
  }
}

/** As measureLoad, under a Chromium trace: which main-thread tasks ran the content script. */
async function traceLoad(context, url, expectPanel) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: TRACE_CATEGORIES },
    });
    await page.goto(url, { waitUntil: 'load' });
    const settled = await settle(page, expectPanel);
    await cdp.send('Tracing.end');
    await complete;
    if (process.env.BENCH_EXT_TRACE_DIR) {
      mkdirSync(process.env.BENCH_EXT_TRACE_DIR, { recursive: true });
      const name = `${new URL(url).pathname.replaceAll('/', '_')}-${Date.now()}.json`;
      writeFileSync(join(process.env.BENCH_EXT_TRACE_DIR, name), JSON.stringify(events));
    }
    return { ...attributeTasks(events), settled };
  } finally {
    await page.close();
  }
}

const longest = (tasks) => (tasks ? Math.max(0, ...tasks.map(([, d]) => d)) : null);
const blocking = (tasks) =>
  tasks ? tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0) : null;
const medianOf = (xs) => {
  const nums = xs.filter((x) => typeof x === 'number');
  return nums.length ? median(nums) : null;
};
const round2 = (x) => (typeof x === 'number' ? Math.round(x * 100) / 100 : x);

/** Medians of one page in one browser over the counted rounds, plus the raw samples. */
function summarise(samples) {
  const longestTasks = samples.map((s) => longest(s.longTasks));
  return {
    longestTaskMs: round2(medianOf(longestTasks)),
    blockingMs: round2(medianOf(samples.map((s) => blocking(s.longTasks)))),
    loadMs: round2(medianOf(samples.map((s) => s.loadMs))),
    dclMs: round2(medianOf(samples.map((s) => s.dclMs))),
    panelHostMs: round2(medianOf(samples.map((s) => s.panelHostMs))),
    panelVisibleMs: round2(medianOf(samples.map((s) => s.panelVisibleMs))),
    panelSeen: samples.filter((s) => s.panelVisibleMs !== null).length,
    marksDoneMs: round2(medianOf(samples.map((s) => s.marksDoneMs))),
    // Per load, last term mark added minus panel visible (negative: the marks were all in first).
    marksAfterPanelMs: round2(
      medianOf(
        samples.map((s) =>
          s.marksDoneMs === null || s.panelVisibleMs === null
            ? null
            : s.marksDoneMs - s.panelVisibleMs,
        ),
      ),
    ),
    unsettled: samples.filter((s) => !s.settled).length,
    samples: {
      longestTaskMs: longestTasks.map(round2),
      loadMs: samples.map((s) => round2(s.loadMs)),
      panelVisibleMs: samples.map((s) => round2(s.panelVisibleMs)),
      marksDoneMs: samples.map((s) => round2(s.marksDoneMs)),
    },
  };
}

/** Medians over the traced loads of one page (see trace-tasks.mjs). */
function summariseTraces(traced) {
  const pick = (key) => round2(medianOf(traced.map((t) => t[key])));
  return {
    longestTaskMs: pick('longestExtensionTaskMs'),
    maxLongestTaskMs: round2(Math.max(0, ...traced.map((t) => t.longestExtensionTaskMs))),
    longestTaskCpuMs: round2(medianOf(traced.map((t) => t.longestExtensionTask?.cpuMs))),
    longTasks: pick('extensionLongTasks'),
    tasks: pick('extensionTasks'),
    taskMs: pick('extensionTaskMs'),
    compileMs: pick('extensionCompileMs'),
    anyLongestTaskMs: pick('longestTaskMs'),
    unsettled: traced.filter((t) => !t.settled).length,
    samples: { longestTaskMs: traced.map((t) => round2(t.longestExtensionTaskMs)) },
  };
}

/**
 * The profile's functions (positions in the built scripts) with where they are in the sources,
 * through the build's hidden source maps: `source` "utils/…/file.ts:line" and `name` (the mapped
 * name, else the source line's text). Left as they are where there is no map (a build without
 * JL_SOURCEMAP, page or browser code).
 */
async function mapToSources(functions) {
  const maps = new Map();
  const mapFor = (url) => {
    const file = join(EXTENSION, new URL(url).pathname);
    if (!maps.has(file)) {
      maps.set(
        file,
        existsSync(`${file}.map`)
          ? new TraceMap(readFileSync(`${file}.map`, 'utf8'), `${file}.map`)
          : null,
      );
    }
    return { file, map: maps.get(file) };
  };
  return functions.map((f) => {
    if (!f.extension || f.lineNumber < 0) return f;
    const { file, map } = mapFor(f.url);
    if (!map) return f;
    const pos = originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
    if (!pos.source) return f;
    const path = resolve(dirname(file), pos.source.replace(/^file:\/\//, ''));
    const source = `${relative(ROOT, path)}:${pos.line}`;
    let name = pos.name;
    if (!name && existsSync(path)) {
      name = readFileSync(path, 'utf8').split('\n')[pos.line - 1]?.trim().slice(0, 80);
    }
    return { ...f, source, ...(name ? { name } : {}) };
  });
}

// ---- bundle sizes ----------------------------------------------------------------------------

/** Files an extension page pulls in: its scripts and stylesheets, then their static imports. */
function pageFiles(htmlPath) {
  const html = readFileSync(join(EXTENSION, htmlPath), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map(
    (m) => m[1],
  );
  const start = refs
    .filter((r) => /\.(js|css)$/.test(r))
    .map((r) => (r.startsWith('/') ? r.slice(1) : posix.join(posix.dirname(htmlPath), r)));
  return [htmlPath, ...withImports(start)];
}

/** `files` and every chunk they import statically (import "./x.js" / from "./x.js"). */
function withImports(files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(EXTENSION, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const target = m[1].startsWith('/')
        ? m[1].slice(1)
        : posix.normalize(posix.join(posix.dirname(file), m[1]));
      if (existsSync(join(EXTENSION, target))) visit(target);
    }
  };
  files.forEach(visit);
  return [...seen];
}

function sizeOf(label, files) {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(EXTENSION, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { label, files, rawBytes, gzipBytes };
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(EXTENSION, path)];
  });
}

/**
 * Sizes of what every PubMed/PMC page loads (the manifest's content scripts, JS and CSS, each and
 * together), the panel script injected on demand, background, popup, library page, whole build.
 */
export function bundleSizes() {
  const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
  const bundles = [];
  const alwaysOn = [];
  for (const cs of manifest.content_scripts ?? []) {
    const js = withImports(cs.js ?? []);
    bundles.push(sizeOf('content script JS (always on)', js));
    if (cs.css?.length) bundles.push(sizeOf('content script CSS (always on)', cs.css));
    alwaysOn.push(...js, ...(cs.css ?? []));
  }
  bundles.push({
    ...sizeOf('always-on total (manifest content scripts, JS + CSS)', alwaysOn),
    alwaysOn: true,
  });
  const panelScript = ['pubmed-ui.js', 'content-scripts/pubmed-ui.js'].find((f) =>
    existsSync(join(EXTENSION, f)),
  );
  if (panelScript) {
    bundles.push(
      sizeOf('on-demand script (panel, mark card, reader highlights)', withImports([panelScript])),
    );
  }
  const worker = manifest.background?.service_worker;
  if (worker) bundles.push(sizeOf('background service worker', withImports([worker])));
  const popup = manifest.action?.default_popup;
  if (popup) bundles.push(sizeOf('popup (HTML + JS + CSS)', pageFiles(popup)));
  const all = listFiles(EXTENSION);
  const library = all.find((f) => /^dashboard\.html$/.test(f));
  if (library) bundles.push(sizeOf('library page (HTML + JS + CSS)', pageFiles(library)));
  const code = all.filter((f) => /\.(js|css|html)$/.test(f));
  bundles.push(sizeOf('whole build: every .js/.css/.html', code));
  return bundles;
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  ensureBuild();
  const loadAtStart = loadavg()[0];
  const { pages, routePages, pmcBody } = await loadPages();
  const routes = pages.buildRoutes();
  const PMC_X10_URL = `${pages.DERIVED_PMC_URL}&scale=10`;
  routes[PMC_X10_URL] = { body: repeatBody(routes[pages.DERIVED_PMC_URL].body, pmcBody, 10) };
  const PAGES = [
    {
      id: 'pubmed-article',
      label: 'PubMed article (JDM, derived dev-seed)',
      url: pages.SEED_URL,
      panel: true,
    },
    {
      id: 'pubmed-unrelated',
      label: 'PubMed article, unrelated (capture)',
      url: pages.UNRELATED_URL,
      panel: false,
    },
    { id: 'pubmed-search', label: 'PubMed search (capture)', url: pages.SEARCH_URL, panel: false },
    {
      id: 'pubmed-search-jdm',
      label: 'PubMed search (derived, JDM result)',
      url: pages.DERIVED_SEARCH_URL,
      panel: false,
    },
    {
      id: 'pmc-jdm',
      label: 'PMC full text (derived, JDM)',
      url: pages.DERIVED_PMC_URL,
      panel: true,
    },
    {
      id: 'pmc-capture',
      label: 'PMC full text (capture PMC8885717)',
      url: pages.PMC_URL,
      panel: false,
    },
    {
      id: 'pmc-jdm-x10',
      label: 'PMC full text ×10 (derived JDM, body ten times)',
      url: PMC_X10_URL,
      panel: true,
    },
  ];

  const only = process.env.BENCH_EXT_PAGES?.split(',');
  if (only) PAGES.splice(0, PAGES.length, ...PAGES.filter((p) => only.includes(p.id)));
  const withExt = await launchChromium({ extensionPath: EXTENSION });
  const baseline = await launchChromium();
  try {
    const worker =
      withExt.context.serviceWorkers()[0] ?? (await withExt.context.waitForEvent('serviceworker'));
    if (!worker.url().startsWith('chrome-extension://')) throw new Error('extension did not load');
    const chromium = baseline.browser.version();
    const contexts = { with: withExt.context, baseline: baseline.context };
    for (const context of Object.values(contexts)) {
      await routePages(context, routes);
      await context.addInitScript(pageProbe, { host: PANEL_HOST, markTag: MARK_TAG });
    }
    console.log(
      `Chromium ${chromium}; ${ROUNDS} counted rounds (+1 warm-up), ${PAGES.length} pages`,
    );

    const samples = Object.fromEntries(PAGES.map((p) => [p.id, { with: [], baseline: [] }]));
    for (let round = 0; round <= ROUNDS; round++) {
      const order = round % 2 ? ['baseline', 'with'] : ['with', 'baseline'];
      for (const p of PAGES) {
        for (const which of order) {
          const result = await measureLoad(contexts[which], p.url, p.panel && which === 'with');
          if (!result.settled)
            console.warn(`  ${p.id} (${which}) did not settle in round ${round}`);
          if (round > 0) samples[p.id][which].push(result);
        }
      }
      console.log(`  round ${round}${round === 0 ? ' (warm-up)' : ''} done`);
    }

    // Attribution pass, after the timed rounds so tracing overhead never touches their figures.
    const traces = Object.fromEntries(PAGES.map((p) => [p.id, []]));
    for (let round = 0; round < TRACE_ROUNDS; round++) {
      for (const p of PAGES) traces[p.id].push(await traceLoad(contexts.with, p.url, p.panel));
      console.log(`  traced round ${round + 1} of ${TRACE_ROUNDS} done`);
    }

    const results = PAGES.map((p) => {
      const w = summarise(samples[p.id].with);
      const b = summarise(samples[p.id].baseline);
      return {
        id: p.id,
        label: p.label,
        url: p.url,
        with: w,
        baseline: b,
        contentScript: summariseTraces(traces[p.id]),
        longestTaskDiffMs:
          w.longestTaskMs === null || b.longestTaskMs === null
            ? null
            : round2(w.longestTaskMs - b.longestTaskMs),
      };
    });
    // The longest task any traced load saw the content script run, with its profile breakdown.
    let longestTask = null;
    for (const p of PAGES) {
      for (const t of traces[p.id]) {
        const task = t.longestExtensionTask;
        if (task && (!longestTask || task.durationMs > longestTask.durationMs)) {
          longestTask = { page: p.label, ...task };
        }
      }
    }
    if (longestTask) longestTask.functions = await mapToSources(longestTask.functions);
    const report = {
      chromium,
      longestTask,
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
      rounds: ROUNDS,
      traceRounds: TRACE_ROUNDS,
      date: new Date().toISOString(),
      quietMs: QUIET_MS,
      pages: results,
      bundles: bundleSizes(),
    };
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'extension.json'), `${JSON.stringify(report, null, 2)}\n`);

    for (const r of results) {
      const panel = r.with.panelVisibleMs === null ? '' : `; DCL→panel ${r.with.panelVisibleMs} ms`;
      console.log(
        `${r.label.padEnd(40)} content-script task ${r.contentScript.longestTaskMs} ms; longest task ${r.with.longestTaskMs} ms with, ${r.baseline.longestTaskMs} ms without; ` +
          `load ${r.with.loadMs} / ${r.baseline.loadMs} ms${panel}`,
      );
    }
    for (const b of report.bundles) {
      console.log(
        `${b.label.padEnd(40)} ${(b.gzipBytes / 1024).toFixed(1)} KB gz (${(b.rawBytes / 1024).toFixed(1)} KB raw)`,
      );
    }
    console.log(`Written to ${relative(ROOT, join(OUT_DIR, 'extension.json'))}`);
  } finally {
    await withExt.close();
    await baseline.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
