// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type JakLensDB } from '../../../utils/storage/db';
import { createRateLimiter } from '../../../utils/article/eutils';
import { DEFAULT_WATCH } from '../../../utils/topic-watch/model';
import { createNcbiGate, type HttpFetch } from '../../../utils/article/ncbi-gate';
import { createTopicWatchService } from '../../../utils/topic-watch/service';
import { listWatches, seedDefaultWatch } from '../../../utils/topic-watch/store';
import { efetchReply, esearchReply, type EsearchReplyInput } from '../../support/eutils-replies';

const T0 = Date.UTC(2026, 11, 3, 9, 0);
let db: JakLensDB;
let n = 0;
afterEach(() => db?.close());

function setup(search: (term: string) => EsearchReplyInput, online = true) {
  db = openDatabase(`topic-watch-service-${n++}`);
  const terms: string[] = [];
  const counts: number[] = [];
  const fetch: HttpFetch = async (raw) => {
    const url = new URL(raw);
    const isSearch = url.pathname.endsWith('esearch.fcgi');
    if (isSearch) terms.push(url.searchParams.get('term') ?? '');
    const body = isSearch
      ? esearchReply(search(url.searchParams.get('term') ?? ''))
      : efetchReply((url.searchParams.get('id') ?? '').split(','));
    return { ok: true, status: 200, headers: new Headers(), text: async () => body };
  };
  const gate = createNcbiGate({
    fetch,
    limiter: createRateLimiter({ limit: 1000 }),
    access: async () => ({}),
    isOnline: () => online,
  });
  const service = createTopicWatchService({
    db,
    gate,
    prefs: async () => ({ checkEveryHours: 24 }),
    onCountChanged: (c) => counts.push(c),
    now: () => T0,
  });
  return { service, terms, counts };
}

describe('saving a watch', () => {
  it('refuses a query NCBI reports errors for, in NCBI’s words, and stores nothing', async () => {
    const { service } = setup(() => ({ ids: [], errorList: [['FieldNotFound', 'tiabx']] }));
    const reply = await service.handle(
      { type: 'topic-watch/save', name: 'x', query: 'jdm[tiabx]' },
      false,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'PubMed cannot run this query. Unknown search field: tiabx',
    });
    expect(await listWatches(db)).toEqual([]);
  });

  it('saves a valid query with NCBI’s warnings, and refuses an empty one', async () => {
    const { service, terms } = setup(() => ({
      ids: [],
      warningList: [['OutputMessage', 'No items found.']],
    }));
    const reply = await service.handle(
      { type: 'topic-watch/save', name: ' ', query: ' rare thing ' },
      false,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: {
        watch: { name: 'rare thing', query: 'rare thing' },
        warnings: ['NCBI says: No items found.'],
      },
    });
    expect(terms).toEqual(['rare thing']);
    expect(
      await service.handle({ type: 'topic-watch/save', name: 'a', query: '  ' }, false),
    ).toEqual({
      ok: false,
      error: 'The query is empty: type a PubMed search.',
    });
  });

  it('offline: saves with a warning that NCBI could not check the query', async () => {
    const { service } = setup(() => ({ ids: [] }), false);
    const reply = await service.handle(
      { type: 'topic-watch/save', name: 'a', query: 'jdm' },
      false,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: {
        warnings: [
          "Saved without NCBI's check of the query: The browser is offline; nothing was sent to NCBI.",
        ],
      },
    });
  });

  it('lets a PubMed page propose a new watch but nothing else', async () => {
    const { service } = setup(() => ({ ids: [] }));
    expect(
      await service.handle({ type: 'topic-watch/save', name: 'p', query: 'jdm' }, true),
    ).toMatchObject({ ok: true });
    const [watch] = await listWatches(db);
    for (const forged of [
      { type: 'topic-watch/delete', id: watch!.id },
      { type: 'topic-watch/save', id: watch!.id, name: 'p', query: 'other' },
      { type: 'topic-watch/set-status', pmids: ['1'], status: 'seen' },
    ]) {
      expect(await service.handle(forged, true)).toEqual({
        ok: false,
        error: 'Not allowed from a page',
      });
    }
    expect(await listWatches(db)).toHaveLength(1);
    expect(
      await service.handle({ type: 'topic-watch/save', name: 1, query: 'x' }, false),
    ).toMatchObject({ ok: false });
  });
});

describe('checks and the count', () => {
  it('first run offers the default watch once, paused; started, check now finds papers; seen ones leave the count', async () => {
    const { service, counts, terms } = setup(() => ({ ids: ['38909159', '33474827'] }));
    await seedDefaultWatch(db, false, T0);
    expect(await seedDefaultWatch(db, true, T0)).toBeNull();
    const watches = await listWatches(db);
    expect(watches.map((w) => [w.query, w.paused])).toEqual([[DEFAULT_WATCH.query, true]]);
    // Paused: neither "check all" nor the schedule sends its query anywhere.
    expect(await service.handle({ type: 'topic-watch/check-now' }, false)).toEqual({
      ok: true,
      data: [],
    });
    expect(await service.tick()).toEqual([]);
    expect(terms).toEqual([]);
    const started = {
      type: 'topic-watch/save',
      id: watches[0]!.id,
      ...DEFAULT_WATCH,
      paused: false,
    };
    expect(await service.handle(started, false)).toMatchObject({
      ok: true,
      data: { warnings: [] },
    });

    const reply = await service.handle({ type: 'topic-watch/check-now' }, false);
    expect(reply).toEqual({ ok: true, data: [{ kind: 'ok', matched: 2, added: 2 }] });
    expect(terms).toEqual([DEFAULT_WATCH.query]);
    expect(counts.at(-1)).toBe(2);

    await service.handle(
      { type: 'topic-watch/set-status', pmids: ['38909159'], status: 'seen' },
      false,
    );
    expect(counts.at(-1)).toBe(1);
    expect(await service.handle({ type: 'topic-watch/count' }, false)).toEqual({
      ok: true,
      data: 1,
    });
  });

  it('the scheduled tick checks due watches only, and never two runs at once', async () => {
    const { service, terms } = setup(() => ({ ids: ['38909159'] }));
    await service.handle({ type: 'topic-watch/save', ...DEFAULT_WATCH }, false);
    terms.length = 0;
    const [a, b] = await Promise.all([service.tick(), service.tick()]);
    expect(a).toHaveLength(1);
    // The second tick ran after the first and found the watch no longer due.
    expect(b).toEqual([]);
    expect(terms).toHaveLength(1);
  });

  it('a paused watch is not checked by "check now" for all', async () => {
    const { service, terms } = setup(() => ({ ids: [] }));
    await service.handle(
      { type: 'topic-watch/save', name: 'p', query: 'jdm', paused: true },
      false,
    );
    terms.length = 0;
    expect(await service.handle({ type: 'topic-watch/check-now' }, false)).toEqual({
      ok: true,
      data: [],
    });
    expect(terms).toEqual([]);
  });
});
