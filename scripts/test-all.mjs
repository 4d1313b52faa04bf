#!/usr/bin/env node
// `npm test`: everything, in the order a reviewer would check it — typecheck, lint, formatting, unit tests,
// both builds, then the end-to-end suites in real browsers. Every step runs even when an earlier one failed,
// so one run shows all problems; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '.', '--log-level=warn'] },
  { name: 'knowledge check', cmd: 'node', args: ['scripts/knowledge-check.mjs'] },
  { name: 'unit tests', cmd: 'npx', args: ['vitest', 'run', ...report('unit')], counts: 'unit' },
  // The classifier on the labelled sets: prints the tables and fails below the floors.
  {
    name: 'eval',
    cmd: 'npx',
    args: ['vitest', 'run', '--config', 'vitest.eval.config.ts', ...report('eval')],
    counts: 'eval',
  },
  { name: 'build chrome-mv3', cmd: 'npx', args: ['wxt', 'build'] },
  { name: 'build firefox', cmd: 'npx', args: ['wxt', 'build', '-b', 'firefox'] },
  {
    name: 'e2e chromium',
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--project',
      'chromium',
      ...report('e2e-chromium'),
    ],
    counts: 'e2e-chromium',
  },
  {
    name: 'e2e firefox',
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--project',
      'firefox',
      ...report('e2e-firefox'),
    ],
    counts: 'e2e-firefox',
  },
];

function report(name) {
  return ['--reporter=default', '--reporter=json', `--outputFile.json=.tmp/${name}.json`];
}

rmSync('.tmp', { recursive: true, force: true });
mkdirSync('.tmp', { recursive: true });
const results = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = step.counts ? readCounts(step.counts) : undefined;
  results.push({ ...step, ok: run.status === 0, seconds, counts });
}

console.log('\nSummary');
let passed = 0;
let failed = 0;
for (const r of results) {
  const tally = r.counts ? ` — ${r.counts.passed} passed, ${r.counts.failed} failed` : '';
  console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds} s)${tally}`);
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
  }
  // A step that failed without a test count (typecheck, lint, build) still counts as one failure.
  if (!r.ok && (!r.counts || r.counts.failed === 0)) failed += 1;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

function readCounts(name) {
  const file = `.tmp/${name}.json`;
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: json.numPassedTests ?? 0, failed: json.numFailedTests ?? 0 };
}
