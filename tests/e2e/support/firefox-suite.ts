import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FirefoxDriver } from '../drivers/firefox';
import { buildRoutes } from '../pages';
import { requireBuild } from './extension';

/**
 * Firefox ESR with the built add-on and the saved pages routed, for the enclosing describe: launched
 * before its tests, closed after. Returns the getter the shared journeys take.
 */
export function firefoxForSuite(): () => FirefoxDriver {
  let browser: FirefoxDriver | undefined;
  beforeAll(async () => {
    browser = await FirefoxDriver.launch(
      requireBuild(resolve('.output/firefox-mv2')),
      buildRoutes(),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Firefox did not start (see beforeAll)');
    return browser;
  };
}
