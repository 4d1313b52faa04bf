// @vitest-environment node
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getNote, listConflicts, saveNote } from '@/utils/storage/notes-repository';
import { WrongPassphraseError } from '@/utils/sync/crypto';
import { openKeys } from '@/utils/sync/keys';
import { DavClient, DavError } from '@/utils/sync/webdav';
import { makeDevice, TEST_ITERATIONS, type Device } from '../../support/sync-devices';
import { startDavServer, type DavServer } from '../../support/webdav-server';

/** The fault table of issue 19, each against the real Apache httpd + mod_dav. */
let server: DavServer;
let folder = 0;
const devices: Device[] = [];

beforeAll(async () => {
  server = await startDavServer();
});
afterAll(() => server.dispose());
afterEach(async () => {
  devices.splice(0).forEach((d) => d.close());
  server.setPassword('secret');
  await server.start();
});

async function newFolder(mount?: number): Promise<string> {
  const name = `faults-${++folder}`;
  if (mount) server.mountFull(name, mount);
  else
    await fetch(new URL(`${name}/`, server.origin), {
      method: 'MKCOL',
      headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
    });
  return name;
}

async function device(name: string, passphrase?: string): Promise<Device> {
  const d = await makeDevice(server, { folder: `${name}/`, ...(passphrase ? { passphrase } : {}) });
  devices.push(d);
  return d;
}

async function notes(d: Device, count: number, body = (i: number) => `note ${i}`) {
  for (let i = 1; i <= count; i++) {
    await saveNote(d.db, {
      articleKey: `pmid:${i}`,
      body: body(i),
      tags: [],
      status: 'to-read',
      baseRevision: 0,
    });
  }
}

const recordFiles = (name: string) => {
  const dir = join(server.root, name, 'jak-lens', 'records');
  return readdirSync(dir).map((f) => join(dir, f));
};
const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('sync faults', { timeout: 60_000 }, () => {
  it('server down mid-sync: says unreachable, keeps every note, leaves the server readable, resumes', async () => {
    const name = await newFolder();
    const a = await device(name);
    await notes(a, 20);
    let puts = 0;
    const error = await caught(
      a.sync({
        concurrency: 1,
        fetch: async (input, init) => {
          if (init.method === 'PUT' && ++puts === 8) await server.stop();
          return fetch(input, init);
        },
      }),
    );
    expect(error).toBeInstanceOf(DavError);
    expect((error as DavError).kind).toBe('unreachable');
    expect((error as Error).message).toMatch(/Cannot reach 127\.0\.0\.1/);
    expect(await a.db.notes.count()).toBe(20);
    const written = recordFiles(name).length;
    expect(written).toBe(7);

    await server.start();
    const b = await device(name);
    expect((await b.sync()).downloaded).toBe(7); // what reached the server is whole and readable
    const resumed = await a.sync();
    expect(resumed.uploaded).toBe(13); // only the rest
    await b.sync();
    expect(await b.db.notes.count()).toBe(20);
  });

  it('the worker stopped mid-sync (requests never answered): the next sync resumes, nothing doubled or lost', async () => {
    const name = await newFolder();
    const a = await device(name);
    await notes(a, 12);
    let puts = 0;
    // Like Chrome ending the service worker: the sync just stops, with a request in flight.
    void a.sync({
      concurrency: 1,
      fetch: (input, init) =>
        init.method === 'PUT' && ++puts > 5
          ? new Promise<Response>(() => undefined)
          : fetch(input, init),
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(recordFiles(name)).toHaveLength(5);
    const resumed = await a.sync();
    expect(resumed.uploaded).toBe(7);
    const b = await device(name);
    await b.sync();
    expect((await b.db.notes.toArray()).map((n) => n.body).sort()).toEqual(
      (await a.db.notes.toArray()).map((n) => n.body).sort(),
    );
    expect(await a.db.noteConflicts.count()).toBe(0);
  });

  it('401 after a password change: names the cause and changes nothing here', async () => {
    const name = await newFolder();
    const a = await device(name);
    await notes(a, 2);
    await a.sync();
    await saveNote(a.db, {
      articleKey: 'pmid:1',
      body: 'edited',
      tags: [],
      status: 'read',
      baseRevision: 1,
    });
    const before = await a.db.notes.toArray();
    server.setPassword('changed-on-the-server');
    // The device still holds the password it was set up with.
    const error = await caught(a.sync());
    expect((error as DavError).kind).toBe('unauthorized');
    expect((error as Error).message).toMatch(/refused the user name or password \(401\)/);
    expect(await a.db.notes.toArray()).toEqual(before);
  });

  it('412: another device wrote first, so this one merges again and both texts are kept', async () => {
    const name = await newFolder();
    const a = await device(name);
    const b = await device(name);
    await notes(a, 1, () => 'start');
    await a.sync();
    await b.sync();
    await saveNote(
      a.db,
      { articleKey: 'pmid:1', body: 'from A', tags: [], status: 'to-read', baseRevision: 1 },
      5000,
    );
    await saveNote(
      b.db,
      { articleKey: 'pmid:1', body: 'from B', tags: [], status: 'to-read', baseRevision: 1 },
      4000,
    );
    const statuses: number[] = [];
    let raced = false;
    await a.sync({
      fetch: async (input, init) => {
        // B's sync lands between A's listing and A's conditional PUT.
        if (init.method === 'PUT' && !raced) {
          raced = true;
          await b.sync();
        }
        const response = await fetch(input, init);
        if (init.method === 'PUT') statuses.push(response.status);
        return response;
      },
    });
    expect(statuses[0]).toBe(412);
    expect(statuses.at(-1)).toBe(204);
    await b.sync();
    for (const d of [a, b]) {
      expect((await getNote(d.db, 'pmid:1'))?.body).toBe('from A');
      expect((await listConflicts(d.db, 'pmid:1')).map((c) => c.body)).toEqual(['from B']);
    }
  });

  it('a truncated or tampered file is refused by name; nothing local changes; the rest syncs', async () => {
    const name = await newFolder();
    const a = await device(name);
    const b = await device(name);
    await notes(a, 3);
    await a.sync();
    await b.sync();
    await saveNote(a.db, {
      articleKey: 'pmid:1',
      body: 'changed 1',
      tags: [],
      status: 'read',
      baseRevision: 1,
    });
    await saveNote(a.db, {
      articleKey: 'pmid:2',
      body: 'changed 2',
      tags: [],
      status: 'read',
      baseRevision: 1,
    });
    await saveNote(a.db, {
      articleKey: 'pmid:3',
      body: 'changed 3',
      tags: [],
      status: 'read',
      baseRevision: 1,
    });
    await a.sync();
    const files = recordFiles(name).sort();
    const [first, second] = files;
    const truncated = readFileSync(first ?? '');
    writeFileSync(first ?? '', truncated.subarray(0, truncated.length - 7));
    const tampered = readFileSync(second ?? '');
    tampered[40] = (tampered[40] ?? 0) ^ 0xff;
    writeFileSync(second ?? '', tampered);
    const before = await b.db.notes.toArray();

    const report = await b.sync();
    expect(report.failures.map((f) => f.file).sort()).toEqual(
      [first, second].map((f) => `jak-lens/records/${f?.split('/').at(-1)}`).sort(),
    );
    for (const failure of report.failures) expect(failure.error).toMatch(/failed authentication/);
    const after = await b.db.notes.toArray();
    const changed = after.filter((n) => n.body.startsWith('changed'));
    expect(changed).toHaveLength(1); // the intact third file
    expect(after.filter((n) => !n.body.startsWith('changed'))).toEqual(
      before.filter((n) => !changed.some((c) => c.articleKey === n.articleKey)),
    );
  });

  it('507 from a full server: says so, loses nothing, and every file left on the server reads', async () => {
    const name = await newFolder(96 * 1024); // a 96 KiB tmpfs as the sync folder
    const a = await device(name);
    await notes(a, 60, (i) => `${i} `.repeat(800)); // ~60 × 3 KiB of ciphertext: does not fit
    const error = await caught(a.sync({ concurrency: 1 }));
    expect((error as DavError).kind).toBe('insufficient-storage');
    expect((error as Error).message).toMatch(/server is full \(507/);
    expect(await a.db.notes.count()).toBe(60);
    const b = await device(name);
    const report = await b.sync();
    expect(report.failures).toEqual([]);
    expect(await b.db.notes.count()).toBe(recordFiles(name).length);
    expect(recordFiles(name).length).toBeGreaterThan(0);
  });

  it('a wrong passphrase is said before anything is read or written', async () => {
    const name = await newFolder();
    const a = await device(name, 'the right one');
    await notes(a, 1);
    await a.sync();
    const listing = recordFiles(name).map((f) => readFileSync(f));
    const client = new DavClient({
      folderUrl: new URL(`${name}/`, server.origin).href,
      user: 'alice',
      password: 'secret',
    });
    await expect(openKeys(client, 'the wrong one', TEST_ITERATIONS)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    expect(recordFiles(name).map((f) => readFileSync(f))).toEqual(listing);
  });
});
