// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteFrameApp } from '@/entrypoints/note-frame/App';
import type { Note } from '@/utils/storage/db';
import type { MessageClient } from '@/utils/messaging/client';
import type { Message } from '@/utils/messaging/messages';
import type { NoteFrameParams } from '@/utils/messaging/note-frame';

const PARAMS: NoteFrameParams = {
  articleKey: 'pmid:34563217',
  entityTags: ['drug:baricitinib', 'target:JAK1'],
  parentOrigin: 'https://pubmed.ncbi.nlm.nih.gov',
};

function storedNote(body: string, revision: number): Note {
  return {
    articleKey: PARAMS.articleKey,
    body,
    tags: [],
    status: 'reading',
    revision,
    createdAt: 1,
    updatedAt: 2,
  } as unknown as Note;
}

/** The background as the frame sees it, at the message-client boundary: one stored note. */
function fakeBackground(initial: Note | null) {
  let note = initial;
  const sent: Message[] = [];
  const request = vi.fn(async (message: Message) => {
    sent.push(message);
    switch (message.type) {
      case 'note/get':
        return { note, conflicts: [] };
      case 'tags/list':
        return ['jdm', 'review'];
      case 'note/save': {
        note = storedNote(message.body, (note?.revision ?? 0) + 1);
        return { status: 'saved', note };
      }
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as unknown as MessageClient;
  return {
    request,
    sent,
    setStored: (next: Note) => (note = next),
  };
}

/** A remote-change channel the test fires by hand. */
function remoteChannel() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire: () => listeners.forEach((l) => l()),
    get size() {
      return listeners.size;
    },
  };
}

const textarea = () => screen.getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement;

describe('the note frame app', () => {
  afterEach(() => vi.useRealTimers());

  it("loads the article's note named in its URL, and saves what is typed for that article", async () => {
    const background = fakeBackground(storedNote('Started on baricitinib.', 3));
    const remote = remoteChannel();
    render(
      <NoteFrameApp
        params={PARAMS}
        request={background.request}
        onRemoteChange={remote.subscribe}
      />,
    );
    await waitFor(() => expect(textarea().value).toBe('Started on baricitinib.'));
    expect(background.sent[0]).toEqual({ type: 'note/get', articleKey: PARAMS.articleKey });

    fireEvent.input(textarea(), { target: { value: 'Started on baricitinib. CK normal.' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'), {
      timeout: 3000,
    });
    expect(background.sent.filter((m) => m.type === 'note/save')).toEqual([
      {
        type: 'note/save',
        articleKey: PARAMS.articleKey,
        body: 'Started on baricitinib. CK normal.',
        tags: [],
        status: 'reading',
        baseRevision: 3,
      },
    ]);
  });

  it('offers the entity tags from its URL as suggestions', async () => {
    const background = fakeBackground(null);
    render(
      <NoteFrameApp params={PARAMS} request={background.request} onRemoteChange={() => () => {}} />,
    );
    await waitFor(() => expect(textarea().value).toBe(''));
    fireEvent.input(screen.getByRole('textbox', { name: 'Add a tag' }), {
      target: { value: 'JAK' },
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'target:JAK1' })).toBeTruthy());
  });

  it('shows a note saved in another tab when nothing here is unsaved', async () => {
    const background = fakeBackground(storedNote('Old.', 1));
    const remote = remoteChannel();
    render(
      <NoteFrameApp
        params={PARAMS}
        request={background.request}
        onRemoteChange={remote.subscribe}
      />,
    );
    await waitFor(() => expect(textarea().value).toBe('Old.'));
    await waitFor(() => expect(remote.size).toBe(1));
    background.setStored(storedNote('Newer, from the other tab.', 2));
    await act(() => remote.fire());
    await waitFor(() => expect(textarea().value).toBe('Newer, from the other tab.'));
  });

  it('keeps what the reader types while a newer note from another tab is loading', async () => {
    const background = fakeBackground(storedNote('Old.', 1));
    const remote = remoteChannel();
    let gets = 0;
    const slow = vi.fn(async (message: Message) => {
      if (message.type === 'note/get' && ++gets > 1) {
        // The other tab's note arrives only after the reader has typed.
        await new Promise((r) => setTimeout(r, 50));
      }
      return background.request(message);
    }) as unknown as MessageClient;
    render(<NoteFrameApp params={PARAMS} request={slow} onRemoteChange={remote.subscribe} />);
    await waitFor(() => expect(textarea().value).toBe('Old.'));
    await waitFor(() => expect(remote.size).toBe(1));
    background.setStored(storedNote('Newer, from the other tab.', 2));
    remote.fire();
    fireEvent.input(textarea(), { target: { value: 'Old. Typed here meanwhile.' } });
    await act(() => new Promise((r) => setTimeout(r, 120)));
    expect(textarea().value).toBe('Old. Typed here meanwhile.');
  });

  it('loads and saves nothing when its URL is malformed, and says so', async () => {
    const background = fakeBackground(storedNote('Secret.', 1));
    render(
      <NoteFrameApp params={null} request={background.request} onRemoteChange={() => () => {}} />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/without a valid article/);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(background.sent).toEqual([]);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('reports its content height, once per change', async () => {
    const background = fakeBackground(null);
    let resize: (() => void) | undefined;
    class FakeObserver {
      constructor(callback: () => void) {
        resize = callback;
      }
      observe() {}
      disconnect() {}
    }
    let height = 120;
    const rect = vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(() => ({ height }) as DOMRect);
    const heights: number[] = [];
    const { unmount } = render(
      <NoteFrameApp
        params={PARAMS}
        request={background.request}
        onRemoteChange={() => () => {}}
        onHeight={(h) => heights.push(h)}
        ResizeObserverImpl={FakeObserver as unknown as typeof ResizeObserver}
      />,
    );
    expect(heights).toEqual([120]);
    height = 240.2;
    resize?.();
    resize?.();
    expect(heights).toEqual([120, 241]);
    unmount();
    rect.mockRestore();
  });
});
