// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/storage/db';
import { getNote, saveNote } from '@/utils/storage/notes-repository';
import { createSyncService, type StorageArea } from '@/utils/sync/service';
import { SyncStateDB } from '@/utils/storage/sync/sync-state';
import { TEST_ITERATIONS } from '../../support/sync-devices';
import { startDavServer, type DavServer } from '../../support/webdav-server';

/** The background's sync service: set-up, Test connection, status, removal, against Apache. */
let server: DavServer;
let plainWeb: Server;
let plainWebUrl: string;
let selfSigned: Server;
let selfSignedUrl: string;

/** A key and a self-signed certificate made by openssl for this run (trusted by nobody). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'jak-lens-tls-'));
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  if (made.status !== 0) throw new Error(`openssl req failed: ${String(made.stderr)}`);
  const pair = {
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
  };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

beforeAll(async () => {
  server = await startDavServer();
  // An ordinary web server (not WebDAV) answering every request with a page.
  plainWeb = createServer((_req, res) => res.end('<html>hello</html>'));
  await new Promise<void>((r) => plainWeb.listen(0, '127.0.0.1', r));
  const address = plainWeb.address();
  plainWebUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  // A server whose TLS certificate the client does not trust (self-signed, as on some NAS boxes).
  selfSigned = createTlsServer(selfSignedCertificate(), (_req, res) => res.end('never read'));
  await new Promise<void>((r) => selfSigned.listen(0, '127.0.0.1', r));
  const tls = selfSigned.address();
  selfSignedUrl = `https://127.0.0.1:${typeof tls === 'object' && tls ? tls.port : 0}/`;
});
afterAll(async () => {
  await server.dispose();
  await new Promise((r) => plainWeb.close(r));
  await new Promise((r) => selfSigned.close(r));
});

function memoryStorage(): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}

let n = 0;
function service(storage = memoryStorage(), revoked: string[] = []) {
  const db = openDatabase(`svc-${++n}`);
  const state = new SyncStateDB(`svc-state-${n}`);
  const svc = createSyncService({
    db,
    state,
    storage,
    iterations: TEST_ITERATIONS,
    revokeOrigin: async (url) => void revoked.push(url),
  });
  return { svc, db, storage, revoked };
}

const account = (
  over: Partial<{ serverUrl: string; folder: string; user: string; password: string }> = {},
) => ({
  serverUrl: server.origin,
  folder: 'svc',
  user: 'alice',
  password: 'secret',
  ...over,
});

describe('sync service', { timeout: 30_000 }, () => {
  it('"Test connection" names what is wrong', async () => {
    const { svc } = service();
    await fetch(new URL('svc/', server.origin), {
      method: 'MKCOL',
      headers: { authorization: `Basic ${btoa('alice:secret')}` },
    });
    const cases: [ReturnType<typeof account>, RegExp][] = [
      [
        account({ serverUrl: 'http://127.0.0.1:9/' }),
        /Cannot reach 127\.0\.0\.1:9 \(server down or offline\)/,
      ],
      [
        account({ serverUrl: selfSignedUrl }),
        /Cannot reach 127\.0\.0\.1:\d+ \(server down, offline, or its TLS certificate is not trusted by the browser\)/,
      ],
      [account({ password: 'wrong' }), /refused the user name or password \(401\)/],
      [account({ folder: 'forbidden' }), /forbids PROPFIND .*\(403\)/],
      [account({ folder: 'no-such-folder' }), /does not exist on the server \(404\)/],
      [
        account({ serverUrl: plainWebUrl }),
        /not 207 Multi-Status: this URL is not a WebDAV folder/,
      ],
      [account({ serverUrl: 'ftp://example.org/' }), /must start with https:\/\//],
      [account({ serverUrl: 'https://ana:pw@cloud.example.org/' }), /not in the address/],
    ];
    for (const [input, words] of cases) {
      const result = await svc.test(input);
      expect(result.ok, input.serverUrl + input.folder).toBe(false);
      expect(result.message).toMatch(words);
    }
    expect(await svc.test(account())).toEqual({
      ok: true,
      message: expect.stringMatching(/^Connected\. The folder is empty/),
    });
  });

  it('sets up, syncs, reports status without credentials, and removing sync keeps the notes and gives back host access', async () => {
    const one = service();
    await saveNote(one.db, {
      articleKey: 'pmid:1',
      body: 'from one',
      tags: [],
      status: 'read',
      baseRevision: 0,
    });
    const after = await one.svc.configure({ ...account(), passphrase: 'long passphrase' });
    expect(after).toMatchObject({
      configured: true,
      running: false,
      pending: 0,
      lastReport: { uploaded: 1 },
    });
    expect(after.lastError).toBeUndefined();
    expect(JSON.stringify(after)).not.toContain('secret');
    expect(JSON.stringify(one.storage.data)).not.toContain('long passphrase');

    const two = service();
    expect((await two.svc.test(account())).message).toMatch(/already holds JAK Lens notes/);
    const wrong = await two.svc
      .configure({ ...account(), passphrase: 'another' })
      .catch((e: Error) => e.message);
    expect(wrong).toMatch(/passphrase does not match/);
    expect(two.storage.data).toEqual({});
    await two.svc.configure({ ...account(), passphrase: 'long passphrase' });
    expect((await getNote(two.db, 'pmid:1'))?.body).toBe('from one');

    await saveNote(two.db, {
      articleKey: 'pmid:2',
      body: 'pending',
      tags: [],
      status: 'read',
      baseRevision: 0,
    });
    expect((await two.svc.status()).pending).toBe(1);
    server.setPassword('rotated');
    const failed = await two.svc.syncNow();
    expect(failed.lastError).toMatch(/401/);
    expect(failed.pending).toBe(1);
    server.setPassword('secret');

    const removed = await two.svc.remove();
    expect(removed).toMatchObject({ configured: false, pending: 0 });
    expect(two.revoked).toEqual([server.origin]);
    expect(two.storage.data).toEqual({});
    expect(await two.db.notes.count()).toBe(2);
  });
});
