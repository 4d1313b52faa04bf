import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxDriver, type FirefoxPage } from './drivers/firefox';
import { eventually } from './drivers/types';
import { inNote } from './journeys/note-target';
import { buildRoutes, SEED_URL, UNRELATED_URL } from './pages';
import { requireBuild } from './support/extension';
import { clearAllTablesInFirefox, readTableInFirefox } from './support/firefox-tables';

/**
 * The add-on's own pages in Firefox ESR: the library (search, export → clear → import, a refused file),
 * its settings (site switch, watch list) and the popup. BiDi will not navigate to moz-extension://, so
 * the add-on opens each page in a tab and the driver attaches to it (FirefoxDriver.openExtensionPage).
 */
const TABLES = ['articles', 'notes', 'noteConflicts', 'trash', 'highlights', 'recent'];
const SEED_NOTE = 'Baricitinib dose in children: check table 2';

async function snapshot(browser: FirefoxDriver): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    out[table] = (await readTableInFirefox(browser, table)).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const rowCount = (library: FirefoxPage) => library.count('.library-row');

async function waitForText(page: FirefoxPage, selector: string, pattern: RegExp, what: string) {
  return eventually(
    async () => (await page.texts(selector)).find((text) => pattern.test(text)),
    15_000,
    what,
  );
}

describe("the add-on's own pages in Firefox", () => {
  let browser: FirefoxDriver;
  let library: FirefoxPage;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    browser = await FirefoxDriver.launch(
      requireBuild(resolve('.output/firefox-mv2')),
      buildRoutes(),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists an annotated article in the library and finds it by a word of its note', async () => {
    const seed = await browser.newPage();
    await seed.goto(SEED_URL);
    await seed.type(inNote('textarea'), SEED_NOTE);
    await eventually(
      async () => (await seed.texts(inNote('.jak-save-state')))[0] === 'Saved',
      15_000,
      'the note saved',
    );
    await seed.close();

    library = await browser.openExtensionPage('/dashboard.html');
    await eventually(async () => (await rowCount(library)) === 1, 15_000, 'one library row');
    await library.type('input[type=search]', 'nothing-like-this');
    await eventually(async () => (await rowCount(library)) === 0, 10_000, 'no row matches');
    for (let i = 0; i < 'nothing-like-this'.length; i++) await library.press('Backspace');
    await library.type('input[type=search]', 'table 2');
    await eventually(async () => (await rowCount(library)) === 1, 10_000, 'the row again');
    expect(await library.texts('.library-row .library-snippet')).toEqual([SEED_NOTE]);
  });

  it('exports a backup, and after clearing every table, imports it back identical', async () => {
    before = await snapshot(browser);
    expect(before.notes).toHaveLength(1);
    await library.click('.export-menu button');
    const file = await eventually(
      async () => {
        const done = readdirSync(browser.downloadsDir).find((name) => /\.json$/.test(name));
        // Firefox creates the target name before it has written the bytes: the file counts as
        // downloaded once it holds complete JSON, which the assertions below then inspect.
        if (!done) return undefined;
        const path = join(browser.downloadsDir, done);
        try {
          JSON.parse(readFileSync(path, 'utf8'));
          return path;
        } catch {
          return undefined;
        }
      },
      15_000,
      'the complete backup file in the downloads folder',
    );
    expect(file).toMatch(/jak-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync(file, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'jak-lens-backup', version: 1 });

    await clearAllTablesInFirefox(browser);
    // A fresh library tab (BiDi will not reload a moz-extension:// page either).
    await library.close();
    library = await browser.openExtensionPage('/dashboard.html');
    await eventually(async () => (await rowCount(library)) === 0, 15_000, 'an empty library');
    expect((await snapshot(browser)).notes).toEqual([]);

    await library.chooseFile('input[aria-label="Backup file to import"]', file);
    await waitForText(library, '.import-summary', /^adds 1 article/, 'the import preview');
    await library.click('.import-preview button');
    await eventually(async () => (await rowCount(library)) === 1, 15_000, 'the row imported');
    expect(await snapshot(browser)).toEqual(before);
  });

  it('refuses a truncated backup with an alert naming the problem, and changes nothing', async () => {
    await library.chooseFile(
      'input[aria-label="Backup file to import"]',
      resolve('tests/fixtures/imports/truncated.json'),
    );
    await waitForText(library, '[role=alert]', /not valid JSON/, 'the alert');
    expect(await snapshot(browser)).toEqual(before);
  });

  it('switches JAK Lens off on PubMed from the settings, and on again', async () => {
    await library.click('nav.tabs button:last-child');
    await waitForText(library, 'label.check', /^PubMed$/, 'the PubMed switch');
    const pubmedSwitch = '.settings-form fieldset:first-of-type label.check:first-of-type input';
    await library.click(pubmedSwitch);
    const page = await browser.newPage();
    await page.goto(SEED_URL);
    expect(await browser.contentScriptDone(SEED_URL)).toEqual({ kind: 'no-session' });
    expect(await page.count('jl-mark, jak-lens-panel')).toBe(0);

    await library.click(pubmedSwitch);
    await page.reload();
    await eventually(async () => (await page.count('jl-mark')) > 0, 15_000, 'marks again');
    await page.close();
  });

  it('adds a watch-list term in the settings, and the page marks it with its label', async () => {
    await library.type('.watch-list ~ label:nth-of-type(1) input', 'proximal muscle weakness');
    await library.type('.watch-list ~ label:nth-of-type(2) input', 'Muscle signs');
    await library.click('.watch-list ~ button');
    await waitForText(library, '.watch-term', /^proximal muscle weakness$/, 'the watch term');
    const page = await browser.newPage();
    await page.goto(SEED_URL);
    await browser.contentScriptDone(SEED_URL);
    const marks = await page.evaluate(() =>
      [...document.querySelectorAll("jl-mark[data-jl-kind='watch']")].map((m) => [
        m.textContent,
        m.getAttribute('data-jl-label'),
      ]),
    );
    expect(marks).toContainEqual(['proximal muscle weakness', 'Muscle signs']);
    await page.close();
  });

  it("shows the tab's article in the popup, and its button opens the panel there", async () => {
    const page = await browser.newPage();
    await page.goto(UNRELATED_URL);
    await browser.contentScriptDone(UNRELATED_URL);
    expect(await page.count('jak-lens-panel')).toBe(0);
    const tabId = await browser.tabIdOf(UNRELATED_URL);

    const popup = await browser.openExtensionPage(`/popup.html?tab=${tabId}`);
    await waitForText(popup, '.article .pmid', /37882686/, 'the PMID in the popup');
    await popup.click('.actions button:not(.site-toggle)');
    await eventually(async () => (await page.count('jak-lens-panel')) === 1, 10_000, 'the panel');
    await page.close();
  });

  it("shows the seed review's verdict in the popup, and its site switch turns the open page off and on", async () => {
    const page = await browser.newPage();
    await page.goto(SEED_URL);
    await browser.contentScriptDone(SEED_URL);
    const popup = await browser.openExtensionPage(
      `/popup.html?tab=${await browser.tabIdOf(SEED_URL)}`,
    );
    await waitForText(popup, '.verdict .drugs', /baricitinib/i, 'the verdict in the popup');
    expect(
      await popup.evaluate(() =>
        document.querySelector('.verdict')?.getAttribute('data-relevance'),
      ),
    ).toBe('core');

    const pressed = () =>
      popup.evaluate(() => document.querySelector('.site-toggle')?.getAttribute('aria-pressed'));
    expect(await pressed()).toBe('true');
    await popup.click('.site-toggle');
    await eventually(async () => (await pressed()) === 'false', 10_000, 'the switch off');
    await eventually(
      async () => (await page.count('jl-mark, jak-lens-panel')) === 0,
      15_000,
      'the open page without marks or panel',
    );
    await waitForText(popup, '.site-off', /off on PubMed/, 'the popup saying it is off');

    await popup.click('.site-toggle');
    await eventually(async () => (await pressed()) === 'true', 10_000, 'the switch on');
    await eventually(async () => (await page.count('jl-mark')) > 0, 20_000, 'the marks back');
    await eventually(
      async () => (await page.count('jak-lens-panel')) === 1,
      15_000,
      'the panel back',
    );
    await popup.close();
    await page.close();
  });
});
