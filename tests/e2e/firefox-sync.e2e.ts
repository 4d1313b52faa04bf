import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxDriver, type FirefoxPage } from './drivers/firefox';
import { eventually } from './drivers/types';
import { startDavServer, type DavServer } from '../support/webdav-server';
import { requireBuild } from './support/extension';

/**
 * Sync in Firefox: two Firefox ESR profiles through one real Apache httpd + mod_dav on loopback, with the
 * add-on exactly as built: its manifest grants no sync server, only the optional `http://*\/*` and
 * `https://*\/*` patterns. Headless Firefox cannot show the permission prompt, so the profiles run with
 * Firefox's own pref `extensions.webextOptionalPermissionPrompts` off: a permissions.request made in a
 * user-input handler is then granted as asked, without a prompt (Firefox still refuses one made outside a
 * click). Set-up is typed and clicked in the library's settings, so the test sees which origin the
 * product asks for, that sync works with that grant alone, and that removing sync gives it back. The add-on's
 * background reaches the server itself (loopback is never sent to the suites' dead proxy).
 */
const ARTICLE = 'pmid:34563217';
/** The settings form's default folder name. */
const FOLDER = 'JAK Lens';
const PREFS = { 'extensions.webextOptionalPermissionPrompts': false };

let server: DavServer;
const browsers: FirefoxDriver[] = [];

type Reply<T> = { ok: boolean; data?: T; error?: string };

/** Sends a message to the background as the library page does. */
async function send<T>(page: FirefoxPage, message: Record<string, unknown>): Promise<T> {
  const reply = await page.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          browser: { runtime: { sendMessage(m: unknown): Promise<Reply<unknown>> } };
        }
      ).browser.runtime.sendMessage(m),
    message,
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

/** The host patterns the add-on holds now (manifest and run-time grants), sorted. */
function grantedOrigins(page: FirefoxPage): Promise<string[]> {
  return page.evaluate(async () =>
    (
      await (
        globalThis as unknown as {
          browser: { permissions: { getAll(): Promise<{ origins: string[] }> } };
        }
      ).browser.permissions.getAll()
    ).origins.sort(),
  );
}

const serverUrl = () => server.origin.replace('127.0.0.1', 'localhost');
const account = () => ({
  serverUrl: serverUrl(),
  folder: FOLDER,
  user: server.user,
  password: server.password,
});

/** What the settings form says after an action, once it is no longer working. */
function formMessage(page: FirefoxPage): Promise<string> {
  return eventually(
    async () => {
      const [text] = await page.texts('.sync-message');
      return text && text !== 'Working…' ? text : undefined;
    },
    60_000,
    'the sync form’s answer',
  );
}

/** Types the account into the library's sync settings and presses its buttons, as the reader does. */
async function setUpInSettings(page: FirefoxPage): Promise<{ tested: string; saved: string }> {
  await page.click('nav.tabs button:last-child');
  await page.type('.sync-form input[name=serverUrl]', serverUrl());
  await page.type('.sync-form input[name=user]', server.user);
  await page.type('.sync-form input[name=password]', server.password);
  await page.click('.sync-actions button:nth-of-type(1)'); // Test connection
  const tested = await formMessage(page);
  await page.type('.sync-form input[name=passphrase]', 'ward round passphrase');
  await page.click('.sync-actions button:nth-of-type(2)'); // Turn sync on
  const saved = await eventually(
    async () => {
      const text = await formMessage(page);
      return text !== tested ? text : undefined;
    },
    60_000,
    'the answer to Turn sync on',
  );
  return { tested, saved };
}

type Status = { configured: boolean; lastError?: string; lastSyncAt?: number };
type NoteReply = { note: { body: string; revision: number } | null; conflicts: { body: string }[] };

describe('sync between two Firefox profiles through Apache mod_dav', () => {
  let a: FirefoxPage;
  let b: FirefoxPage;
  let manifestOrigins: string[];

  beforeAll(async () => {
    server = await startDavServer();
    await fetch(new URL(`${encodeURIComponent(FOLDER)}/`, server.origin), {
      method: 'MKCOL',
      headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
    });
    const build = requireBuild(resolve('.output/firefox-mv2'));
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as {
      permissions: string[];
    };
    manifestOrigins = manifest.permissions.filter((p) => p.includes('://')).sort();
    for (let i = 0; i < 2; i++) browsers.push(await FirefoxDriver.launch(build, {}, PREFS));
    a = await (browsers[0] as FirefoxDriver).openExtensionPage('/dashboard.html');
    b = await (browsers[1] as FirefoxDriver).openExtensionPage('/dashboard.html');
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.dispose();
  });

  it('setting sync up asks for that server’s origin alone; before the grant the server cannot be reached', async () => {
    expect(manifestOrigins.some((o) => o.includes('localhost'))).toBe(false);
    expect(await grantedOrigins(a)).toEqual(manifestOrigins);
    // The background asked straight, without the grant: Firefox keeps it from the server.
    const refused = await send<{ ok: boolean; message: string }>(a, {
      type: 'sync/test',
      ...account(),
    });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^Cannot reach localhost:\d+/);

    await send(a, {
      type: 'note/save',
      articleKey: ARTICLE,
      body: 'Ruxolitinib: rash cleared by week 8',
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
    const setUp = await setUpInSettings(a);
    expect(setUp.tested).toMatch(/^Connected\. The folder is empty/);
    expect(setUp.saved).toBe('Sync is on. Your notes were synced.');
    expect(await grantedOrigins(a)).toEqual([...manifestOrigins, 'http://localhost/*'].sort());
  });

  it('a note and a highlight made in one profile appear in the other; the server holds ciphertext', async () => {
    const setUp = await setUpInSettings(b);
    expect(setUp.tested).toMatch(/^Connected\. This folder already holds JAK Lens notes/);
    expect(setUp.saved).toBe('Sync is on. Your notes were synced.');
    expect(await grantedOrigins(b)).toEqual([...manifestOrigins, 'http://localhost/*'].sort());
    const got = await send<NoteReply>(b, { type: 'note/get', articleKey: ARTICLE });
    expect(got.note?.body).toBe('Ruxolitinib: rash cleared by week 8');
    const highlights = await send<{ textQuote: { exact: string } }[]>(b, {
      type: 'highlight/list',
      articleKey: ARTICLE,
    });
    expect(highlights.map((h) => h.textQuote.exact)).toEqual(['baricitinib']);

    const dir = join(server.root, FOLDER, 'jak-lens', 'records');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(dir, files[0] ?? '')).toString('latin1');
    for (const plain of ['Ruxolitinib', 'rash', 'baricitinib', '34563217', 'JDM']) {
      expect(raw).not.toContain(plain);
    }
  });

  it('edits on both profiles while the server is down end as the note plus a conflict copy on both', async () => {
    const base = await send<NoteReply>(a, { type: 'note/get', articleKey: ARTICLE });
    const edit = (page: FirefoxPage, body: string) =>
      send(page, {
        type: 'note/save',
        articleKey: ARTICLE,
        body,
        tags: ['JDM'],
        status: 'read',
        baseRevision: base.note?.revision ?? 0,
      });
    await server.stop();
    await edit(a, 'Edited in Firefox on the ward');
    await new Promise((r) => setTimeout(r, 20));
    await edit(b, 'Edited in Firefox at home, later');
    for (const page of [a, b]) {
      const status = await send<Status>(page, { type: 'sync/now' });
      expect(status.lastError).toMatch(/^Cannot reach localhost:\d+ \(server down or offline\)/);
    }
    await server.start();
    for (const page of [a, b, a]) {
      expect((await send<Status>(page, { type: 'sync/now' })).lastError).toBeUndefined();
    }
    for (const page of [a, b]) {
      const reply = await send<NoteReply>(page, { type: 'note/get', articleKey: ARTICLE });
      expect(reply.note?.body).toBe('Edited in Firefox at home, later');
      expect(reply.conflicts.map((c) => c.body)).toEqual(['Edited in Firefox on the ward']);
    }
  });

  it('removing sync in the settings gives the server’s origin back; the server is out of reach again', async () => {
    await a.click('.sync-actions button:nth-of-type(3)'); // Remove sync from this browser
    expect(await formMessage(a)).toMatch(/^Sync removed from this browser\./);
    expect(await grantedOrigins(a)).toEqual(manifestOrigins);
    const refused = await send<{ ok: boolean; message: string }>(a, {
      type: 'sync/test',
      ...account(),
    });
    expect(refused.message).toMatch(/^Cannot reach localhost:\d+/);
    // The other profile keeps its own grant.
    expect(await grantedOrigins(b)).toEqual([...manifestOrigins, 'http://localhost/*'].sort());
  });
});
