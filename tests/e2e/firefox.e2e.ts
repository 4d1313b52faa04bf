import { resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { FirefoxDriver } from './drivers/firefox';
import { beyondJourneys } from './journeys/beyond';
import { noteSecrecyJourneys } from './journeys/note-secrecy';
import { readerJourneys } from './journeys/reader';
import { buildRoutes } from './pages';
import { requireBuild } from './support/extension';

describe('reader journeys in Firefox', () => {
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
  readerJourneys(() => browser);
  beyondJourneys(() => browser, false);
  noteSecrecyJourneys(() => browser);
});
