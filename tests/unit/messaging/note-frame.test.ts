import { describe, expect, it } from 'vitest';
import {
  acceptFrameMessage,
  FRAME_HEIGHT_TYPE,
  MAX_FRAME_HEIGHT,
  noteFrameHash,
  parseNoteFrameHash,
  type NoteFrameParams,
} from '@/utils/messaging/note-frame';

const PARAMS: NoteFrameParams = {
  articleKey: 'pmid:34563217',
  entityTags: ['drug:baricitinib', 'target:JAK1'],
  parentOrigin: 'https://pubmed.ncbi.nlm.nih.gov',
};

describe('the note frame URL fragment', () => {
  it('round-trips the article key, entity tags and embedding origin', () => {
    expect(parseNoteFrameHash(noteFrameHash(PARAMS))).toEqual(PARAMS);
    const pmc = {
      ...PARAMS,
      articleKey: 'doi:10.1000/x&y=#1+%',
      parentOrigin: 'https://pmc.ncbi.nlm.nih.gov',
    } as const;
    expect(parseNoteFrameHash(noteFrameHash(pmc))).toEqual(pmc);
  });

  it.each([
    ['no key', '#tags=%5B%5D&parent=https%3A%2F%2Fpubmed.ncbi.nlm.nih.gov'],
    [
      'a key of another form',
      '#key=javascript%3Aalert(1)&tags=%5B%5D&parent=https%3A%2F%2Fpubmed.ncbi.nlm.nih.gov',
    ],
    [
      'tags that are not JSON',
      '#key=pmid%3A1&tags=%5Bdrug&parent=https%3A%2F%2Fpubmed.ncbi.nlm.nih.gov',
    ],
    [
      'tags that are not strings',
      '#key=pmid%3A1&tags=%5B1%5D&parent=https%3A%2F%2Fpubmed.ncbi.nlm.nih.gov',
    ],
    ['another embedding site', '#key=pmid%3A1&tags=%5B%5D&parent=https%3A%2F%2Fevil.example'],
    ['plain http PubMed', '#key=pmid%3A1&tags=%5B%5D&parent=http%3A%2F%2Fpubmed.ncbi.nlm.nih.gov'],
    ['nothing', ''],
  ])('is refused with %s', (_what, hash) => {
    expect(parseNoteFrameHash(hash)).toBeNull();
  });

  it('refuses a tag list longer or a tag longer than the note allows', () => {
    const many = noteFrameHash({
      ...PARAMS,
      entityTags: Array.from({ length: 500 }, (_, i) => `t${i}`),
    });
    expect(parseNoteFrameHash(many)).toBeNull();
    const long = noteFrameHash({ ...PARAMS, entityTags: ['x'.repeat(5000)] });
    expect(parseNoteFrameHash(long)).toBeNull();
  });
});

describe('acceptFrameMessage', () => {
  const frameWindow = { name: 'our iframe' };
  const pageWindow = { name: 'the page' };
  const expected = { extensionOrigin: 'chrome-extension://abcdefgh/', frameWindow };
  const good = { type: FRAME_HEIGHT_TYPE, height: 212.4 };

  it('takes the height from our frame, at the extension origin, rounded up', () => {
    expect(
      acceptFrameMessage(
        { source: frameWindow, origin: 'chrome-extension://abcdefgh', data: good },
        expected,
      ),
    ).toEqual({ type: FRAME_HEIGHT_TYPE, height: 213 });
  });

  it('caps a runaway height', () => {
    const data = { type: FRAME_HEIGHT_TYPE, height: 1e9 };
    expect(
      acceptFrameMessage(
        { source: frameWindow, origin: 'chrome-extension://abcdefgh', data },
        expected,
      )?.height,
    ).toBe(MAX_FRAME_HEIGHT);
  });

  it.each([
    [
      'the page itself',
      { source: pageWindow, origin: 'https://pubmed.ncbi.nlm.nih.gov', data: good },
    ],
    [
      'the page, claiming nothing',
      { source: null, origin: 'chrome-extension://abcdefgh', data: good },
    ],
    [
      'another window at our origin',
      { source: pageWindow, origin: 'chrome-extension://abcdefgh', data: good },
    ],
    [
      'our frame navigated elsewhere',
      { source: frameWindow, origin: 'https://evil.example', data: good },
    ],
    [
      'another extension',
      { source: frameWindow, origin: 'chrome-extension://zzzzzzzz', data: good },
    ],
    [
      'an unknown type',
      {
        source: frameWindow,
        origin: 'chrome-extension://abcdefgh',
        data: { type: 'x', height: 1 },
      },
    ],
    [
      'extra fields',
      {
        source: frameWindow,
        origin: 'chrome-extension://abcdefgh',
        data: { ...good, body: 'note' },
      },
    ],
    [
      'a negative height',
      { source: frameWindow, origin: 'chrome-extension://abcdefgh', data: { ...good, height: -1 } },
    ],
    [
      'a NaN height',
      {
        source: frameWindow,
        origin: 'chrome-extension://abcdefgh',
        data: { ...good, height: Number.NaN },
      },
    ],
    [
      'an infinite height',
      {
        source: frameWindow,
        origin: 'chrome-extension://abcdefgh',
        data: { ...good, height: Infinity },
      },
    ],
    [
      'a string height',
      {
        source: frameWindow,
        origin: 'chrome-extension://abcdefgh',
        data: { ...good, height: '200' },
      },
    ],
    [
      'a string message',
      { source: frameWindow, origin: 'chrome-extension://abcdefgh', data: JSON.stringify(good) },
    ],
  ])('refuses a message from %s', (_what, event) => {
    expect(acceptFrameMessage(event, expected)).toBeNull();
  });

  it('refuses everything while there is no frame window', () => {
    expect(
      acceptFrameMessage(
        { source: null, origin: 'chrome-extension://abcdefgh', data: good },
        { ...expected, frameWindow: null },
      ),
    ).toBeNull();
    expect(
      acceptFrameMessage(
        { source: undefined, origin: 'chrome-extension://abcdefgh', data: good },
        { ...expected, frameWindow: undefined },
      ),
    ).toBeNull();
  });
});
