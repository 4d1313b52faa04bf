import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';

const seen = {
  key: 'pmid:34563217',
  pmid: '34563217',
  title:
    'JAK inhibitors: a potential treatment for JDM in the context of the role of interferon-driven pathology',
  journal: 'Pediatric rheumatology online journal',
  year: 2021,
  url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
};

describe('background message handler', () => {
  let db: JakLensDB;
  let recording = true;
  let handle: ReturnType<typeof createMessageHandler>;

  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    recording = true;
    handle = createMessageHandler({ db, isRecordingRecent: async () => recording, now: () => 42 });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('records the article of an article page and lists it', async () => {
    await expect(
      handle({ type: 'page/state', pageType: 'pubmed-article', article: seen }),
    ).resolves.toEqual({
      ok: true,
      data: null,
    });
    const reply = await handle({ type: 'recent/list' });
    expect(reply).toEqual({ ok: true, data: [{ ...seen, seenAt: 42 }] });
  });

  it('records nothing when the reader turned the recent list off', async () => {
    recording = false;
    await handle({ type: 'page/state', pageType: 'pubmed-article', article: seen });
    expect(await db.recent.count()).toBe(0);
  });

  it('clears the list', async () => {
    await handle({ type: 'page/state', pageType: 'pubmed-article', article: seen });
    await expect(handle({ type: 'recent/clear' })).resolves.toEqual({ ok: true, data: null });
    expect(await db.recent.count()).toBe(0);
  });

  it.each([
    ['not an object', 'hello'],
    ['unknown type', { type: 'notes/drop-all' }],
    ['extra field', { type: 'recent/clear', sql: 'DROP' }],
    ['bad key', { type: 'page/state', pageType: 'pubmed-article', article: { ...seen, key: 'x' } }],
    [
      'javascript URL',
      {
        type: 'page/state',
        pageType: 'pubmed-article',
        article: { ...seen, url: 'javascript:alert(1)' },
      },
    ],
    [
      'foreign site URL',
      {
        type: 'page/state',
        pageType: 'pubmed-article',
        article: { ...seen, url: 'https://evil.example/1/' },
      },
    ],
    [
      'huge title',
      {
        type: 'page/state',
        pageType: 'pubmed-article',
        article: { ...seen, title: 'x'.repeat(10_000) },
      },
    ],
    ['limit out of range', { type: 'recent/list', limit: 10_000 }],
  ])('rejects a malformed message (%s) with an error and writes nothing', async (_name, raw) => {
    const reply = await handle(raw);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/^Invalid message/);
    expect(await db.recent.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });

  it('answers a database failure with a readable error instead of throwing', async () => {
    db.close({ disableAutoOpen: true });
    const reply = await handle({ type: 'recent/list' });
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/DatabaseClosedError/);
  });
});
