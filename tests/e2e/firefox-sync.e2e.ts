import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxDriver, type FirefoxPage } from './drivers/firefox';
import { startDavServer, type DavServer } from '../support/webdav-server';
import { requireBuild } from './support/extension';

/**
 * Sync in Firefox: two Firefox ESR profiles through one real Apache httpd + mod_dav on loopback. The
 * add-on's background reaches the server itself (loopback is never sent to the suites' dead proxy), so
 * nothing needs routing. BiDi cannot answer the permission prompt either, so the test copy of the build
 * lists the loopback server among its permissions (as in sync.e2e.ts for Chromium); set-up goes through
 * the same messages the settings form sends.
 */
const ARTICLE = 'pmid:34563217';
const FOLDER = 'firefox';

let server: DavServer;
let build: string;
const browsers: FirefoxDriver[] = [];

function buildWithLoopbackAccess(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jak-lens-ff-sync-build-'));
  cpSync(requireBuild(resolve('.output/firefox-mv2')), dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { permissions: string[] };
  manifest.permissions.push('http://localhost/*');
  writeFileSync(path, JSON.stringify(manifest));
  return dir;
}

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

const account = () => ({
  serverUrl: server.origin.replace('127.0.0.1', 'localhost'),
  folder: FOLDER,
  user: server.user,
  password: server.password,
});

type Status = { configured: boolean; lastError?: string; lastSyncAt?: number };
type NoteReply = { note: { body: string; revision: number } | null; conflicts: { body: string }[] };

describe('sync between two Firefox profiles through Apache mod_dav', () => {
  let a: FirefoxPage;
  let b: FirefoxPage;

  beforeAll(async () => {
    server = await startDavServer();
    await fetch(new URL(`${FOLDER}/`, server.origin), {
      method: 'MKCOL',
      headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
    });
    build = buildWithLoopbackAccess();
    for (let i = 0; i < 2; i++) browsers.push(await FirefoxDriver.launch(build, {}));
    a = await (browsers[0] as FirefoxDriver).openExtensionPage('/dashboard.html');
    b = await (browsers[1] as FirefoxDriver).openExtensionPage('/dashboard.html');
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.dispose();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('a note and a highlight made in one profile appear in the other; the server holds ciphertext', async () => {
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
    const tested = await send<{ ok: boolean; message: string }>(a, {
      type: 'sync/test',
      ...account(),
    });
    expect(tested.message).toMatch(/^Connected\. The folder is empty/);
    for (const page of [a, b]) {
      const status = await send<Status>(page, {
        type: 'sync/configure',
        ...account(),
        passphrase: 'ward round passphrase',
      });
      expect(status.configured).toBe(true);
      expect(status.lastError).toBeUndefined();
      expect(status.lastSyncAt).toBeGreaterThan(0);
    }
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
});
