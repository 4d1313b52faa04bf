import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import {
  MessageSchema,
  parseMessage,
  TabMessageSchema,
  type Reply,
} from '@/utils/messaging/messages';
import {
  HOSTILE_STRINGS,
  MESSAGE_TYPES,
  VALID,
  validMessage,
} from '../../support/message-arbitraries';
import { malformedMessage, schemaOf } from '../../support/message-mutations';

/**
 * Every message type of utils/messages.ts fuzzed against the background's handler, on a real (fake-indexeddb)
 * database: malformed input is answered with an error and changes nothing in any table; valid input is
 * answered; nothing throws and nothing pollutes Object.prototype.
 */

/** Every row of every table, so "nothing was written" covers tables a handler should not touch too. */
async function dump(db: JakLensDB): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries);
}

function prototypeKeys(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].flatMap((p) =>
    Object.getOwnPropertyNames(p),
  );
}

// Hundreds of database round trips per property: well under 5 s alone, not on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const ARTICLE = 'pmid:34563217';
const TYPES_WITHOUT_IDS = MESSAGE_TYPES.filter(
  (t) => !['note/resolve-conflict', 'highlight/update', 'highlight/delete'].includes(t),
);

describe('message fuzzing against the background handler', () => {
  let db: JakLensDB;
  let handle: (raw: unknown) => Promise<Reply>;
  const prototypesBefore = prototypeKeys();

  beforeAll(async () => {
    db = openDatabase(`fuzz-${crypto.randomUUID()}`);
    const handler = createMessageHandler({ db, isRecordingRecent: async () => true });
    handle = (raw) => handler(raw, { tabId: 1 });
    // One row in every table, so a stray write or delete would show in the dump.
    const ok = async (raw: unknown) => expect((await handle(raw)).ok).toBe(true);
    await ok({
      type: 'page/state',
      pageType: 'pubmed-article',
      article: { key: ARTICLE, title: 'Seed', url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/' },
    });
    const save = { type: 'note/save', articleKey: ARTICLE, tags: ['jdm'], status: 'reading' };
    await ok({ ...save, body: 'first', baseRevision: 0 });
    await ok({ ...save, body: 'stale 1', baseRevision: 0 });
    await ok({ ...save, body: 'stale 2', baseRevision: 0 });
    // Two conflict copies: resolving one moves it to the trash, the other stays.
    const [conflict] = await db.noteConflicts.toArray();
    await ok({ type: 'note/resolve-conflict', conflictId: conflict?.id, choice: 'keep-note' });
    await ok({
      type: 'highlight/add',
      articleKey: ARTICLE,
      exact: 'baricitinib',
      prefix: '',
      suffix: '',
      start: 0,
      end: 11,
      color: 'yellow',
    });
    // The E-utilities cache is filled by the background itself, not by a message: seed it directly.
    await db.records.put({
      pmid: '38909159',
      article: {
        title: 'Cached',
        abstract: '',
        mesh: [],
        substances: [],
        keywords: [],
        publicationTypes: [],
      },
      fetchedAt: Date.now(),
    });
    const filled = await dump(db);
    for (const [table, rows] of Object.entries(filled)) expect(rows, table).not.toHaveLength(0);
  });
  afterAll(async () => {
    await db?.delete();
  });

  it('has an arbitrary for every message type in MessageSchema', () => {
    const inSchema = MessageSchema.options.map((o) => o.entries.type.literal);
    expect([...MESSAGE_TYPES].sort()).toEqual([...inSchema].sort());
  });

  it.each(MESSAGE_TYPES)('builds only valid %s messages', (type) => {
    fc.assert(
      fc.property(VALID[type as keyof typeof VALID], (message) => {
        expect(v.safeParse(schemaOf(type), message).issues).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('rejects every malformed message with an error and writes nothing', async () => {
    const before = await dump(db);
    await fc.assert(
      fc.asyncProperty(malformedMessage, async ({ raw }) => {
        const reply = await handle(raw);
        expect(reply.ok).toBe(false);
        expect(reply.ok ? null : reply.error).toMatch(/^Invalid message/);
        expect(await dump(db)).toEqual(before);
      }),
      { numRuns: 400 },
    );
    expect(prototypeKeys()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers every valid message, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(validMessage, async (message) => {
        const reply = await handle(message);
        expect(typeof reply.ok).toBe('boolean');
        if (TYPES_WITHOUT_IDS.includes(message.type)) expect(reply).toMatchObject({ ok: true });
        // Ids that name nothing are refused by the repository, after validation.
        else if (!reply.ok) expect(reply.error).toMatch(/^Error: No |^No /);
      }),
      { numRuns: 300 },
    );
    expect(prototypeKeys()).toEqual(prototypesBefore);
  });

  it('stores hostile strings as the exact text that was sent', async () => {
    for (const body of HOSTILE_STRINGS) {
      const stored = await db.notes.get(ARTICLE);
      const reply = await handle({
        type: 'note/save',
        articleKey: ARTICLE,
        body,
        tags: [],
        status: 'read',
        baseRevision: stored?.revision ?? 0,
      });
      expect(reply).toMatchObject({ ok: true, data: { status: 'saved' } });
      expect((await db.notes.get(ARTICLE))?.body).toBe(body);
    }
  });

  it('survives objects no structured clone would deliver (throwing getters, inherited fields)', async () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('getter');
        },
        ownKeys: () => {
          throw new Error('keys');
        },
      },
    );
    const before = await dump(db);
    for (const raw of [throwing, { type: 'recent/list', limit: throwing }, Symbol('x'), () => 1]) {
      expect(() => parseMessage(raw)).not.toThrow();
      const reply = await handle(raw);
      expect(reply.ok).toBe(false);
    }
    expect(await dump(db)).toEqual(before);
  });
});

describe("fuzzing the content script's tab messages", () => {
  const TAB_TYPES = TabMessageSchema.options.map((o) => o.entries.type.literal);
  const validTab = fc.oneof(
    fc.constant({ type: 'tab/get-state' }),
    fc.constant({ type: 'panel/toggle' }),
    fc.constant({ type: 'highlight/create-from-selection' }),
    fc.record({
      type: fc.constant('note/changed'),
      articleKey: fc.stringMatching(/^pmid:\d{1,9}$/),
    }),
  );

  it('accepts the four tab messages', () => {
    expect([...TAB_TYPES].sort()).toEqual([
      'highlight/create-from-selection',
      'note/changed',
      'panel/toggle',
      'tab/get-state',
    ]);
    fc.assert(
      fc.property(validTab, (m) => {
        expect(v.safeParse(TabMessageSchema, m).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects anything else without throwing', () => {
    const isTabType = (raw: unknown) =>
      typeof raw === 'object' &&
      raw !== null &&
      TAB_TYPES.includes((raw as { type?: never }).type ?? ('' as never));
    const malformedTab = fc.oneof(
      fc.jsonValue().filter((raw) => !isTabType(raw)),
      fc
        .string()
        .map((type) => ({ type }))
        .filter((raw) => !isTabType(raw)),
      validTab.chain((m) =>
        fc
          .tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor'), fc.string()), fc.jsonValue())
          .filter(([key]) => !Object.hasOwn(m, key))
          .map(([key, value]) => {
            const copy: Record<string, unknown> = { ...m };
            Object.defineProperty(copy, key, { value, enumerable: true });
            return copy;
          }),
      ),
      fc.record({
        type: fc.constant('note/changed'),
        articleKey: fc.oneof(
          fc.string().filter((s) => !/^(pmid|doi|pmc):/.test(s)),
          fc.integer(),
          fc.constant(null),
          fc.constant('pmid:' + '1'.repeat(300)),
        ),
      }),
    );
    fc.assert(
      fc.property(malformedTab, (raw) => {
        expect(v.safeParse(TabMessageSchema, raw).success).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
