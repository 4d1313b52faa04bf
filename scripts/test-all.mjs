#!/usr/bin/env node
// `npm test`: everything, in the order a reviewer would check it — typecheck, lint, formatting, unit tests,
// both builds, then the end-to-end suites in real browsers. Every step runs even when an earlier one failed,
// so one run shows all problems; the exit code is non-zero if any step failed.
//
// A test step passes only when Vitest passed AND it ran at least its recorded floor of tests
// (tests/test-floors.json) AND it skipped none and left no todo: a suite that quietly lost tests (a file
// no longer matched by `include`, a describe that stopped registering) or skipped some cannot pass by
// accident. CI=1 is set for every step, so Vitest refuses `.only` as well (allowOnly is also off in
// every config).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const FLOORS_FILE = 'tests/test-floors.json';

const steps = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '.', '--log-level=warn'] },
  { name: 'knowledge check', cmd: 'node', args: ['scripts/knowledge-check.mjs'] },
  vitest('unit tests', 'unit', []),
  // The classifier on the labelled sets: prints the tables and fails below the floors.
  vitest('eval', 'eval', ['--config', 'vitest.eval.config.ts']),
  { name: 'build chrome-mv3', cmd: 'npx', args: ['wxt', 'build'] },
  { name: 'build firefox', cmd: 'npx', args: ['wxt', 'build', '-b', 'firefox'] },
  vitest('e2e chromium', 'e2e-chromium', [
    '--config',
    'vitest.e2e.config.ts',
    '--project',
    'chromium',
  ]),
  vitest('e2e firefox', 'e2e-firefox', [
    '--config',
    'vitest.e2e.config.ts',
    '--project',
    'firefox',
  ]),
];

/** A Vitest step whose counts are read from its JSON report and held to the floor named `counts`. */
function vitest(name, counts, args) {
  return {
    name,
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=.tmp/${counts}.json`,
    ],
    counts,
  };
}

const floors = JSON.parse(readFileSync(FLOORS_FILE, 'utf8'));
rmSync('.tmp', { recursive: true, force: true });
mkdirSync('.tmp', { recursive: true });
const results = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const run = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env: { ...process.env, CI: '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = step.counts ? readCounts(step.counts) : undefined;
  const problems = counts ? countProblems(step.counts, counts) : [];
  results.push({
    ...step,
    floorName: step.counts,
    ok: run.status === 0 && problems.length === 0,
    seconds,
    counts,
    problems,
  });
}

console.log('\nSummary');
let passed = 0;
let failed = 0;
for (const r of results) {
  const c = r.counts;
  const tally = c
    ? ` — ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped, ${c.todo} todo (floor ${floors[r.floorName] ?? 'none'})`
    : '';
  console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds} s)${tally}`);
  for (const problem of r.problems) console.log(`      ✘ ${problem}`);
  if (c) {
    passed += c.passed;
    // Skipped and todo tests are failures here: each is a test that did not run.
    failed += c.failed + c.skipped + c.todo;
  }
  // A step that failed without a failed test (typecheck, lint, build, a floor) still counts as one.
  if (!r.ok && (!c || c.failed + c.skipped + c.todo === 0)) failed += 1;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

function readCounts(name) {
  const file = `.tmp/${name}.json`;
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0, todo: 0, total: 0 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: json.numPendingTests ?? 0,
    todo: json.numTodoTests ?? 0,
    total: json.numTotalTests ?? 0,
  };
}

/** Why a step's counts fail it even if Vitest exited 0. */
function countProblems(name, c) {
  const problems = [];
  const floor = floors[name];
  if (typeof floor !== 'number') {
    problems.push(`no floor recorded for "${name}" in ${FLOORS_FILE}`);
  } else if (c.passed + c.failed < floor) {
    problems.push(
      `ran ${c.passed + c.failed} tests, fewer than its floor of ${floor} (${FLOORS_FILE}): tests went missing`,
    );
  }
  if (c.skipped > 0) problems.push(`${c.skipped} skipped: no test may be skipped`);
  if (c.todo > 0) problems.push(`${c.todo} todo: no test may be left as todo`);
  return problems;
}
