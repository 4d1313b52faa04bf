// @vitest-environment jsdom
// jsdom, not happy-dom: Apache Annotator walks text with NodeIterator.referenceNode (see anchoring.test.ts).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  initReaderHighlights,
  type ReaderHighlights,
} from '@/entrypoints/pubmed.content/reader-highlights';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import type { JakLensDB } from '@/utils/storage/db';
import { applyTermMarks } from '@/utils/term-marks/mark-terms';
import { createMessageClient } from '@/utils/messaging/client';
import type { Message } from '@/utils/messaging/messages';
import { termMarkTargets } from '@/utils/page/roots';
import { compileWatchFinder } from '@/utils/match/watch-finder';
import { rangeFromSpan } from '@/utils/reader-highlights/wrap-range';
import { readFixture } from '../../../support/fixtures';
import { createSimpleFinder, DEMO_TERMS } from '../../../support/simple-finder';
import { freshDatabase } from '../../../support/fresh-database';

const ARTICLE = 'pmid:37882686';
const ctx = { isInvalid: false };
/** Occurs three times in the abstract; the reader highlights the second. */
const PHRASE = 'ascending aorta replacement';

let captured: Document;
let db: JakLensDB;
let sent: Message[];
let controllers: ReaderHighlights[];

beforeAll(() => {
  captured = new DOMParser().parseFromString(
    readFixture('pubmed-article/PMID-37882686.html'),
    'text/html',
  );
});

beforeEach(() => {
  db = freshDatabase();
  sent = [];
  controllers = [];
  loadPage();
});

afterEach(async () => {
  for (const controller of controllers) controller.destroy();
  document.body.replaceChildren();
  await db.delete();
});

/** Puts the capture's heading and abstract into the test document (a fresh visit of the page). */
function loadPage(edit?: (abstract: HTMLElement) => void): void {
  document.body.replaceChildren(
    document.importNode(captured.getElementById('full-view-heading')!, true),
    document.importNode(captured.getElementById('abstract')!, true),
  );
  if (edit) edit(document.getElementById('abstract')!);
}

function roots(): Element[] {
  return termMarkTargets(document, 'pubmed-article').roots;
}

async function start(): Promise<ReaderHighlights> {
  const handle = createMessageHandler({ db, isRecordingRecent: async () => false });
  const request = createMessageClient(async (message) => {
    sent.push(message);
    return handle(message);
  });
  const controller = await initReaderHighlights(ctx, {
    articleKey: ARTICLE,
    roots: roots(),
    request,
  });
  controllers.push(controller);
  return controller;
}

/** Selects the `occurrence`-th (0-based) appearance of `text` in the abstract, as a reader would. */
function select(text: string, occurrence: number): void {
  const abstract = document.getElementById('abstract')!;
  const all = abstract.textContent ?? '';
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = all.indexOf(text, at + 1);
  // A double-click selection often takes the following space too: it is trimmed.
  const end = at + text.length + (/\s/.test(all[at + text.length] ?? '') ? 1 : 0);
  const range = rangeFromSpan(abstract, { start: at, end })!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

const marks = () => [...document.querySelectorAll('jl-highlight')];
const markText = () =>
  marks()
    .map((m) => m.textContent)
    .join('');
/** Where the marked text starts in the abstract's text. */
function markedOffset(): number {
  const abstract = document.getElementById('abstract')!;
  const range = document.createRange();
  range.setStart(abstract, 0);
  range.setEndBefore(marks()[0]!);
  return range.toString().length;
}

describe('creating a highlight from the selection', () => {
  it('sends the quote with context and joined offsets, and draws it at once', async () => {
    const controller = await start();
    select(PHRASE, 1);
    const created = await controller.createFromSelection('green', '  check this  ');

    const add = sent.find((m) => m.type === 'highlight/add');
    const titleLength = roots()[0]!.textContent!.length;
    const abstractText = roots()[1]!.textContent!;
    const local = abstractText.indexOf(PHRASE, abstractText.indexOf(PHRASE) + 1);
    expect(add).toMatchObject({
      articleKey: ARTICLE,
      exact: PHRASE,
      color: 'green',
      comment: 'check this',
      start: titleLength + local,
      end: titleLength + local + PHRASE.length,
    });
    expect(add && 'prefix' in add && add.prefix).toMatch(/\s+chances of future $/);
    expect(created?.textQuote.exact).toBe(PHRASE);
    expect(markText()).toBe(PHRASE);
    expect(marks()[0]!.getAttribute('data-jl-color')).toBe('green');
    // The comment never reaches the page's DOM, where the page's scripts could read it.
    expect(document.body.outerHTML).not.toContain('check this');
    expect(document.getSelection()!.rangeCount).toBe(0);
    expect(controller.highlights.map((h) => h.state)).toEqual(['anchored']);
  });

  it('ignores a collapsed selection or one outside the article text', async () => {
    const controller = await start();
    document.getSelection()!.removeAllRanges();
    await expect(controller.createFromSelection()).resolves.toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'Similar articles';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    document.getSelection()!.addRange(range);
    await expect(controller.createFromSelection()).resolves.toBeNull();
    expect(sent.filter((m) => m.type === 'highlight/add')).toEqual([]);
  });
});

describe('a later visit', () => {
  it('re-anchors at the same occurrence, even with term marks on the page', async () => {
    const first = await start();
    select(PHRASE, 1);
    await first.createFromSelection();
    const offset = markedOffset();
    first.destroy();

    loadPage();
    const original = document.body.innerHTML;
    const terms = roots().map((root) => applyTermMarks(root, createSimpleFinder(DEMO_TERMS)));
    const again = await start();
    expect(again.highlights.map((h) => h.state)).toEqual(['anchored']);
    expect(markText()).toBe(PHRASE);
    expect(markedOffset()).toBe(offset);

    again.destroy();
    for (const result of terms) result.undo();
    expect(document.body.innerHTML).toBe(original);
  });

  it('lists a highlight whose text is gone as orphaned, with its text, and draws nothing', async () => {
    const first = await start();
    select(PHRASE, 1);
    await first.createFromSelection();
    first.destroy();

    // The page now words that sentence differently: the other two occurrences are look-alikes.
    loadPage((abstract) => {
      for (const p of abstract.querySelectorAll('p')) {
        for (const node of p.childNodes) {
          if (node.nodeType !== 3) continue;
          const text = node as Text;
          text.data = text.data.replace(
            /chances of future ascending aorta replacement/,
            'need for a second operation',
          );
        }
      }
    });
    expect(document.getElementById('abstract')!.textContent).toContain(PHRASE);
    const again = await start();
    expect(again.highlights).toHaveLength(1);
    expect(again.highlights[0]).toMatchObject({
      state: 'orphaned',
      highlight: { textQuote: { exact: PHRASE } },
    });
    expect(marks()).toEqual([]);
  });
});

describe("redoing the term marks under the reader's highlights", () => {
  it('takes the highlights off, lets the terms be marked anew, and draws them back in place', async () => {
    loadPage();
    const original = document.body.innerHTML;
    let terms = roots().map((root) => applyTermMarks(root, createSimpleFinder(DEMO_TERMS)));
    const controller = await start();
    select(PHRASE, 1);
    await controller.createFromSelection();
    const offset = markedOffset();

    controller.suspend();
    expect(marks()).toEqual([]);
    for (const result of terms) result.undo();
    expect(document.body.innerHTML).toBe(original);
    // A watch term now covers the highlighted words: the new term marks split them differently.
    const watch = compileWatchFinder([{ term: 'ascending aorta', label: 'Aorta' }]);
    terms = roots().map((root) => applyTermMarks(root, watch));
    expect(document.querySelectorAll("jl-mark[data-jl-kind='watch']").length).toBeGreaterThan(1);
    controller.resume();
    expect(controller.highlights.map((h) => h.state)).toEqual(['anchored']);
    expect(markText()).toBe(PHRASE);
    expect(markedOffset()).toBe(offset);

    controller.destroy();
    for (const result of terms) result.undo();
    expect(document.body.innerHTML).toBe(original);
  });
});

describe('editing and removing', () => {
  it('sends a comment draft on each input without awaiting it, stores it as typed, and leaves the marks alone', async () => {
    const controller = await start();
    select(PHRASE, 0);
    const created = (await controller.createFromSelection())!;
    const markBefore = marks()[0];
    const lists: (string | undefined)[] = [];
    controller.subscribe((list) => lists.push(list[0]?.highlight.comment));
    const before = sent.length;
    controller.draftComment(created.id, 'dose ');
    controller.draftComment(created.id, 'dose in ');
    // Sent synchronously, from the input handler itself: nothing to wait for before the tab may close.
    expect(sent.slice(before)).toEqual([
      { type: 'highlight/update', id: created.id, comment: 'dose ' },
      { type: 'highlight/update', id: created.id, comment: 'dose in ' },
    ]);
    expect(lists).toEqual(['dose ', 'dose in ']);
    // The page's mark is the same element (no redraw per key) and carries no comment.
    expect(marks()[0]).toBe(markBefore);
    expect(document.body.outerHTML).not.toContain('dose in');
    await expect.poll(async () => (await db.highlights.get(created.id))?.comment).toBe('dose in ');
    // Emptying the box removes the comment.
    controller.draftComment(created.id, '');
    await expect.poll(async () => (await db.highlights.get(created.id))?.comment).toBeUndefined();
  });

  it('tells a failed comment draft to its caller', async () => {
    const controller = await start();
    select(PHRASE, 0);
    const created = (await controller.createFromSelection())!;
    await db.highlights.delete(created.id);
    const errors: unknown[] = [];
    controller.draftComment(created.id, 'x', (error) => errors.push(error));
    await expect.poll(() => errors.length).toBe(1);
    expect(String(errors[0])).toMatch(/No highlight/);
  });

  it('updates the comment and colour, and removal restores the page text nodes', async () => {
    const original = document.body.innerHTML;
    const controller = await start();
    select(PHRASE, 0);
    const created = (await controller.createFromSelection())!;
    const seen: number[] = [];
    controller.subscribe((list) => seen.push(list.length));

    await controller.setComment(created.id, 'dose?');
    expect(sent.at(-1)).toEqual({ type: 'highlight/update', id: created.id, comment: 'dose?' });
    expect(document.body.outerHTML).not.toContain('dose?');
    await controller.setColor(created.id, 'pink');
    expect(marks()[0]!.getAttribute('data-jl-color')).toBe('pink');

    await controller.remove(created.id);
    expect(sent.at(-1)).toEqual({ type: 'highlight/delete', id: created.id });
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(original);
    expect(seen).toEqual([1, 1, 0]);
  });

  it('draws overlapping highlights nested and removes either one cleanly', async () => {
    const original = document.body.innerHTML;
    const controller = await start();
    select('requiring ascending aorta', 0);
    const a = (await controller.createFromSelection())!;
    select('aorta replacement (AAR)', 0);
    const b = (await controller.createFromSelection())!;
    expect(document.querySelector('jl-highlight jl-highlight')?.textContent).toBe('aorta');

    await controller.remove(a.id);
    expect(markText()).toBe('aorta replacement (AAR)');
    await controller.remove(b.id);
    expect(document.body.innerHTML).toBe(original);
  });
});
