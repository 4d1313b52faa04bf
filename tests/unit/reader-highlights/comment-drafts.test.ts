import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { openDatabase, type Highlight, type JakLensDB } from '@/utils/storage/db';
import { createMessageClient } from '@/utils/messaging/client';
import {
  commentSubject,
  reconcileComment,
  recoverCommentDrafts,
} from '@/utils/reader-highlights/comment-drafts';
import { createDraftJournal, type JournalStore } from '@/utils/storage/draft-journal';

const KEY = 'pmid:34563217';

function memoryStore(): JournalStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe('reconcileComment', () => {
  it('takes a draft typed over the stored comment', () => {
    expect(reconcileComment('dose?', 'dose?', 'dose? 4 mg daily')).toBe('dose? 4 mg daily');
  });
  it('keeps both when the comment changed elsewhere since, the stored one first', () => {
    expect(reconcileComment('changed in the library', 'old', 'old, typed on')).toBe(
      'changed in the library\n\nold, typed on',
    );
  });
  it('does nothing when the draft adds nothing', () => {
    expect(reconcileComment('same', 'old', 'same')).toBeNull();
    expect(reconcileComment('newer', 'old', 'old')).toBeNull();
  });
});

describe('recoverCommentDrafts', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const highlight = (id: string, comment?: string): Highlight => ({
    id,
    articleKey: KEY,
    textQuote: { exact: 'baricitinib', prefix: '', suffix: '' },
    textPosition: { start: 0, end: 11 },
    color: 'yellow',
    ...(comment ? { comment } : {}),
    createdAt: 1,
    updatedAt: 1,
  });
  const request = () => {
    const handle = createMessageHandler({ db, isRecordingRecent: async () => false });
    return createMessageClient(async (message) => handle(message));
  };

  it("saves dead editors' comments, merges a conflicting one, and empties the journal", async () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await db.highlights.bulkAdd([highlight(a), highlight(b, 'edited in the library')]);
    const store = memoryStore();
    const journal = (id: string, editorId: string) =>
      createDraftJournal<string>(store, {
        kind: 'comment',
        subject: commentSubject(KEY, id),
        editorId,
      });
    journal(a, 'closed-tab').write('every character typed', '');
    journal(b, 'crashed-tab').write('typed over the old comment', 'old comment');
    const changed = await recoverCommentDrafts(store, KEY, () => false, request());
    expect(changed).toBe(2);
    expect((await db.highlights.get(a))?.comment).toBe('every character typed');
    expect((await db.highlights.get(b))?.comment).toBe(
      'edited in the library\n\ntyped over the old comment',
    );
    expect(store.length).toBe(0);
  });

  it("leaves a live editor's draft in place", async () => {
    const id = crypto.randomUUID();
    await db.highlights.add(highlight(id));
    const store = memoryStore();
    createDraftJournal<string>(store, {
      kind: 'comment',
      subject: commentSubject(KEY, id),
      editorId: 'alive',
    }).write('still typing', '');
    expect(await recoverCommentDrafts(store, KEY, (e) => e === 'alive', request())).toBe(0);
    expect(store.length).toBe(1);
    expect((await db.highlights.get(id))?.comment).toBeUndefined();
  });
});
