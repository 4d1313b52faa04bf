import { resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { FirefoxDriver } from './drivers/firefox';
import { beyondJourneys } from './journeys/beyond';
import { noteSecrecyJourneys } from './journeys/note-secrecy';
import { readerJourneys } from './journeys/reader';
import { pageCannotTouchJourneys, readerDataJourneys } from './journeys/reader-data';
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
  // BiDi has no command that kills a renderer; see README (fault table) for what is covered.
  readerDataJourneys(() => browser, ['close the tab', 'quit the browser']);
  pageCannotTouchJourneys(() => browser);
});
