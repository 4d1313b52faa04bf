// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteFrameApp } from '@/entrypoints/note-frame/App';
import type { FrameJournal } from '@/entrypoints/note-frame/journal';
import type { Note, NoteConflict } from '@/utils/storage/db';
import type { MessageClient } from '@/utils/messaging/client';
import type { Message } from '@/utils/messaging/messages';
import type { NoteFrameParams } from '@/utils/messaging/note-frame';
import { journalKey, type JournalEntry } from '@/utils/storage/journals/draft-journal';

const PARAMS: NoteFrameParams = {
  articleKey: 'pmid:34563217',
  entityTags: [],
  parentOrigin: 'https://pubmed.ncbi.nlm.nih.gov',
};
const KEY = PARAMS.articleKey;

function storedNote(body: string, revision: number, updatedAt = revision * 100): Note {
  return { articleKey: KEY, body, tags: [], status: 'reading', revision, createdAt: 1, updatedAt };
}

/**
 * The background at the message boundary, with the repository's revision rule: a save whose base
 * (revision, and `updatedAt` when sent) is not the stored note becomes a conflict copy.
 */
function fakeBackground(initial: Note | null, failSaves = false) {
  let note = initial;
  const conflicts: NoteConflict[] = [];
  const saves: Extract<Message, { type: 'note/save' }>[] = [];
  let clock = 1000;
  const request = vi.fn(async (message: Message) => {
    switch (message.type) {
      case 'note/get':
        return { note, conflicts: [...conflicts] };
      case 'tags/list':
        return [];
      case 'note/save': {
        saves.push(message);
        if (failSaves) throw new Error('QuotaExceededError: no room');
        const moved =
          note &&
          (message.baseRevision !== note.revision ||
            (message.baseUpdatedAt !== undefined && message.baseUpdatedAt !== note.updatedAt));
        if (note && moved) {
          const copy = {
            id: crypto.randomUUID(),
            articleKey: KEY,
            body: message.body,
            tags: message.tags,
            status: message.status,
            baseRevision: message.baseRevision,
            conflictOf: note.revision,
            createdAt: clock,
          };
          conflicts.push(copy);
          return { status: 'conflict', note, conflictCopy: copy };
        }
        note = storedNote(message.body, (note?.revision ?? 0) + 1, ++clock);
        return { status: 'saved', note };
      }
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as unknown as MessageClient;
  return { request, saves, stored: () => note };
}

function frameJournal(alive: string[] = []): FrameJournal & { storage: Storage } {
  return {
    storage: localStorage,
    instance: 'this-frame',
    isAbandoned: async (instance) => instance !== 'this-frame' && !alive.includes(instance),
  };
}

function leave(instance: string, entry: Partial<JournalEntry>) {
  const full: JournalEntry = {
    v: 1,
    articleKey: KEY,
    draft: { body: '', tags: [], status: 'reading' },
    baseRevision: 0,
    baseUpdatedAt: null,
    writtenAt: 1,
    ...entry,
  };
  localStorage.setItem(journalKey(KEY, instance), JSON.stringify(full));
}

const textarea = () => screen.getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement;
const ownEntry = () => localStorage.getItem(journalKey(KEY, 'this-frame'));

function open(background: ReturnType<typeof fakeBackground>, journal: FrameJournal) {
  return render(
    <NoteFrameApp
      params={PARAMS}
      request={background.request}
      onRemoteChange={() => () => {}}
      journal={journal}
    />,
  );
}

describe('the note frame’s draft journal', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('journals each input synchronously with its base, and removes the entry once saved', async () => {
    const background = fakeBackground(storedNote('Stored.', 3, 300));
    open(background, frameJournal());
    await waitFor(() => expect(textarea().value).toBe('Stored.'));
    fireEvent.input(textarea(), { target: { value: 'Stored. A' } });
    // No await between the input and this read: the entry is there before any save can start.
    expect(JSON.parse(ownEntry() ?? 'null')).toMatchObject({
      articleKey: KEY,
      draft: { body: 'Stored. A' },
      baseRevision: 3,
      baseUpdatedAt: 300,
    });
    expect(background.saves).toEqual([]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'), {
      timeout: 3000,
    });
    expect(ownEntry()).toBeNull();
    expect(background.stored()?.body).toBe('Stored. A');
  });

  it('recovers text an earlier frame journaled but never saved: saved over its base, said so', async () => {
    const background = fakeBackground(storedNote('Stored.', 3, 300));
    const journal = frameJournal();
    leave('closed-tab', {
      draft: { body: 'Stored. Typed before Ctrl+W', tags: [], status: 'reading' },
      baseRevision: 3,
      baseUpdatedAt: 300,
    });
    open(background, journal);
    await waitFor(() => expect(textarea().value).toBe('Stored. Typed before Ctrl+W'));
    expect(background.saves[0]).toMatchObject({ baseRevision: 3, baseUpdatedAt: 300 });
    expect(screen.getByText(/recovered and saved/)).toBeTruthy();
    expect(localStorage.length).toBe(0);
  });

  it('keeps recovered text as a conflict copy beside a newer note, shown to the reader', async () => {
    const background = fakeBackground(storedNote('Newer, from another device.', 4, 400));
    leave('closed-tab', {
      draft: { body: 'Typed over revision 3', tags: [], status: 'reading' },
      baseRevision: 3,
      baseUpdatedAt: 300,
    });
    open(background, frameJournal());
    await waitFor(() => expect(textarea().value).toBe('Newer, from another device.'));
    expect(screen.getByText('Typed over revision 3').tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText(/kept as a conflict copy/)).toBeTruthy();
    expect(background.stored()?.body).toBe('Newer, from another device.');
    expect(localStorage.length).toBe(0);
  });

  it('leaves the entry of a frame still open in another tab alone', async () => {
    const background = fakeBackground(storedNote('Stored.', 3, 300));
    leave('other-open-tab', { draft: { body: 'Typing there', tags: [], status: 'reading' } });
    open(background, frameJournal(['other-open-tab']));
    await waitFor(() => expect(textarea().value).toBe('Stored.'));
    expect(background.saves).toEqual([]);
    expect(localStorage.getItem(journalKey(KEY, 'other-open-tab'))).toContain('Typing there');
  });

  it('shows a corrupt entry’s error and raw text, keeps it, and still opens the note', async () => {
    const background = fakeBackground(storedNote('Stored.', 3, 300));
    localStorage.setItem(journalKey(KEY, 'crashed'), '{"v":1,"draft":{"body":"half');
    open(background, frameJournal());
    await waitFor(() => expect(textarea().value).toBe('Stored.'));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/could not be read \(not JSON/);
    expect(alert.querySelector('pre')?.textContent).toBe('{"v":1,"draft":{"body":"half');
    expect(localStorage.getItem(journalKey(KEY, 'crashed'))).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove this unreadable draft' }));
    expect(localStorage.getItem(journalKey(KEY, 'crashed'))).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not open the editor while recovered text cannot be saved (typing could replace it)', async () => {
    const background = fakeBackground(storedNote('Stored.', 3, 300), true);
    leave('closed-tab', {
      draft: { body: 'Unsaved words', tags: [], status: 'reading' },
      baseRevision: 3,
      baseUpdatedAt: 300,
    });
    open(background, frameJournal());
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/Could not load your note: Quota/),
    );
    expect(screen.queryByRole('textbox', { name: 'Note text' })).toBeNull();
    expect(localStorage.getItem(journalKey(KEY, 'closed-tab'))).toContain('Unsaved words');
  });

  it('saves continuous typing at least every 2 s (maxWait), not only after a pause', async () => {
    const background = fakeBackground(storedNote('', 1, 100));
    open(background, frameJournal());
    await waitFor(() => expect(textarea().value).toBe(''));
    vi.useFakeTimers();
    let text = '';
    const savedAt: number[] = [];
    const start = Date.now();
    // A key every 150 ms for 9 s: never the 800 ms pause a pure debounce would wait for.
    for (let i = 0; i < 60; i++) {
      text += 'x';
      fireEvent.input(textarea(), { target: { value: text } });
      const before = background.saves.length;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(150);
      });
      if (background.saves.length > before) savedAt.push(Date.now() - start);
    }
    expect(savedAt.length).toBeGreaterThanOrEqual(4);
    const gaps = savedAt.map((t, i) => t - (i === 0 ? 0 : savedAt[i - 1]!));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(2000 + 150);
  });
});
