import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { readFixture } from '../support/fixtures';
import { routePages } from '../support/routes';
import { buildRoutes, SEED_URL, UNRELATED_URL } from './pages';
import {
  clearAllTables,
  contentScriptDone,
  readTable,
  requireBuild,
  tabIdFor,
  waitFor,
} from './support/extension';
import { chromiumUi } from './support/chromium-ui';

const TABLES = ['articles', 'notes', 'noteConflicts', 'trash', 'highlights', 'recent'];
const SEED_NOTE = 'Baricitinib dose in children: check table 2';
const OTHER_NOTE = 'Compare the sutureless valve cohort';

/** Every table, rows sorted, for "identical data" comparisons. */
async function snapshot(ext: ExtensionContext): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await readTable(ext.worker, table);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

async function typeNote(page: Page, text: string): Promise<void> {
  // The note editor is an extension frame inside the panel's closed root (found over the protocol).
  const note = await chromiumUi(page).frame('jak-lens-panel', 'iframe.jl-note-frame');
  const field = note.locator('textarea').first();
  await field.waitFor({ timeout: 20_000 });
  await field.click();
  await field.pressSequentially(text);
  await expect
    .poll(() => note.locator('.jak-save-state').first().textContent(), {
      timeout: 15_000,
    })
    .toBe('Saved');
}

describe('notes library in real Chromium', () => {
  let ext: ExtensionContext;
  let library: Page;
  let exported: string;
  let before: Record<string, unknown[]>;

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild());
    await routePages(ext.context, buildRoutes());
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  it('lists two annotated articles and finds one by a word of its note', async () => {
    const seed = await ext.context.newPage();
    await seed.goto(SEED_URL);
    await typeNote(seed, SEED_NOTE);

    // The unrelated article shows no panel by itself; the reader opens it (as the popup and the
    // keyboard command do) to write a note.
    const other = await ext.context.newPage();
    await other.goto(UNRELATED_URL);
    await contentScriptDone(ext.worker, UNRELATED_URL);
    const tabId = await waitFor(() => tabIdFor(ext.worker, UNRELATED_URL));
    await ext.worker.evaluate((id) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser })
        .chrome;
      return api.tabs.sendMessage(id, { type: 'panel/toggle' });
    }, tabId);
    await typeNote(other, OTHER_NOTE);
    await seed.close();
    await other.close();

    library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await expect.poll(() => library.locator('.library-row').count()).toBe(2);
    await library.getByRole('searchbox').fill('sutureless');
    await expect.poll(() => library.locator('.library-row').count()).toBe(1);
    await expect(library.locator('.library-row .library-snippet').textContent()).resolves.toBe(
      OTHER_NOTE,
    );
    expect(await library.locator('.library-row').getAttribute('data-key')).toBe('pmid:37882686');
    await library.getByRole('searchbox').fill('');
    await expect.poll(() => library.locator('.library-row').count()).toBe(2);
  });

  it('exports JSON, and after clearing everything, imports it back identical', async () => {
    before = await snapshot(ext);
    expect(before.notes).toHaveLength(2);
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^jak-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    exported = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'jak-lens-backup', version: 1 });

    await clearAllTables(ext.worker);
    await library.reload();
    await expect.poll(() => library.locator('.library-row').count()).toBe(0);
    expect((await snapshot(ext)).notes).toEqual([]);

    await library.getByLabel('Backup file to import').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect
      .poll(() => library.locator('.import-summary').textContent())
      .toMatch(/^adds 2 articles/);
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => library.locator('.library-row').count()).toBe(2);
    expect(await snapshot(ext)).toEqual(before);
  });

  it.each([
    ['truncated.json', 'not valid JSON'],
    ['javascript-url.json', 'record articles[1], field url: must be an http(s) address'],
    ['duplicate-json-key.json', 'record notes[1], field body: the key appears twice'],
  ])('refuses %s with an alert naming the problem, and changes nothing', async (name, message) => {
    await library.getByLabel('Backup file to import').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(readFixture(`imports/${name}`)),
    });
    await expect.poll(() => library.getByRole('alert').textContent()).toContain(message);
    expect(await snapshot(ext)).toEqual(before);
  });

  it('switches JAK Lens off on PubMed from the settings, and on again', async () => {
    await library.getByRole('button', { name: 'Settings' }).click();
    const pubmed = library.getByRole('checkbox', { name: 'PubMed', exact: true });
    await pubmed.uncheck();
    const page = await ext.context.newPage();
    await page.goto(SEED_URL);
    // The content script answers, with no session: it read the settings and decided not to start.
    expect(await contentScriptDone(ext.worker, SEED_URL)).toEqual({ kind: 'no-session' });
    expect(await page.locator('jl-mark, jak-lens-panel, #jl-term-mark-style').count()).toBe(0);

    await pubmed.check();
    await page.reload();
    await expect
      .poll(() => page.locator('jl-mark').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.close();
  });
});
