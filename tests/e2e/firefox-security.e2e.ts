import { resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { FirefoxDriver } from './drivers/firefox';
import { hostilePageJourneys } from './journeys/hostile-page';
import { securityJourneys, securityRoutes } from './journeys/security';
import { buildRoutes } from './pages';
import { requireBuild } from './support/extension';

describe('security journeys in Firefox', () => {
  let browser: FirefoxDriver;
  beforeAll(async () => {
    browser = await FirefoxDriver.launch(
      requireBuild(resolve('.output/firefox-mv2')),
      buildRoutes(),
    );
    browser.addRoutes(securityRoutes(browser.extensionId));
  });
  afterAll(async () => {
    await browser?.close();
  });
  securityJourneys(() => browser);
  hostilePageJourneys(() => browser);
});
