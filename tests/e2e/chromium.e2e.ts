import { afterAll, beforeAll, describe } from 'vitest';
import { ChromiumDriver } from './drivers/chromium';
import { beyondJourneys } from './journeys/beyond';
import { hostilePageJourneys } from './journeys/hostile-page';
import { readerJourneys } from './journeys/reader';
import { buildRoutes } from './pages';
import { requireBuild } from './support/extension';

// The security journeys (journeys/security.ts, note-secrecy.ts) are not run here: in Chromium,
// security.e2e.ts and security-note-frame.e2e.ts run stronger versions of each (database reads, a spy
// installed before the page's own scripts), so running both would only do the same work twice.
describe('reader journeys in Chromium', () => {
  let browser: ChromiumDriver;
  beforeAll(async () => {
    browser = await ChromiumDriver.launch(requireBuild(), buildRoutes());
  });
  afterAll(async () => {
    await browser?.close();
  });
  readerJourneys(() => browser);
  beyondJourneys(() => browser, true);
  hostilePageJourneys(() => browser);
});
