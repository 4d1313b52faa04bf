import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { openDatabase, type Highlight, type JakLensDB } from '@/utils/storage/db';
import { parseMessage, type Reply } from '@/utils/messaging/messages';

const articleKey = 'pmid:34563217';
const save = {
  type: 'note/save',
  articleKey,
  body: 'Baricitinib: skin and muscle improved.',
  tags: ['drug:baricitinib', 'target:JAK1'],
  status: 'reading',
  baseRevision: 0,
};
const highlight = {
  type: 'highlight/add',
  articleKey,
  exact: 'Mortality rates were similar',
  prefix: 'were compared. ',
  suffix: ' in both',
  start: 1200,
  end: 1228,
  color: 'yellow',
};

function data<T>(reply: Reply): T {
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

describe('note and highlight messages', () => {
  let db: JakLensDB;
  let handle: ReturnType<typeof createMessageHandler>;

  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    handle = createMessageHandler({ db, isRecordingRecent: async () => true, now: () => 42 });
  });
  afterEach(async () => {
    await db.delete();
  });

  async function countRows(): Promise<number> {
    const counts = await Promise.all(
      [db.notes, db.noteConflicts, db.trash, db.highlights, db.articles].map((t) => t.count()),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  it('saves, gets and lists tags; a stale save comes back as a conflict', async () => {
    expect(data(await handle({ type: 'note/get', articleKey }))).toEqual({
      note: null,
      conflicts: [],
    });
    expect(data(await handle(save))).toMatchObject({ status: 'saved', note: { revision: 1 } });
    expect(data(await handle({ ...save, body: 'newer', baseRevision: 1 }))).toMatchObject({
      status: 'saved',
      note: { revision: 2 },
    });
    const stale = data<{ status: string; conflictCopy: { id: string } }>(
      await handle({ ...save, body: 'stale tab', baseRevision: 1 }),
    );
    expect(stale.status).toBe('conflict');
    expect(data(await handle({ type: 'note/get', articleKey }))).toMatchObject({
      note: { body: 'newer', revision: 2 },
      conflicts: [{ body: 'stale tab', conflictOf: 2 }],
    });
    expect(data(await handle({ type: 'tags/list' }))).toEqual(['drug:baricitinib', 'target:JAK1']);

    const resolved = await handle({
      type: 'note/resolve-conflict',
      conflictId: stale.conflictCopy.id,
      choice: 'use-copy',
    });
    expect(data(resolved)).toMatchObject({ body: 'stale tab', revision: 3 });
  });

  it('adds, updates, lists and deletes highlights', async () => {
    const added = data<Highlight>(await handle({ ...highlight, comment: 'key result' }));
    expect(added).toMatchObject({
      articleKey,
      textQuote: { exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix },
      textPosition: { start: 1200, end: 1228 },
      comment: 'key result',
      createdAt: 42,
    });
    const updated = await handle({ type: 'highlight/update', id: added.id, color: 'green' });
    expect(data(updated)).toMatchObject({ color: 'green', comment: 'key result' });
    expect(data(await handle({ type: 'highlight/list', articleKey }))).toHaveLength(1);
    expect(data(await handle({ type: 'highlight/delete', id: added.id }))).toBeNull();
    expect(data(await handle({ type: 'highlight/list', articleKey }))).toEqual([]);
  });

  it('answers an update of a deleted highlight with an error', async () => {
    const reply = await handle({ type: 'highlight/update', id: crypto.randomUUID(), comment: 'x' });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/No highlight/) });
  });

  const uuid = '0b7c7e5e-8f0a-4b8e-9a43-3f2b1c9d1e11';
  it.each([
    ['body over 100,000 characters', { ...save, body: 'x'.repeat(100_001) }],
    ['51 tags', { ...save, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['a tag of 65 characters', { ...save, tags: ['t'.repeat(65)] }],
    ['tags not strings', { ...save, tags: [{ $gt: '' }] }],
    ['unknown status', { ...save, status: 'burn' }],
    ['negative revision', { ...save, baseRevision: -1 }],
    ['fractional revision', { ...save, baseRevision: 1.5 }],
    ['revision as string', { ...save, baseRevision: '1' }],
    ['missing body', { ...save, body: undefined }],
    ['extra field', { ...save, revision: 99 }],
    ['prototype pollution', JSON.parse(`{"type":"note/save","__proto__":{"x":1}}`)],
    ['bad article key', { ...save, articleKey: 'pmid:1; DROP' }],
    ['article key as object', { ...save, articleKey: { key: articleKey } }],
    ['empty highlight', { ...highlight, exact: '' }],
    ['end before start', { ...highlight, start: 10, end: 5 }],
    ['huge quote', { ...highlight, exact: 'q'.repeat(10_001), end: 20_000 }],
    ['huge prefix', { ...highlight, prefix: 'p'.repeat(1_001) }],
    ['unknown colour', { ...highlight, color: 'url(javascript:alert(1))' }],
    ['huge comment', { ...highlight, comment: 'c'.repeat(10_001) }],
    ['highlight id not a uuid', { type: 'highlight/delete', id: '*' }],
    ['update with extra field', { type: 'highlight/update', id: uuid, articleKey }],
    [
      'resolve with unknown choice',
      { type: 'note/resolve-conflict', conflictId: uuid, choice: 'x' },
    ],
    ['tags/list with payload', { type: 'tags/list', all: true }],
    ['null', null],
    ['array', [save]],
  ])('rejects %s without writing anything', async (_name, raw) => {
    expect(parseMessage(raw).ok).toBe(false);
    const reply = await handle(raw);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Invalid message/) });
    expect(await countRows()).toBe(0);
  });

  it('accepts the limits exactly', async () => {
    const max = {
      ...save,
      body: 'x'.repeat(100_000),
      tags: Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(64, 't')),
    };
    expect(data(await handle(max))).toMatchObject({ status: 'saved' });
  });

  it('reports a full disk readably and leaves the stored note as it was', async () => {
    await handle(save);
    db.notes.hook('updating', () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const reply = await handle({ ...save, body: 'will not fit', baseRevision: 1 });
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^QuotaExceededError: .*disk/),
    });
    expect(await db.notes.get(articleKey)).toMatchObject({ body: save.body, revision: 1 });
  });

  it('keeps the verdict reported with a visit on the article', async () => {
    const verdict = { relevance: 'core', disease: 'jdm', drugs: ['drug:baricitinib'] };
    const article = {
      key: articleKey,
      pmid: '34563217',
      title: 'JAK inhibitors in JDM',
      url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
      verdict,
    };
    await handle({ type: 'page/state', pageType: 'pubmed-article', article });
    expect(await db.articles.get(articleKey)).toMatchObject({ verdict });
    const bad = { ...article, verdict: { ...verdict, relevance: 'certain' } };
    expect(
      (await handle({ type: 'page/state', pageType: 'pubmed-article', article: bad })).ok,
    ).toBe(false);
  });

  it('reports a closed database readably', async () => {
    db.close({ disableAutoOpen: true });
    const reply = await handle(save);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^DatabaseClosedError: /) });
  });
});
