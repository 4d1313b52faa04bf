import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/storage/db';
import { createRateLimiter } from '../../../utils/article/eutils';
import { createNcbiGate, type HttpFetch } from '../../../utils/article/ncbi-gate';
import { createTopicWatchService } from '../../../utils/topic-watch/service';
import { dumpDatabase } from '../../support/db-dump';
import { esearchReply } from '../../support/eutils-replies';

const TYPES = [
  'topic-watch/save',
  'topic-watch/delete',
  'topic-watch/check-now',
  'topic-watch/set-status',
  'topic-watch/count',
];

/** Messages with a topic-watch type and random other fields: the validators must hold. */
const junkMessage = fc
  .record({
    type: fc.constantFrom(...TYPES, 'topic-watch/other', 'topic-watch/'),
    id: fc.oneof(fc.string(), fc.uuid(), fc.integer(), fc.constant(undefined)),
    name: fc.oneof(fc.string(), fc.constant(null), fc.string({ minLength: 201, maxLength: 300 })),
    query: fc.oneof(
      fc.constant(42),
      fc.constant(null),
      fc.string({ minLength: 4001, maxLength: 4100 }),
    ),
    pmids: fc.oneof(fc.array(fc.string()), fc.constant([])),
    status: fc.oneof(fc.string(), fc.constant('gone')),
    extra: fc.anything(),
  })
  .map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));

describe('topic-watch messages, fuzzed', () => {
  const db = openDatabase('topic-watch-fuzz');
  const requests: string[] = [];
  const fetch: HttpFetch = async (url) => {
    requests.push(url);
    return {
      ok: true,
      status: 200,
      headers: new Headers(),
      text: async () => esearchReply({ ids: [] }),
    };
  };
  const service = createTopicWatchService({
    db,
    gate: createNcbiGate({
      fetch,
      limiter: createRateLimiter({ limit: 1000 }),
      access: async () => ({}),
      isOnline: () => true,
    }),
    prefs: async () => ({ checkEveryHours: 24 }),
  });
  afterAll(() => db.delete());

  it('refuses every malformed message with an error, writing nothing and asking NCBI nothing', async () => {
    await fc.assert(
      fc.asyncProperty(junkMessage, fc.boolean(), async (message, fromPage) => {
        const before = await dumpDatabase(db);
        const reply = await service.handle(message, fromPage);
        expect(reply.ok).toBe(false);
        expect(typeof (reply as { error: string }).error).toBe('string');
        expect(await dumpDatabase(db)).toEqual(before);
      }),
      { numRuns: 200, seed: 20261203 },
    );
    expect(requests).toEqual([]);
  });

  it('never throws on anything at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.boolean(), async (raw, fromPage) => {
        const reply = await service.handle(raw, fromPage);
        expect(typeof reply.ok).toBe('boolean');
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
