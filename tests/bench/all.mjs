/**
 * `npm run bench`: every part of the bench, one after another, then one combined table
 * (tests/bench/report.mjs). A part that fails leaves its section "not run" in the table; the others
 * still run and print, and the exit status is non-zero. Each part's result file is removed before
 * it runs, so the table never shows figures left over from an earlier run.
 *
 * BENCH_PARTS=library,highlight,extension (comma-separated) runs only those parts; the table then
 * says "not run" for the others.
 *
 * `npm run bench -- --quick`: only the parts issue 17's targets come from (highlight, extension,
 * library-page), with fewer rounds and the library page at 10,000 articles only; its table says so.
 * The full run is the one whose table goes in the README.
 *
 * The machine is shared: each part's os.loadavg() at its start and end goes to .tmp/bench/load.json
 * and into the table's output.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR } from './report.mjs';

const PARTS = [
  {
    name: 'library',
    file: 'library.json',
    command: ['npx', 'vitest', 'run', '--config', 'vitest.bench.config.ts'],
  },
  { name: 'highlight', file: 'highlight.json', command: ['node', 'tests/bench/run.mjs'] },
  {
    name: 'extension',
    file: 'extension.json',
    command: ['node', 'tests/bench/extension.mjs'],
    // Measure the code as it is now, not whatever .output/chrome-mv3 holds.
    env: { BENCH_EXT_BUILD: '1' },
  },
  { name: 'keystroke', file: 'keystroke.json', command: ['node', 'tests/bench/keystroke.mjs'] },
  {
    name: 'library-page',
    file: 'library-page.json',
    command: ['node', 'tests/bench/library-page.mjs'],
  },
  {
    name: 'sync',
    file: 'sync.json',
    command: ['npx', 'vitest', 'run', '--config', 'vitest.sync-bench.config.ts'],
  },
];

const quick = process.argv.includes('--quick');
const QUICK_PARTS = ['highlight', 'extension', 'library-page'];
const QUICK_ENV = {
  BENCH_QUICK: '1',
  BENCH_ROUNDS: '10',
  BENCH_CHUNKED_RUNS: '2',
  BENCH_EXT_ROUNDS: '2',
  BENCH_EXT_TRACE_ROUNDS: '2',
  BENCH_LIBRARY_PAGE_SIZES: '10000',
  BENCH_LIBRARY_PAGE_OPENS: '2',
};
const wanted =
  process.env.BENCH_PARTS?.split(',').map((p) => p.trim()) ?? (quick ? QUICK_PARTS : undefined);
const unknown = wanted?.filter((w) => !PARTS.some((p) => p.name === w)) ?? [];
if (unknown.length) {
  console.error(
    `BENCH_PARTS: unknown part(s) ${unknown.join(', ')}; parts are ${PARTS.map((p) => p.name).join(', ')}`,
  );
  process.exit(2);
}

const failed = [];
const load = { quick, parts: [] };
const writeLoad = () => {
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(join(BENCH_DIR, 'load.json'), `${JSON.stringify(load, null, 2)}\n`);
};
writeLoad(); // an earlier run's loads never appear under this run's table
for (const part of PARTS) {
  rmSync(join(BENCH_DIR, part.file), { force: true });
  if (wanted && !wanted.includes(part.name)) continue;
  console.log(`\n=== bench: ${part.name} (${part.command.join(' ')}) ===`);
  const [cmd, ...args] = part.command;
  const start = loadavg();
  const env = { ...process.env, ...(quick ? QUICK_ENV : {}), ...part.env };
  const run = spawnSync(cmd, args, { stdio: 'inherit', env });
  load.parts.push({ name: part.name, start, end: loadavg() });
  writeLoad();
  if (run.status !== 0) {
    const why = run.error ? run.error.message : `exit status ${run.status ?? run.signal}`;
    console.error(`bench: ${part.name} failed (${why})`);
    failed.push(part.name);
  } else if (!existsSync(join(BENCH_DIR, part.file))) {
    console.error(`bench: ${part.name} finished but wrote no .tmp/bench/${part.file}`);
    failed.push(part.name);
  }
}

const report = spawnSync('node', ['tests/bench/report.mjs'], { stdio: 'inherit' });
if (report.status !== 0) failed.push('report');
if (failed.length) {
  console.error(`\nbench: failed parts: ${failed.join(', ')}`);
  process.exitCode = 1;
}
