/* global chrome -- the probe runs in the note frame, an extension page */
/**
 * `npm run bench:keystroke` (also a part of `npm run bench`): how long a key typed into the note waits
 * before it is durable, in the BUILT extension (.output/chrome-mv3) in real headless Chromium.
 * Writes .tmp/bench/keystroke.json and prints median and p95. A measurement, not a test: it asserts
 * nothing about the figures.
 *
 * Method
 * - The seed article (tests/e2e/pages.ts, served at its real URL), its note frame (the extension page
 *   framed in the panel). In the frame, before measuring, a probe wraps `chrome.storage.local.set` /
 *   `remove` for the draft journal's keys and `chrome.runtime.sendMessage` for 'note/save', and
 *   listens for `keydown` on the note's textarea (capture). All times are the frame's
 *   performance.now(); a key event's `timeStamp` is on the same clock (the moment the event was made).
 * - Per sample: one real key (CDP Input.dispatchKeyEvent through Playwright), then wait until the journal
 *   entry is removed, which the editor does only once the background has answered that the database
 *   holds the text. Samples are apart, so each one is "the last keystroke".
 *   · keystroke → journal sent: keydown timeStamp → `storage.local.set` returned (the call has left
 *     the renderer for the browser; what survives a closed tab or a crash);
 *   · keystroke → journal stored: → that call's promise resolved (the browser's storage has it).
 *   · keystroke → database confirmed: keydown → the journal removed after the save's reply. Includes
 *     the autosave's 800 ms debounce by design (typing pauses are what it waits for).
 *   · save round trip: 'note/save' sent → confirmed (message, validation, IndexedDB transaction, reply).
 *
 * Environment: CHROME_PATH, BENCH_KEYSTROKE_SAMPLES (default 40), BENCH_EXT_BUILD=1 to rebuild first.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const OUT_DIR = join(ROOT, '.tmp/bench');
const SAMPLES = Math.max(10, Number(process.env.BENCH_KEYSTROKE_SAMPLES) || 40);

if (!existsSync(join(EXTENSION, 'manifest.json')) || process.env.BENCH_EXT_BUILD) {
  const run = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npx wxt build failed with status ${run.status}`);
}

globalThis.DOMParser = new Window().DOMParser;
const options = { configFile: false, logLevel: 'error', root: ROOT };
const { module: pages } = await runnerImport(join(ROOT, 'tests/e2e/pages.ts'), options);
const { module: routes } = await runnerImport(join(ROOT, 'tests/support/routes.ts'), options);

/** Nearest-rank percentile. */
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const summary = (xs) => ({ median: percentile(xs, 50), p95: percentile(xs, 95), n: xs.length });

/** Runs in the note frame: records the journal's writes and removals, saves sent, keys pressed. */
function probe() {
  const log = [];
  globalThis.__jlKeystrokeLog = log;
  const isJournal = (key) => String(key).startsWith('jak-lens:note-draft:');
  const area = chrome.storage.local;
  const { set, remove } = area;
  area.set = function (items, ...rest) {
    const journal = Object.keys(items).some(isJournal);
    const done = set.call(this, items, ...rest);
    if (journal) {
      log.push(['write', performance.now()]);
      done.then(() => log.push(['written', performance.now()]));
    }
    return done;
  };
  area.remove = function (keys, ...rest) {
    const done = remove.call(this, keys, ...rest);
    if ([keys].flat().some(isJournal)) log.push(['clear', performance.now()]);
    return done;
  };
  const send = chrome.runtime.sendMessage;
  chrome.runtime.sendMessage = function (...args) {
    if (args[0]?.type === 'note/save') log.push(['send', performance.now()]);
    return send.apply(this, args);
  };
  document
    .querySelector('textarea')
    .addEventListener('keydown', (e) => log.push(['key', e.timeStamp]), true);
}

const profile = mkdtempSync(join(tmpdir(), 'jak-lens-bench-keystroke-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: findChromium(),
  headless: true,
  args: [
    ...CHROMIUM_ARGS,
    `--disable-extensions-except=${EXTENSION}`,
    `--load-extension=${EXTENSION}`,
  ],
});
try {
  await routes.routePages(context, pages.buildRoutes());
  const page = await context.newPage();
  await page.goto(pages.SEED_URL, { timeout: 90_000 });
  // The panel's shadow root is closed: the note frame is found among the page's frames.
  let frame;
  for (let i = 0; i < 600 && !frame; i++) {
    frame = page.frames().find((f) => f.url().includes('/note-frame.html'));
    if (!frame) await page.waitForTimeout(100);
  }
  if (!frame) throw new Error('no note frame');
  const note = frame;
  await note.locator('textarea').waitFor({ timeout: 60_000 });
  await frame.evaluate(probe);
  await note.locator('textarea').click();

  const journal = [];
  const journalStored = [];
  const confirmed = [];
  const roundTrip = [];
  for (let i = 0; i < SAMPLES; i++) {
    await frame.evaluate(() => (globalThis.__jlKeystrokeLog.length = 0));
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    const log = await frame.waitForFunction(
      () => {
        const l = globalThis.__jlKeystrokeLog;
        return l.some(([kind]) => kind === 'clear') && l;
      },
      undefined,
      { timeout: 30_000, polling: 20 },
    );
    const events = await log.jsonValue();
    const at = (kind) => events.find(([k]) => k === kind)?.[1];
    const [key, write, written, send, clear] = ['key', 'write', 'written', 'send', 'clear'].map(at);
    if ([key, write, written, send, clear].some((t) => t === undefined)) {
      throw new Error(`sample ${i}: incomplete log ${JSON.stringify(events)}`);
    }
    journal.push(write - key);
    journalStored.push(written - key);
    confirmed.push(clear - key);
    roundTrip.push(clear - send);
  }
  const result = {
    samples: SAMPLES,
    journalMs: summary(journal),
    journalStoredMs: summary(journalStored),
    confirmedMs: summary(confirmed),
    saveRoundTripMs: summary(roundTrip),
  };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'keystroke.json'), JSON.stringify(result, null, 2));
  const f = (s) => `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
  console.log(`Note keystroke → durable, ${SAMPLES} samples, headless Chromium:`);
  console.log(`  keystroke → journal sent (storage.local.set called): ${f(result.journalMs)}`);
  console.log(`  keystroke → journal stored (set resolved):          ${f(result.journalStoredMs)}`);
  console.log(`  keystroke → database confirmed (800 ms debounce): ${f(result.confirmedMs)}`);
  console.log(`  save sent → database confirmed (round trip):      ${f(result.saveRoundTripMs)}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
