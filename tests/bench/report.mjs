/**
 * `npm run bench`, last part: one table from the three measurement files in .tmp/bench/ —
 * highlight.json (tests/bench/run.mjs), extension.json (tests/bench/extension.mjs) and
 * library.json (tests/bench/library.bench.ts). A missing file becomes a "not run" row, so the
 * table prints whatever parts did run. Prints markdown (paste-able into the README) and writes
 * the same text to .tmp/bench/report.md. Only reads figures; measures nothing itself. The text
 * formatting is in report-format.mjs, the judging of the issues' targets in report-targets.mjs.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join } from 'node:path';
// node:url's URL: in the unit tests' happy-dom the global URL is not Node's.
import { URL as NodeURL, fileURLToPath, pathToFileURL } from 'node:url';

import { count, isNum, kb, markdownTable, ms, ratio, signedMs } from './report-format.mjs';
import {
  MATCHER_TARGET_HEADERS,
  matcherTargetRows,
  TARGET_HEADERS,
  targetRows,
} from './report-targets.mjs';

export { count, kb, markdownTable, median, ms, ratio, signedMs } from './report-format.mjs';
export {
  MATCHER_TARGET_HEADERS,
  matcherTargetRows,
  TARGET_HEADERS,
  targetRows,
} from './report-targets.mjs';

export const BENCH_DIR = fileURLToPath(new NodeURL('../../.tmp/bench/', import.meta.url));

/**
 * Reads one bench result file: `{ data }`, `{ missing: true }` when it does not exist, or
 * `{ error }` when it cannot be read or parsed (the report says so rather than stopping).
 * @param {string} path
 */
export function readResult(path) {
  if (!existsSync(path)) return { missing: true };
  try {
    return { data: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export const HEADERS = ['Area', 'Measure', 'JAK Lens', 'Compared with'];

/** A row saying a part of the bench has no figures, and which command produces them. */
function notRun(area, result, file, command) {
  const why = result.error ? `${file} unreadable (${result.error})` : `${file} missing`;
  return [area, 'not run', '–', `${why}; run \`${command}\``];
}

/** Rows from highlight.json: the highlight pass at each scale, against the floor and mark.js. */
export function highlightRows(result) {
  const area = 'Highlight pass';
  if (!result.data) return [notRun(area, result, 'highlight.json', 'npm run bench:highlight')];
  const { scales = [], realFinder = [], chunked = [], rounds } = result.data;
  const rows = scales.map((s) => [
    area,
    `PMC capture ×${s.scale} (${count(s.elements)} elements, ${count(s.hits)} marks), median of ${rounds ?? '?'}`,
    ms(s.jaklensMs),
    `${ratio(s.jaklensMs, s.floorMs)} floor (${ms(s.floorMs)}); ${ratio(s.jaklensMs, s.markRegExpMs)} mark.js RegExp (${ms(s.markRegExpMs)})`,
  ]);
  for (const f of realFinder) {
    rows.push([
      area,
      `real finder, ${f.page} ×${f.scale} (${count(f.hits)} marks)`,
      ms(f.jaklensMs),
      `${ratio(f.jaklensMs, f.floorMs)} floor (${ms(f.floorMs)})`,
    ]);
  }
  for (const c of chunked) {
    rows.push([
      area,
      `chunked pass ×${c.scale}: longest chunk (${count(c.marks)} marks in ${count(c.chunks)} chunks)`,
      ms(c.longestChunkMs),
      `longest task ≥ 50 ms: ${c.longestTaskMs ? ms(c.longestTaskMs) : 'none'}`,
    ]);
  }
  if (rows.length === 0) rows.push([area, 'no scales in highlight.json', '–', '–']);
  return rows;
}

/** Rows from extension.json: longest task, load and panel time per page; bundle sizes. */
export function extensionRows(result) {
  if (!result.data) {
    return [notRun('Built extension', result, 'extension.json', 'npm run bench:extension')];
  }
  const { pages = [], bundles = [], rounds, traceRounds } = result.data;
  const rows = [];
  const none = (x) => (x === 0 ? 'none ≥ 50 ms' : ms(x));
  for (const p of pages) {
    const cs = p.contentScript;
    rows.push([
      'Longest main-thread task',
      `${p.label}: task running the content script (traced, median of ${traceRounds ?? '?'})`,
      cs ? ms(cs.longestTaskMs) : '–',
      `${isNum(cs?.compileMs) ? `its V8 compile ${ms(cs.compileMs)}; ` : ''}any task ≥ 50 ms, median of ${rounds ?? '?'}: with extension ${none(p.with.longestTaskMs)}, without ${none(p.baseline.longestTaskMs)} (${signedMs(p.longestTaskDiffMs)})`,
    ]);
  }
  for (const p of pages) {
    if (!isNum(p.with.panelVisibleMs)) continue;
    rows.push([
      'Panel',
      `DOMContentLoaded → panel visible, ${p.label}`,
      ms(p.with.panelVisibleMs),
      `host element in the DOM at ${ms(p.with.panelHostMs)}; panel seen in ${p.with.panelSeen ?? '?'} of ${rounds ?? '?'} loads`,
    ]);
  }
  for (const p of pages) {
    rows.push([
      'Page load',
      `load event end, ${p.label}`,
      ms(p.with.loadMs),
      `without extension ${ms(p.baseline.loadMs)} (${signedMs(p.with.loadMs - p.baseline.loadMs)})`,
    ]);
  }
  for (const b of bundles) {
    const files = b.files.length <= 4 ? b.files.join(', ') : `${b.files.length} files`;
    rows.push(['Bundle size', b.label, `${kb(b.gzipBytes)} gz`, `${kb(b.rawBytes)} raw; ${files}`]);
  }
  return rows;
}

/** Rows from library.json: search latency and import time per library size. */
export function libraryRows(result) {
  const area = 'Library';
  if (!result.data) return [notRun(area, result, 'library.json', 'npm run bench:library')];
  const rows = [];
  for (const r of result.data.rows ?? []) {
    rows.push([
      area,
      `search per keystroke, ${count(r.articles)} articles`,
      ms(r.searchMedianMs),
      `p95 ${ms(r.searchP95Ms)}`,
    ]);
    rows.push([
      area,
      `import, ${count(r.articles)} articles`,
      ms(r.importMs),
      `export ${ms(r.exportMs)}; open ${ms(r.openMs)}`,
    ]);
  }
  if (rows.length === 0) rows.push([area, 'no rows in library.json', '–', '–']);
  return rows;
}

/** Rows from library-page.json: the built library page in Chromium (tests/bench/library-page.mjs). */
export function libraryPageRows(result) {
  const area = 'Library page (Chromium, IndexedDB)';
  if (!result.data) {
    return [notRun(area, result, 'library-page.json', 'npm run bench:library-page')];
  }
  const rows = [];
  const p = (s) => `p95 ${ms(s?.p95)}, max ${ms(s?.max)} (n = ${s?.n ?? '?'})`;
  for (const r of result.data.sizes ?? []) {
    const n = count(r.articles);
    rows.push([
      area,
      `open → rows on screen, ${n} articles (median)`,
      ms(r.openMs?.median),
      `${p(r.openMs)}; target ≤ 300 ms`,
    ]);
    rows.push([
      area,
      `keystroke → results, ${n} articles (median)`,
      ms(r.keystrokeMs?.median),
      `${p(r.keystrokeMs)}; target ≤ 50 ms`,
    ]);
    rows.push([
      area,
      `first keystroke after opening → results, ${n} articles (median)`,
      ms(r.firstKeystrokeMs?.median),
      `${p(r.firstKeystrokeMs)}; while the library is read: matches among the articles read so far`,
    ]);
    if (r.keystrokeCompleteMs) {
      rows.push([
        area,
        `keystroke → complete results, ${n} articles (median)`,
        ms(r.keystrokeCompleteMs.median),
        p(r.keystrokeCompleteMs),
      ]);
      rows.push([
        area,
        `first keystroke after opening → complete results, ${n} articles (median)`,
        ms(r.firstKeystrokeCompleteMs?.median),
        `${p(r.firstKeystrokeCompleteMs)}; waits for the whole library to be read`,
      ]);
    }
    if (r.loadavg) {
      rows.push([
        area,
        `load average (1 min) while measuring ${n} articles`,
        `${r.loadavg.before?.[0]} → ${r.loadavg.after?.[0]}`,
        '2 cores, shared',
      ]);
    }
  }
  if (rows.length === 0) rows.push([area, 'no sizes in library-page.json', '–', '–']);
  return rows;
}

/** Rows from sync.json: each sync step at each library size (tests/bench/sync-bench.ts). */
export function syncRows(result) {
  const area = 'Sync (Apache mod_dav, loopback)';
  if (!result.data) return [notRun(area, result, 'sync.json', 'npm run bench:sync')];
  const rows = (result.data.rows ?? []).map((r) => [
    area,
    `${r.step}, ${count(r.notes)} notes`,
    ms(r.ms),
    `${count(r.requests)} requests; ${kb(r.bytesUp)} up, ${kb(r.bytesDown)} down`,
  ]);
  if (rows.length === 0) rows.push([area, 'no rows in sync.json', '–', '–']);
  return rows;
}

/** Where a profiled function is: its source position when mapped, else the built script's. */
function place(f) {
  if (f.source) return f.source;
  if (!f.url) return '(browser)';
  return `${f.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
}

/** The CPU-profile breakdown of the longest task the content script ran (extension.json). */
export function breakdownSection(extension) {
  const task = extension.data?.longestTask;
  if (!task) return ['No CPU profile of a content-script task (extension part not run).'];
  const steps = Object.entries(task.steps ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([label, x]) => `${label} ${ms(x)}`)
    .join(', ');
  const rows = (task.functions ?? []).map((f) => [
    ms(f.selfMs),
    f.name && f.name !== f.functionName ? `${f.functionName} (${f.name})` : f.functionName,
    place(f),
  ]);
  return [
    `Longest remaining task: ${ms(task.durationMs)} wall${isNum(task.cpuMs) ? `, ${ms(task.cpuMs)} CPU (thread time; the rest is the OS running other work on the shared cores)` : ''} on ${task.page} (CPU profile samples cover ${ms(task.sampledMs)} of it${task.devtoolsInterruptMs > 0 ? `; ${ms(task.devtoolsInterruptMs)} of DevTools interrupts left out` : ''}). Renderer steps in it: ${steps || 'none recorded'}.`,
    '',
    markdownTable(['self time', 'function', 'where'], rows),
  ];
}

/** Load averages (os.loadavg: 1, 5, 15 min) at the start and end of each part, from load.json. */
export function loadLines(load) {
  const parts = load.data?.parts ?? [];
  if (!parts.length)
    return [
      `Machine load now (1/5/15 min): ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
    ];
  const fmt = (l) => (Array.isArray(l) ? l.map((x) => x.toFixed(2)).join(' / ') : '–');
  return [
    'Machine load (os.loadavg, 1 / 5 / 15 min) at the start → end of each part:',
    ...parts.map((p) => `- ${p.name}: ${fmt(p.start)} → ${fmt(p.end)}`),
  ];
}

/** The machine line: CPU, OS, Node, Chromium (from whichever result file recorded it), date. */
export function machineLine({ cpuModel, cpuCount, os, node, chromium, date, loadAverage }) {
  const load = isNum(loadAverage) ? `, load average ${loadAverage.toFixed(1)} (1 min)` : '';
  return `Machine: ${cpuModel} × ${cpuCount} cores${load}, ${os}, Node ${node}, Chromium ${chromium ?? 'not run'}; ${date}`;
}

/**
 * The whole report: a heading, the machine line and one table.
 * @param {{ highlight: object, extension: object, library: object, sync?: object, machine: object }} parts
 *   each result as returned by readResult; machine as for machineLine
 */
export function buildReport({
  highlight,
  extension,
  library,
  libraryPage = { missing: true },
  sync = { missing: true },
  load = { missing: true },
  quick = false,
  machine,
}) {
  const rows = [
    ...highlightRows(highlight),
    ...extensionRows(extension),
    ...libraryRows(library),
    ...libraryPageRows(libraryPage),
    ...syncRows(sync),
  ];
  return [
    '## Performance (`npm run bench`)',
    '',
    machineLine(machine),
    '',
    markdownTable(HEADERS, rows),
    '',
    `### Issue 17 targets${quick ? ' (quick run: fewer rounds, fewer parts)' : ''}`,
    '',
    markdownTable(TARGET_HEADERS, targetRows({ highlight, extension, libraryPage })),
    '',
    '### Issue 16 target: the matcher with the round-2 terms',
    '',
    markdownTable(MATCHER_TARGET_HEADERS, matcherTargetRows(highlight)),
    '',
    ...breakdownSection(extension),
    '',
    ...loadLines(load),
    '',
  ].join('\n');
}

/** What this machine is, for the report's first line. */
export function describeMachine(results, now = new Date()) {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown CPU',
    cpuCount: cpu.length,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverage: loadavg()[0],
    chromium: results.map((r) => r.data?.chromium).find(Boolean),
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

function main() {
  // BENCH_REPORT_DIR: read and write somewhere else (to check the layout on other files).
  const dir = process.env.BENCH_REPORT_DIR ?? BENCH_DIR;
  const highlight = readResult(join(dir, 'highlight.json'));
  const extension = readResult(join(dir, 'extension.json'));
  const library = readResult(join(dir, 'library.json'));
  const sync = readResult(join(dir, 'sync.json'));
  const libraryPage = readResult(join(dir, 'library-page.json'));
  const load = readResult(join(dir, 'load.json'));
  const machine = describeMachine([extension, highlight, libraryPage]);
  const quick = Boolean(load.data?.quick);
  const text = buildReport({
    highlight,
    extension,
    library,
    libraryPage,
    sync,
    load,
    quick,
    machine,
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.md'), text);
  console.log(`\n${text}`);
  console.log(`(also written to ${join(dir, 'report.md')})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
