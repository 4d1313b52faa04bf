import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { startDavServer, type DavServer } from '../support/webdav-server';
import { requireBuild } from './support/extension';

/**
 * Two Chromium profiles syncing through one real Apache httpd + mod_dav on loopback, set up through the
 * library's settings form. Playwright cannot answer the browser's permission prompt (microsoft/playwright
 * #32755), so the test copy of the build lists the loopback server under host_permissions: the product's
 * permissions.request then resolves at once, and everything after it is the product's own path.
 */
const ARTICLE = 'pmid:34563217';
const FOLDER = 'library';

let server: DavServer;
let build: string;
const profiles: ExtensionContext[] = [];

function buildWithLoopbackAccess(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jak-lens-sync-build-'));
  cpSync(requireBuild(), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

async function openLibrary(ext: ExtensionContext): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
  return page;
}

/** Sends a message to the background as the library page does. */
async function send<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = (await page.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(m),
    message,
  )) as {
    ok: boolean;
    data?: T;
    error?: string;
  };
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

async function setUpSync(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Server address').fill(server.origin);
  await page.getByLabel('Folder on the server').fill(FOLDER);
  await page.getByLabel('User name').fill(server.user);
  await page.getByLabel('Password or app token').fill(server.password);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(() => message(page), { timeout: 20_000 }).toMatch(/^Connected\./);
  await page.getByLabel(/Encryption passphrase/).fill('ward round passphrase');
  await page.getByRole('button', { name: 'Turn sync on' }).click();
  await expect
    .poll(() => message(page), { timeout: 60_000 })
    .toBe('Sync is on. Your notes were synced.');
}

/** What the settings form says after an action (its status line). */
function message(page: Page): Promise<string | null> {
  return page
    .locator('.sync-message')
    .textContent({ timeout: 1000 })
    .catch(() => null);
}

type NoteReply = { note: { body: string; revision: number } | null; conflicts: { body: string }[] };

describe('sync between two Chromium profiles through Apache mod_dav', () => {
  let a: Page;
  let b: Page;

  beforeAll(async () => {
    server = await startDavServer();
    await fetch(new URL(`${FOLDER}/`, server.origin), {
      method: 'MKCOL',
      headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
    });
    build = buildWithLoopbackAccess();
    profiles.push(await launchWithExtension(build), await launchWithExtension(build));
    a = await openLibrary(profiles[0] as ExtensionContext);
    b = await openLibrary(profiles[1] as ExtensionContext);
  });
  afterAll(async () => {
    for (const p of profiles) {
      await p.close();
      removeProfile(p.userDataDir);
    }
    await server?.dispose();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('a note and a highlight made in one profile appear in the other; the server holds ciphertext', async () => {
    await send(a, {
      type: 'note/save',
      articleKey: ARTICLE,
      body: 'Tofacitinib: calcinosis improved at 6 months',
      tags: ['JDM'],
      status: 'read',
      baseRevision: 0,
    });
    await send(a, {
      type: 'highlight/add',
      articleKey: ARTICLE,
      exact: 'baricitinib',
      prefix: 'treated with ',
      suffix: ' for refractory',
      start: 100,
      end: 111,
      color: 'yellow',
    });
    await setUpSync(a);
    await setUpSync(b);
    const got = await send<NoteReply>(b, { type: 'note/get', articleKey: ARTICLE });
    expect(got.note?.body).toBe('Tofacitinib: calcinosis improved at 6 months');
    const highlights = await send<{ textQuote: { exact: string } }[]>(b, {
      type: 'highlight/list',
      articleKey: ARTICLE,
    });
    expect(highlights.map((h) => h.textQuote.exact)).toEqual(['baricitinib']);

    const dir = join(server.root, FOLDER, 'jak-lens', 'records');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(dir, files[0] ?? '')).toString('latin1');
    for (const plain of ['Tofacitinib', 'calcinosis', 'baricitinib', '34563217', 'JDM']) {
      expect(raw).not.toContain(plain);
    }
    // The library shows the sync status line.
    await b.getByRole('button', { name: 'Library' }).click();
    await b
      .getByText(/Last sync /)
      .first()
      .waitFor({ timeout: 10_000 });
  });

  it('offline edits on both profiles end as the note plus a conflict copy on both', async () => {
    const base = await send<NoteReply>(a, { type: 'note/get', articleKey: ARTICLE });
    const revision = base.note?.revision ?? 0;
    const edit = (page: Page, body: string) =>
      send(page, {
        type: 'note/save',
        articleKey: ARTICLE,
        body,
        tags: ['JDM'],
        status: 'read',
        baseRevision: revision,
      });
    await edit(a, 'Edited on the ward PC');
    await new Promise((r) => setTimeout(r, 20));
    await edit(b, 'Edited at home, later');
    for (const page of [a, b, a]) {
      const status = await send<{ lastError?: string }>(page, { type: 'sync/now' });
      expect(status.lastError).toBeUndefined();
    }
    for (const page of [a, b]) {
      const reply = await send<NoteReply>(page, { type: 'note/get', articleKey: ARTICLE });
      expect(reply.note?.body).toBe('Edited at home, later');
      expect(reply.conflicts.map((c) => c.body)).toEqual(['Edited on the ward PC']);
    }
  });
});
