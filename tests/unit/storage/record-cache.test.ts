// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { toCompactRecord, type CompactRecord } from '@/utils/article/compact-record';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import { parsePubmedXml } from '@/utils/article/parse-pubmed-xml';
import {
  getCachedRecords,
  loadRecords,
  pruneCachedRecords,
  putCachedRecords,
  RECORD_TTL_MS,
} from '@/utils/storage/record-cache';
import { readFixture } from '../../support/fixtures';

const record = (pmid: string): Article =>
  parsePubmedXml(readFixture(`eutils-xml/PMID-${pmid}.xml`))[0]!;
const JDM = record('38909159');
const LUNG = record('33474827');
const DAY = 24 * 60 * 60 * 1000;

describe('record cache', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('gives back what was put, as compact records', async () => {
    await putCachedRecords(db, new Map([['38909159', toCompactRecord(JDM)]]), 1000);
    const got = await getCachedRecords(db, ['38909159', '33474827'], 2000);
    expect([...got.keys()]).toEqual(['38909159']);
    expect(got.get('38909159')).toEqual({
      title: 'Cardiac evaluation of patients with juvenile dermatomyositis.',
      abstract: JDM.abstract,
      mesh: JDM.mesh,
      substances: JDM.substances,
      keywords: JDM.keywords,
      publicationTypes: JDM.publicationTypes,
    });
  });

  it('treats records older than 14 days as missing, and prunes them', async () => {
    const t0 = 10 * RECORD_TTL_MS;
    await putCachedRecords(db, new Map([['38909159', toCompactRecord(JDM)]]), t0);
    await putCachedRecords(db, new Map([['33474827', toCompactRecord(LUNG)]]), t0 + 2 * DAY);
    const at = t0 + 14 * DAY;
    expect([...(await getCachedRecords(db, ['38909159', '33474827'], at)).keys()]).toEqual([
      '33474827',
    ]);
    expect(await pruneCachedRecords(db, at)).toBe(1);
    expect(await db.records.toCollection().primaryKeys()).toEqual(['33474827']);
  });

  it('loadRecords fetches only what the cache lacks and caches it', async () => {
    await putCachedRecords(db, new Map([['38909159', toCompactRecord(JDM)]]), 1000);
    const fetchMissing = vi.fn(async (pmids: string[]) => {
      expect(pmids).toEqual(['33474827', '1']);
      return new Map([['33474827', LUNG]]);
    });
    const got = await loadRecords(db, ['38909159', '33474827', '1'], fetchMissing, 2000);
    expect([...got.keys()].sort()).toEqual(['33474827', '38909159']);
    expect(fetchMissing).toHaveBeenCalledOnce();
    const again = vi.fn(async () => new Map<string, Article>());
    await loadRecords(db, ['38909159', '33474827'], again, 3000);
    expect(again).not.toHaveBeenCalled();
  });

  it('loadRecords still fetches when the cache cannot be read', async () => {
    db.close();
    const got = await loadRecords(db, ['38909159'], async () => new Map([['38909159', JDM]]));
    expect(got.get('38909159')?.title).toBe(JDM.title);
  });
});

describe("'records/get' message", () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('answers PMID → compact record from cache, then fetch', async () => {
    const fetchRecords = vi.fn(async () => new Map([['38909159', JDM]]));
    const handle = createMessageHandler({
      db,
      isRecordingRecent: async () => true,
      fetchRecords,
      now: () => 5,
    });
    const reply = await handle({ type: 'records/get', pmids: ['38909159', '2'] });
    expect(reply).toEqual({ ok: true, data: { '38909159': toCompactRecord(JDM) } });
    const cached = (await db.records.get('38909159'))!;
    expect(cached.fetchedAt).toBe(5);
    expect(cached.article).toEqual(toCompactRecord(JDM));
  });

  it('answers from the cache only when there is no fetcher', async () => {
    await putCachedRecords(db, new Map([['38909159', toCompactRecord(JDM)]]), 1);
    const handle = createMessageHandler({ db, isRecordingRecent: async () => true, now: () => 2 });
    await expect(handle({ type: 'records/get', pmids: ['38909159', '3'] })).resolves.toEqual({
      ok: true,
      data: { '38909159': toCompactRecord(JDM) },
    });
  });

  it.each([
    ['no pmids', { type: 'records/get', pmids: [] }],
    ['a non-digit pmid', { type: 'records/get', pmids: ['12a'] }],
    ['a pmid with a query', { type: 'records/get', pmids: ['1&db=pmc'] }],
    ['a too long pmid', { type: 'records/get', pmids: ['1234567890'] }],
    ['a number, not a string', { type: 'records/get', pmids: [123] }],
    ['201 pmids', { type: 'records/get', pmids: Array.from({ length: 201 }, (_, i) => `${i}`) }],
    ['an extra field', { type: 'records/get', pmids: ['1'], url: 'https://evil.example/' }],
  ])('rejects %s', async (_name, message) => {
    const fetchRecords = vi.fn(async () => new Map<string, Article>());
    const handle = createMessageHandler({ db, isRecordingRecent: async () => true, fetchRecords });
    const reply = await handle(message);
    expect(reply.ok).toBe(false);
    expect(fetchRecords).not.toHaveBeenCalled();
  });
});

describe('toCompactRecord', () => {
  it('cuts over-long fields so the reply always validates', () => {
    const huge: Article = { ...JDM, abstract: 'x'.repeat(50_000), mesh: Array(400).fill('M') };
    const compact: CompactRecord = toCompactRecord(huge);
    expect(compact.abstract.length).toBe(30_000);
    expect(compact.mesh.length).toBe(300);
  });
});

describe('schema upgrade', () => {
  it('opens a version 1 database with its data as version 3 with an empty records table', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ recent: 'key, seenAt', articles: 'key, pmid, lastSeen' });
    await v1.table('recent').put({ key: 'pmid:1', title: 'T', url: 'u', seenAt: 1 });
    v1.close();

    const db = openDatabase(name);
    try {
      expect(await db.recent.get('pmid:1')).toMatchObject({ title: 'T' });
      expect(await db.records.count()).toBe(0);
      expect(db.verno).toBe(3);
    } finally {
      await db.delete();
    }
  });
});
