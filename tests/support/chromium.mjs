/**
 * Launching Debian's Chromium through playwright-core, shared by the bench and the e2e suite.
 * This machine cannot download Playwright's own browsers, so we point at the system binary and
 * keep it hermetic: every host name resolves to nothing except localhost, and background
 * services (sync, component updates, QUIC) are off.
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Flags every run uses; see notes/toolchain.md ("Network behaviour"). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
];

/**
 * Path of the Chromium binary: $CHROME_PATH, else /usr/bin/chromium.
 * @throws {Error} when neither exists, saying how to get one.
 */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error('Chromium not found: apt-get install -y chromium, or set CHROME_PATH');
  return found;
}

/**
 * Starts headless Chromium and returns `{ browser, context, close }`. With `extensionPath` (an
 * unpacked build such as .output/chrome-mv3) the context is persistent, because Chromium loads
 * extensions only into a user-data dir; `browser` is then null. `args` adds flags (e.g.
 * `--js-flags=--expose-gc` for the bench).
 * @param {{ extensionPath?: string, args?: string[] }} [options]
 */
export async function launchChromium({ extensionPath, args = [] } = {}) {
  const executablePath = findChromium();
  if (extensionPath) {
    const userDataDir = mkdtempSync(join(tmpdir(), 'jl-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        ...args,
      ],
    });
    const close = async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    };
    return { browser: null, context, close, userDataDir };
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
  });
  const context = await browser.newContext();
  return { browser, context, close: () => browser.close() };
}
