// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addHighlight,
  deleteHighlight,
  listHighlights,
} from '@/utils/storage/highlights-repository';
import { emptyTrash, trashArticles } from '@/utils/storage/trash';
import {
  getNote,
  listConflicts,
  listTrash,
  restoreFromTrash,
  saveNote,
} from '@/utils/storage/notes-repository';
import { countPending } from '@/utils/sync/engine';
import { makeDevice, type Device } from '../../support/sync-devices';
import { startDavServer, type DavServer } from '../../support/webdav-server';

/** Two profiles syncing through a real Apache httpd + mod_dav on loopback. */
let server: DavServer;
let folder = 0;
const devices: Device[] = [];

beforeAll(async () => {
  server = await startDavServer();
});
afterAll(() => server.dispose());
afterEach(() => devices.splice(0).forEach((d) => d.close()));

async function pair(): Promise<[Device, Device]> {
  const name = `library-${++folder}/`;
  await fetch(new URL(name, server.origin), {
    method: 'MKCOL',
    headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
  });
  const a = await makeDevice(server, { folder: name });
  const b = await makeDevice(server, { folder: name });
  devices.push(a, b);
  return [a, b];
}

const KEY = 'pmid:34563217';
const quote = { exact: 'baricitinib', prefix: 'with ', suffix: ' in' };

function serverFiles(name: string): string[] {
  const dir = join(server.root, name, 'jak-lens', 'records');
  return readdirSync(dir).map((f) => join(dir, f));
}

describe('two-way sync through Apache mod_dav', { timeout: 30_000 }, () => {
  it('carries a note with its tags and status and a highlight to the other profile, as ciphertext', async () => {
    const [a, b] = await pair();
    await a.db.articles.put({
      key: KEY,
      pmid: '34563217',
      title: 'JAK inhibitors in refractory juvenile dermatomyositis',
      url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
      firstSeen: 1,
      lastSeen: 2,
    });
    await saveNote(a.db, {
      articleKey: KEY,
      body: 'Tofacitinib helped calcinosis',
      tags: ['JDM'],
      status: 'read',
      baseRevision: 0,
    });
    await addHighlight(a.db, {
      articleKey: KEY,
      textQuote: quote,
      textPosition: { start: 5, end: 16 },
      color: 'yellow',
    });
    const first = await a.sync();
    expect(first.uploaded).toBe(1);

    const got = await b.sync();
    expect(got.downloaded).toBe(1);
    expect(await getNote(b.db, KEY)).toMatchObject({
      body: 'Tofacitinib helped calcinosis',
      tags: ['JDM'],
      status: 'read',
    });
    expect((await listHighlights(b.db, KEY)).map((h) => h.textQuote.exact)).toEqual([
      'baricitinib',
    ]);
    expect((await b.db.articles.get(KEY))?.title).toMatch(/juvenile dermatomyositis/);

    const files = serverFiles(`library-${folder}`);
    expect(files).toHaveLength(1);
    const raw = readFileSync(files[0] ?? '').toString('latin1');
    for (const secret of [
      'Tofacitinib',
      'calcinosis',
      'baricitinib',
      '34563217',
      'JDM',
      'dermatomyositis',
    ]) {
      expect(raw).not.toContain(secret);
      expect(files[0]).not.toContain(secret);
    }
  });

  it('moves only what changed: an idle sync is one listing, one edit is one upload', async () => {
    const [a, b] = await pair();
    for (let i = 1; i <= 5; i++) {
      await saveNote(a.db, {
        articleKey: `pmid:${i}`,
        body: `note ${i}`,
        tags: [],
        status: 'to-read',
        baseRevision: 0,
      });
    }
    await a.sync();
    await b.sync();
    const idle = await a.sync();
    expect(idle.stats.requests).toBe(1);
    expect(idle.uploaded + idle.downloaded).toBe(0);

    await saveNote(b.db, {
      articleKey: 'pmid:3',
      body: 'note 3, read again',
      tags: [],
      status: 'read',
      baseRevision: 1,
    });
    expect(await countPending(b.db, b.state)).toBe(1);
    const push = await b.sync();
    expect(push.uploaded).toBe(1);
    expect(await countPending(b.db, b.state)).toBe(0);
    // Apache answers a PUT without ETag: the engine asks for it (PROPFIND Depth 0) so the next run is idle.
    expect((await b.sync()).stats.requests).toBe(1);
    const pull = await a.sync();
    expect(pull.downloaded).toBe(1);
    expect((await getNote(a.db, 'pmid:3'))?.body).toBe('note 3, read again');
  });

  it('reports progress against a total fixed at the start, counting up to it', async () => {
    const [a] = await pair();
    for (let i = 1; i <= 9; i++) {
      await saveNote(a.db, {
        articleKey: `pmid:${i}`,
        body: `note ${i}`,
        tags: [],
        status: 'to-read',
        baseRevision: 0,
      });
    }
    const seen: { done: number; total: number }[] = [];
    await a.sync({ onProgress: (p) => seen.push(p) });
    // Files in flight at once (six) must not shrink the total the status line shows.
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([9]));
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps both texts when two profiles edited one note offline: the newer wins, the other is a conflict copy', async () => {
    const [a, b] = await pair();
    await saveNote(
      a.db,
      { articleKey: KEY, body: 'first', tags: [], status: 'to-read', baseRevision: 0 },
      1000,
    );
    await a.sync();
    await b.sync();
    await saveNote(
      a.db,
      {
        articleKey: KEY,
        body: 'edited on the ward PC',
        tags: [],
        status: 'to-read',
        baseRevision: 1,
      },
      2000,
    );
    await saveNote(
      b.db,
      {
        articleKey: KEY,
        body: 'edited at home later',
        tags: ['home'],
        status: 'reading',
        baseRevision: 1,
      },
      3000,
    );
    await a.sync();
    const merge = await b.sync();
    expect(merge.conflicts).toBe(1);
    await a.sync();
    for (const device of [a, b]) {
      const note = await getNote(device.db, KEY);
      expect(note?.body).toBe('edited at home later');
      expect(note?.revision).toBe(3);
      expect((await listConflicts(device.db, KEY)).map((c) => c.body)).toEqual([
        'edited on the ward PC',
      ]);
    }
    // An editor still open on the old revision cannot overwrite the merged note.
    const stale = await saveNote(a.db, {
      articleKey: KEY,
      body: 'typed in an old tab',
      tags: [],
      status: 'read',
      baseRevision: 2,
    });
    expect(stale.status).toBe('conflict');
  });

  it('carries a deletion as a trash entry that can be undone on the other profile, and back', async () => {
    const [a, b] = await pair();
    await saveNote(a.db, {
      articleKey: KEY,
      body: 'keep me',
      tags: [],
      status: 'read',
      baseRevision: 0,
    });
    const h = await addHighlight(a.db, {
      articleKey: KEY,
      textQuote: quote,
      textPosition: { start: 5, end: 16 },
      color: 'green',
    });
    await a.sync();
    await b.sync();
    await deleteHighlight(a.db, h.id);
    await trashArticles(a.db, [KEY]);
    await a.sync();
    await b.sync();
    expect(await getNote(b.db, KEY)).toBeUndefined();
    expect(await listHighlights(b.db, KEY)).toEqual([]);
    const [trashed] = await listTrash(b.db);
    expect(trashed?.body).toBe('keep me');

    await restoreFromTrash(b.db, trashed?.id ?? '');
    await b.sync();
    await a.sync();
    expect((await getNote(a.db, KEY))?.body).toBe('keep me');
    expect(await listTrash(a.db)).toEqual([]);

    // Emptying the trash and resolving conflict copies travel too.
    await trashArticles(b.db, [KEY]);
    await b.sync();
    await a.sync();
    expect(await listTrash(a.db)).toHaveLength(1);
    await emptyTrash(a.db);
    await a.sync();
    await b.sync();
    expect(await listTrash(b.db)).toEqual([]);
  });

  it('writes a note back when its file vanished from the server, instead of deleting it here', async () => {
    const [a] = await pair();
    await saveNote(a.db, {
      articleKey: KEY,
      body: 'survives',
      tags: [],
      status: 'read',
      baseRevision: 0,
    });
    await a.sync();
    const client = a.client();
    const [file] = (await client.propfind('jak-lens/records/', 1)).filter((e) => !e.isFolder);
    await client.delete(`jak-lens/records/${file?.name ?? ''}`);
    const again = await a.sync();
    expect(again.uploaded).toBe(1);
    expect((await getNote(a.db, KEY))?.body).toBe('survives');
  });
});
