import { afterAll, beforeAll, describe } from 'vitest';
import { ChromiumDriver } from './drivers/chromium';
import { beyondJourneys } from './journeys/beyond';
import { noteSecrecyJourneys } from './journeys/note-secrecy';
import { readerJourneys } from './journeys/reader';
import { buildRoutes } from './pages';
import { requireBuild } from './support/extension';

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
  noteSecrecyJourneys(() => browser);
});
