import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

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
      ...CHROMIUM_ARGS,
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
