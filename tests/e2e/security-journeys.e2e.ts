import { afterAll, beforeAll, describe } from 'vitest';
import { ChromiumDriver } from './drivers/chromium';
import { securityJourneys, securityRoutes } from './journeys/security';
import { buildRoutes } from './pages';
import { requireBuild } from './support/extension';

describe('security journeys in Chromium', () => {
  let browser: ChromiumDriver;
  beforeAll(async () => {
    browser = await ChromiumDriver.launch(requireBuild(), buildRoutes());
    browser.addRoutes(securityRoutes(browser.extensionId));
  });
  afterAll(async () => {
    await browser?.close();
  });
  securityJourneys(() => browser);
});
