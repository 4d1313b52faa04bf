import { resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { FirefoxDriver } from './drivers/firefox';
import { keystrokeJourneys } from './journeys/keystrokes';
import { buildRoutes } from './pages';
import { requireBuild } from './support/extension';

describe('every keystroke survives, in Firefox (issue 14)', () => {
  let browser: FirefoxDriver;
  beforeAll(async () => {
    browser = await FirefoxDriver.launch(
      requireBuild(resolve('.output/firefox-mv2')),
      buildRoutes(),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });
  keystrokeJourneys(() => browser);
});
