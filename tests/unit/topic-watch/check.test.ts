// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type JakLensDB } from '../../../utils/storage/db';
import { createRateLimiter } from '../../../utils/article/eutils';
import { getCachedRecords } from '../../../utils/storage/record-cache';
import { checkWatch } from '../../../utils/topic-watch/check';
import { createNcbiGate, type HttpFetch } from '../../../utils/article/ncbi-gate';
import {
  createWatch,
  listPapers,
  listWatches,
  setPaperStatus,
} from '../../../utils/topic-watch/store';
import { createXmlParser } from '../../../utils/article/xml-parser';
import { efetchReply, esearchReply, FIXTURE_PMIDS } from '../../support/eutils-replies';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 3, 9, 0);
let db: JakLensDB;
let n = 0;

afterEach(async () => {
  db?.close();
});

/**
 * A fake NCBI answering esearch with `searchIds()` (in the documented eSearchResult format) and
 * efetch with the real fixture records. Logs every URL.
 */
function ncbi(searchIds: () => { ids: string[]; count?: number }, online = () => true) {
  const urls: URL[] = [];
  const fetch: HttpFetch = async (raw) => {
    const url = new URL(raw);
    urls.push(url);
    const body = url.pathname.endsWith('esearch.fcgi')
      ? esearchReply(searchIds())
      : efetchReply((url.searchParams.get('id') ?? '').split(','));
    return { ok: true, status: 200, headers: new Headers(), text: async () => body };
  };
  const gate = createNcbiGate({
    fetch,
    limiter: createRateLimiter({ limit: 1000 }),
    access: async () => ({}),
    isOnline: online,
  });
  return { urls, gate };
}

async function setup() {
  db = openDatabase(`topic-watch-check-${n++}`);
  return createWatch(db, { name: 'JDM', query: 'dermatomyositis AND JAK' }, T0 - DAY);
}

describe('checkWatch', () => {
  it('first run: esearch by Entrez date over 30 days, efetch of the new PMIDs, classified and stored', async () => {
    const watch = await setup();
    const fake = ncbi(() => ({ ids: ['38909159', '33474827'] }));
    const outcome = await checkWatch(watch, { db, gate: fake.gate, now: () => T0 });
    expect(outcome).toEqual({ kind: 'ok', matched: 2, added: 2 });

    const search = fake.urls[0]!;
    expect(search.pathname).toBe('/entrez/eutils/esearch.fcgi');
    expect(search.searchParams.get('term')).toBe('dermatomyositis AND JAK');
    expect(search.searchParams.get('datetype')).toBe('edat');
    expect(search.searchParams.get('reldate')).toBe('30');
    expect(search.searchParams.get('tool')).toBe('jak-lens');
    expect(fake.urls[1]!.searchParams.get('id')).toBe('38909159,33474827');
    expect(fake.urls.every((u) => u.host === 'eutils.ncbi.nlm.nih.gov')).toBe(true);

    const papers = await listPapers(db);
    const jdm = papers.find((p) => p.pmid === '38909159')!;
    expect(jdm.title).toMatch(/juvenile dermatomyositis/i);
    expect(jdm.disease).toBe('jdm');
    // Antibodies come from what the classifier reads (title, abstract, MeSH): this record names
    // anti-MDA5 only in its reference list, so none is announced.
    expect(jdm.antibodies).toEqual([]);
    expect(jdm.status).toBe('new');
    expect(jdm.watchIds).toEqual([watch.id]);
    // The record is cached, so a page or badge needing it later does not fetch it again.
    expect([...(await getCachedRecords(db, ['38909159', '33474827'], T0)).keys()].sort()).toEqual([
      '33474827',
      '38909159',
    ]);
    const [after] = await listWatches(db);
    expect(after!.checkedThrough).toBe('2026/12/03');
    expect(after!.lastCheckedAt).toBe(T0);
  });

  it('second run: asks from the last day covered, announces only what is new, keeps the reader’s choice', async () => {
    const watch = await setup();
    let ids = ['38909159', '33474827'];
    const fake = ncbi(() => ({ ids }));
    await checkWatch(watch, { db, gate: fake.gate, now: () => T0 });
    await setPaperStatus(db, ['38909159'], 'not-relevant');

    ids = ['38909159', '33474827', '38747095']; // the overlap day lists the old ones again
    const [again] = await listWatches(db);
    const outcome = await checkWatch(again!, { db, gate: fake.gate, now: () => T0 + DAY });
    expect(outcome).toEqual({ kind: 'ok', matched: 3, added: 1 });
    const search = fake.urls[2]!;
    expect(search.searchParams.get('mindate')).toBe('2026/12/03');
    expect(search.searchParams.get('maxdate')).toBe('2026/12/04');
    expect(search.searchParams.get('reldate')).toBeNull();
    // Only the new PMID was fetched.
    expect(fake.urls[3]!.searchParams.get('id')).toBe('38747095');
    const papers = await listPapers(db);
    expect(papers.map((p) => [p.pmid, p.status])).toEqual([
      ['38747095', 'new'],
      ['33474827', 'new'],
      ['38909159', 'not-relevant'],
    ]);
  });

  it('a second watch finding a known paper adds itself but does not announce it again', async () => {
    const first = await setup();
    const second = await createWatch(db, { name: 'B', query: 'baricitinib' }, T0);
    const fake = ncbi(() => ({ ids: ['38909159'] }));
    await checkWatch(first, { db, gate: fake.gate, now: () => T0 });
    await setPaperStatus(db, ['38909159'], 'seen');
    expect(await checkWatch(second, { db, gate: fake.gate, now: () => T0 })).toMatchObject({
      added: 0,
    });
    expect(fake.urls.filter((u) => u.pathname.endsWith('efetch.fcgi'))).toHaveLength(1);
    const [paper] = await listPapers(db);
    expect(paper!.status).toBe('seen');
  });

  it('a watch matching too many records asks to be narrowed and fetches nothing', async () => {
    const watch = await setup();
    const fake = ncbi(() => ({ ids: FIXTURE_PMIDS, count: 48_213 }));
    expect(await checkWatch(watch, { db, gate: fake.gate, now: () => T0 })).toEqual({
      kind: 'too-broad',
      count: 48_213,
      days: 30,
    });
    expect(fake.urls).toHaveLength(1);
    expect(await listPapers(db)).toEqual([]);
    const [after] = await listWatches(db);
    expect(after!.tooBroad).toEqual({ count: 48_213, days: 30, at: T0 });
    expect(after!.checkedThrough).toBeUndefined();
  });

  it('a long backlog of a reasonable watch is cut to the most recent days that fit', async () => {
    const watch = await setup();
    let calls = 0;
    // 900 records in 30 days (30 a day): too many to fetch, not too broad; then 16 days hold 3.
    const fake = ncbi(() =>
      ++calls === 1 ? { ids: FIXTURE_PMIDS, count: 900 } : { ids: FIXTURE_PMIDS.slice(0, 3) },
    );
    expect(await checkWatch(watch, { db, gate: fake.gate, now: () => T0 })).toEqual({
      kind: 'ok',
      matched: 3,
      added: 3,
    });
    const searches = fake.urls.filter((u) => u.pathname.endsWith('esearch.fcgi'));
    expect(searches.map((u) => u.searchParams.get('reldate'))).toEqual(['30', '16']);
    const [after] = await listWatches(db);
    expect(after!.checkedThrough).toBe('2026/12/03');
  });

  it('offline: nothing is sent, the failure is kept with its reason and counted', async () => {
    const watch = await setup();
    const fake = ncbi(
      () => ({ ids: ['38909159'] }),
      () => false,
    );
    const outcome = await checkWatch(watch, { db, gate: fake.gate, now: () => T0 });
    expect(outcome).toEqual({
      kind: 'failed',
      reason: 'The browser is offline; nothing was sent to NCBI.',
    });
    expect(fake.urls).toHaveLength(0);
    let [after] = await listWatches(db);
    expect(after!.lastFailure).toEqual({
      reason: 'The browser is offline; nothing was sent to NCBI.',
      at: T0,
      failures: 1,
    });
    await checkWatch(after!, { db, gate: fake.gate, now: () => T0 + 1 });
    [after] = await listWatches(db);
    expect(after!.lastFailure!.failures).toBe(2);
    expect(after!.checkedThrough).toBeUndefined();
  });

  it('reads the replies with xmldom too (Chrome’s service worker has no DOMParser)', async () => {
    const watch = await setup();
    const fake = ncbi(() => ({ ids: ['38763967'] }));
    const parser = createXmlParser();
    const outcome = await checkWatch(watch, { db, gate: fake.gate, parser, now: () => T0 });
    expect(outcome).toEqual({ kind: 'ok', matched: 1, added: 1 });
    expect((await listPapers(db))[0]!.pmid).toBe('38763967');
  });
});
