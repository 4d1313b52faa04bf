import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Highlight, type Note } from '@/utils/storage/db';
import { runSync, type SyncReport } from '@/utils/sync/engine';
import { openKeys } from '@/utils/sync/keys';
import { SyncStateDB } from '@/utils/storage/sync/sync-state';
import { DavClient } from '@/utils/sync/webdav';
import { startDavServer, type DavServer } from '../support/webdav-server';

const REPORT = '.tmp/bench/sync.json';
const SIZES = (process.env.BENCH_SYNC_SIZES ?? '1000,10000').split(',').map(Number);
/** Notes edited between the first and the incremental sync. */
const EDITED = 10;

interface Row {
  notes: number;
  step: string;
  ms: number;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  uploaded: number;
  downloaded: number;
}

let server: DavServer;
const rows: Row[] = [];

beforeAll(async () => {
  server = await startDavServer();
});
afterAll(async () => {
  mkdirSync('.tmp/bench', { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify({ rows }, null, 2)}\n`);
  console.table(rows);
  await server.dispose();
}, 300_000);

function note(i: number, now: number): Note {
  return {
    articleKey: `pmid:${10_000_000 + i}`,
    body: `Note ${i}: tofacitinib 5 mg twice daily; skin and muscle response at 12 weeks. `.repeat(
      4,
    ),
    tags: ['jdm', i % 3 ? 'jak' : 'calcinosis'],
    status: 'read',
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
}

function highlight(i: number, now: number): Highlight {
  return {
    id: crypto.randomUUID(),
    articleKey: `pmid:${10_000_000 + i}`,
    textQuote: { exact: 'baricitinib', prefix: 'treated with ', suffix: ' for refractory' },
    textPosition: { start: 100, end: 111 },
    color: 'yellow',
    createdAt: now,
    updatedAt: now,
  };
}

for (const size of SIZES) {
  it(`syncs ${size} notes`, async () => {
    const folder = `bench-${size}/`;
    await fetch(new URL(folder, server.origin), {
      method: 'MKCOL',
      headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
    });
    const config = {
      folderUrl: new URL(folder, server.origin).href,
      user: server.user,
      password: server.password,
    };
    const keys = await openKeys(new DavClient(config), 'bench passphrase, long enough');
    const device = (name: string) => ({
      db: openDatabase(`bench-${name}-${size}`),
      state: new SyncStateDB(`bench-state-${name}-${size}`),
    });
    const a = device('a');
    const b = device('b');
    const now = Date.now();
    await a.db.notes.bulkPut(Array.from({ length: size }, (_, i) => note(i, now)));
    // One article in five also has a highlight.
    await a.db.highlights.bulkPut(
      Array.from({ length: size / 5 }, (_, i) => highlight(i * 5, now)),
    );

    const measure = async (step: string, d: typeof a) => {
      const client = new DavClient(config);
      const start = performance.now();
      const report: SyncReport = await runSync({ ...d, client, keys });
      const row: Row = {
        notes: size,
        step,
        ms: Math.round(performance.now() - start),
        ...client.stats,
        uploaded: report.uploaded,
        downloaded: report.downloaded,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
      return report;
    };

    expect((await measure('first sync, upload (device A)', a)).uploaded).toBe(size);
    expect((await measure('first sync, download (device B)', b)).downloaded).toBe(size);
    expect((await measure('incremental, nothing changed', a)).uploaded).toBe(0);
    for (let i = 0; i < EDITED; i++) {
      await a.db.notes.update(`pmid:${10_000_000 + i}`, {
        body: `edited ${i}`,
        revision: 2,
        updatedAt: now + 1,
      });
    }
    expect((await measure(`incremental, ${EDITED} notes edited (A uploads)`, a)).uploaded).toBe(
      EDITED,
    );
    expect((await measure(`incremental, ${EDITED} notes edited (B downloads)`, b)).downloaded).toBe(
      EDITED,
    );
    expect(await b.db.notes.count()).toBe(size);
    for (const d of [a, b]) {
      d.db.close();
      d.state.close();
    }
  });
}
