import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** Debian's Chromium, or CHROME_PATH. Throws a message that says how to get one; never skips. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with `apt-get install -y chromium`, or set CHROME_PATH to a Chromium binary.',
    );
  }
  return found;
}

/** Flags that keep headless Chromium hermetic on a machine with no network (see notes/toolchain.md). */
export const HERMETIC_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
];

export interface ExtensionContext {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with the built extension loaded, in a persistent profile (pass the same
 * `userDataDir` again to test a browser restart). The extension id is read from the service worker URL.
 */
export async function launchWithExtension(
  extensionPath: string,
  userDataDir = mkdtempSync(join(tmpdir(), 'jak-lens-e2e-')),
): Promise<ExtensionContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      ...HERMETIC_FLAGS,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir, close: () => context.close() };
}

/** Removes a profile directory made by `launchWithExtension`. */
export function removeProfile(userDataDir: string): void {
  rmSync(userDataDir, { recursive: true, force: true });
}
