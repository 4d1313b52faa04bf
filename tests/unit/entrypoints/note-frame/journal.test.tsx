import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteFrameApp } from '@/entrypoints/note-frame/App';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import type { MessageClient } from '@/utils/messaging/client';
import type { Message } from '@/utils/messaging/messages';
import type { NoteFrameParams } from '@/utils/messaging/note-frame';
import { getNote, listConflicts, saveNote } from '@/utils/storage/notes-repository';
import {
  createDraftJournal,
  findOrphanedDrafts,
  type JournalStore,
} from '@/utils/storage/draft-journal';

const PARAMS: NoteFrameParams = {
  articleKey: 'pmid:34563217',
  entityTags: [],
  parentOrigin: 'https://pubmed.ncbi.nlm.nih.gov',
};
const KEY = PARAMS.articleKey;

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

/** The background's note messages over a real (fake-indexeddb) database and repository. */
function backgroundOver(db: JakLensDB): MessageClient {
  return (async (message: Message) => {
    switch (message.type) {
      case 'note/get':
        return { note: (await getNote(db, KEY)) ?? null, conflicts: await listConflicts(db, KEY) };
      case 'note/save': {
        const { type: _type, ...input } = message;
        return saveNote(db, input);
      }
      case 'tags/list':
        return [];
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as unknown as MessageClient;
}

const textarea = () => screen.getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement;

describe('the note frame journals keystrokes and recovers them', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    cleanup();
    await db.delete();
  });

  const open = (store: JournalStore, editorId: string, alive: string[] = [editorId]) =>
    render(
      <NoteFrameApp
        params={PARAMS}
        request={backgroundOver(db)}
        onRemoteChange={() => () => {}}
        drafts={{ store, editorId, isAlive: async () => (id) => alive.includes(id) }}
      />,
    );

  it('writes every keystroke to the journal before the handler returns', async () => {
    const store = memoryStore();
    open(store, 'editor-1');
    await waitFor(() => expect(textarea().value).toBe(''));
    fireEvent.input(textarea(), { target: { value: 'Baricitinib 4 mg' } });
    // Synchronously: no await between the input event and this read.
    const entries = findOrphanedDrafts<{ body: string }>(store, 'note', KEY, () => false);
    expect(entries.map((e) => [e.value.body, e.base])).toEqual([['Baricitinib 4 mg', 0]]);
    // Once the database has the text, the journal lets it go.
    await waitFor(() => expect(store.length).toBe(0), { timeout: 3000 });
    expect((await getNote(db, KEY))?.body).toBe('Baricitinib 4 mg');
  });

  it("saves a dead editor's draft on the next open and shows it", async () => {
    await saveNote(db, {
      articleKey: KEY,
      body: 'Old.',
      tags: [],
      status: 'reading',
      baseRevision: 0,
    });
    const store = memoryStore();
    createDraftJournal(store, { kind: 'note', subject: KEY, editorId: 'closed-tab' }).write(
      { body: 'Old. Typed just before the tab closed.', tags: ['jdm'], status: 'read' },
      1,
    );
    open(store, 'editor-2');
    await waitFor(() => expect(textarea().value).toBe('Old. Typed just before the tab closed.'));
    expect(await getNote(db, KEY)).toMatchObject({ revision: 2, tags: ['jdm'], status: 'read' });
    expect(store.length).toBe(0);
  });

  it('keeps a draft typed over an older revision as a conflict copy beside the newer note', async () => {
    await saveNote(db, {
      articleKey: KEY,
      body: 'v1',
      tags: [],
      status: 'reading',
      baseRevision: 0,
    });
    await saveNote(db, {
      articleKey: KEY,
      body: 'v2, saved elsewhere',
      tags: [],
      status: 'reading',
      baseRevision: 1,
    });
    const store = memoryStore();
    createDraftJournal(store, { kind: 'note', subject: KEY, editorId: 'crashed' }).write(
      { body: 'v1 plus words typed before the crash', tags: [], status: 'reading' },
      1,
    );
    open(store, 'editor-3');
    await waitFor(() => expect(textarea().value).toBe('v2, saved elsewhere'));
    expect(screen.getByRole('alert').textContent).toContain('v1 plus words typed before the crash');
    expect((await listConflicts(db, KEY)).map((c) => c.body)).toEqual([
      'v1 plus words typed before the crash',
    ]);
    expect((await getNote(db, KEY))?.revision).toBe(2);
  });

  it("leaves a live editor's journal alone (another tab still typing)", async () => {
    await saveNote(db, {
      articleKey: KEY,
      body: 'v1',
      tags: [],
      status: 'reading',
      baseRevision: 0,
    });
    const store = memoryStore();
    createDraftJournal(store, { kind: 'note', subject: KEY, editorId: 'other-tab' }).write(
      { body: 'v1 and unsaved words', tags: [], status: 'reading' },
      1,
    );
    open(store, 'editor-4', ['editor-4', 'other-tab']);
    await waitFor(() => expect(textarea().value).toBe('v1'));
    expect(store.length).toBe(1);
    expect((await getNote(db, KEY))?.revision).toBe(1);
  });
});
