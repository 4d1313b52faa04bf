import type { Browser, BrowserContext } from 'playwright-core';

export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string;
export declare function launchChromium(options?: {
  extensionPath?: string;
  args?: string[];
}): Promise<{
  browser: Browser | null;
  context: BrowserContext;
  close: () => Promise<void>;
  userDataDir?: string;
}>;
