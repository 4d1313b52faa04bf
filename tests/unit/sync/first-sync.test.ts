// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleRecord, Highlight, Note } from '@/utils/storage/db';
import { makeDevice, type Device } from '../../support/sync-devices';
import { startDavServer, type DavServer } from '../../support/webdav-server';

/**
 * The fault table's "a 10,000-note first sync" (issue 19): one profile with a large library syncs
 * through the real Apache httpd + mod_dav, a second profile with nothing syncs after it, and every note,
 * highlight and article title must arrive as written, with only ciphertext on the server. Time is not
 * asserted here; `npm run bench:sync` measures it.
 */
const COUNT = 10_000;
const FOLDER = 'large/';
let server: DavServer;
const devices: Device[] = [];

beforeAll(async () => {
  server = await startDavServer();
});
afterAll(async () => {
  devices.forEach((d) => d.close());
  await server.dispose();
});

const keyOf = (i: number) => `pmid:${20_000_000 + i}`;

/** Bodies differ in length and script, so a note delivered to the wrong article would not pass. */
function note(i: number): Note {
  return {
    articleKey: keyOf(i),
    body: `Note ${i}: baricitinib 4 mg daily — CMAS ${i % 80} → ${(i % 80) + 6}; anti-MDA5 ${i % 2 ? 'positive' : 'negative'}. `.repeat(
      1 + (i % 4),
    ),
    tags: i % 3 ? ['jdm', `drug:baricitinib`] : ['calcinosis'],
    status: (['to-read', 'reading', 'read'] as const)[i % 3] ?? 'read',
    revision: 1 + (i % 5),
    createdAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_500_000 + i,
  };
}

function highlight(i: number): Highlight {
  return {
    id: `h-${i}`,
    articleKey: keyOf(i),
    textQuote: { exact: 'tofacitinib', prefix: `case ${i} treated with `, suffix: ' for skin' },
    textPosition: { start: 40 + i, end: 51 + i },
    color: i % 2 ? 'yellow' : 'green',
    createdAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + i,
  };
}

function article(i: number): ArticleRecord {
  return {
    key: keyOf(i),
    pmid: String(20_000_000 + i),
    title: `Juvenile dermatomyositis cohort ${i}`,
    url: `https://pubmed.ncbi.nlm.nih.gov/${20_000_000 + i}/`,
    firstSeen: 1,
    lastSeen: 2,
  };
}

const byKey = <T extends { articleKey: string }>(rows: T[]) =>
  [...rows].sort((x, y) => (x.articleKey < y.articleKey ? -1 : 1));

it(
  'a 10,000-note first sync: every note, highlight and title arrives intact on a second profile, and the server holds only ciphertext',
  { timeout: 600_000 },
  async () => {
    await fetch(new URL(FOLDER, server.origin), {
      method: 'MKCOL',
      headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
    });
    const a = await makeDevice(server, { folder: FOLDER });
    const b = await makeDevice(server, { folder: FOLDER });
    devices.push(a, b);
    const notes = Array.from({ length: COUNT }, (_, i) => note(i));
    // One article in five also has a highlight, one in ten a stored title.
    const highlights = Array.from({ length: COUNT / 5 }, (_, i) => highlight(i * 5));
    const articles = Array.from({ length: COUNT / 10 }, (_, i) => article(i * 10));
    await a.db.notes.bulkPut(notes);
    await a.db.highlights.bulkPut(highlights);
    await a.db.articles.bulkPut(articles);

    const up = await a.sync();
    expect(up).toMatchObject({ uploaded: COUNT, downloaded: 0, conflicts: 0, failures: [] });

    const down = await b.sync();
    expect(down).toMatchObject({
      downloaded: COUNT,
      applied: COUNT,
      conflicts: 0,
      deferred: 0,
      failures: [],
    });
    expect(byKey(await b.db.notes.toArray())).toEqual(byKey(notes));
    expect(byKey(await b.db.highlights.toArray())).toEqual(byKey(highlights));
    const titles = new Map((await b.db.articles.toArray()).map((r) => [r.key, r.title]));
    expect(titles.size).toBe(articles.length);
    for (const r of articles) expect(titles.get(r.key)).toBe(r.title);
    expect(await b.db.noteConflicts.count()).toBe(0);

    // Both profiles now agree with the server: the next sync on either is one folder listing.
    for (const d of [a, b]) {
      const idle = await d.sync();
      expect(idle.stats.requests).toBe(1);
      expect(idle.uploaded + idle.downloaded).toBe(0);
    }

    // On the server: one encrypted file per article, none naming an article or holding note text.
    const dir = join(server.root, FOLDER, 'jak-lens', 'records');
    const files = readdirSync(dir);
    expect(files).toHaveLength(COUNT);
    for (const name of files) {
      expect(name).toMatch(/^[0-9a-f]{32}\.jls$/);
      const raw = readFileSync(join(dir, name)).toString('latin1');
      expect(raw.startsWith('JLS1')).toBe(true);
      // Needles of 6+ bytes: a shorter one can turn up by chance in 10 MB of random ciphertext.
      for (const plain of [
        'baricitinib',
        'tofacitinib',
        'pmid:2',
        'CMAS ',
        'calcinosis',
        'Juvenile',
      ]) {
        if (raw.includes(plain)) expect.fail(`${name} contains "${plain}" in the clear`);
      }
    }
  },
);
