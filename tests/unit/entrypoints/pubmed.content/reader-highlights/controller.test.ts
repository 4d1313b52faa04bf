// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initReaderHighlights } from '@/entrypoints/pubmed.content/reader-highlights/controller';
import type { ReaderHighlights } from '@/entrypoints/pubmed.content/reader-highlights/page-highlights';
import { watchSelection } from '@/entrypoints/pubmed.content/reader-highlights/selection-action';
import {
  pendingHighlightJournal,
  type PendingHighlightJournal,
} from '@/utils/storage/journals/comment-journal';
import { describeInRoots, locateSelection } from '@/utils/reader-highlights/root-anchors';
import { trustedClick, trustedInput } from '../../../../support/trusted-events';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import type { JakLensDB } from '@/utils/storage/db';
import { applyTermMarks } from '@/utils/term-marks/mark-terms';
import { createMessageClient } from '@/utils/messaging/client';
import type { Message } from '@/utils/messaging/messages';
import { termMarkTargets } from '@/utils/page/roots';
import { compileWatchFinder } from '@/utils/match/watch-finder';
import { rangeFromSpan } from '@/utils/reader-highlights/text-spans';
import { readFixture } from '../../../../support/fixtures';
import { createSimpleFinder, DEMO_TERMS } from '../../../../support/simple-finder';
import { freshDatabase } from '../../../../support/fresh-database';
import { memoryStorageArea } from '../../../../support/memory-storage-area';
import { installFakeLayout, type FakeLayout } from '../../../../support/fake-layout';

const ARTICLE = 'pmid:37882686';
const ctx = { isInvalid: false };
/** Occurs three times in the abstract; the reader highlights the second. */
const PHRASE = 'ascending aorta replacement';

let captured: Document;
let db: JakLensDB;
let sent: Message[];
let controllers: ReaderHighlights[];
let layout: FakeLayout;

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
  layout = installFakeLayout();
  loadPage();
});

afterEach(async () => {
  for (const controller of controllers) controller.destroy();
  layout.restore();
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

async function start(pending?: PendingHighlightJournal): Promise<ReaderHighlights> {
  const handle = createMessageHandler({ db, isRecordingRecent: async () => false });
  const request = createMessageClient(async (message) => {
    sent.push(message);
    return handle(message);
  });
  const controller = await initReaderHighlights(ctx, {
    articleKey: ARTICLE,
    roots: roots(),
    request,
    ...(pending ? { pending } : {}),
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

/** The text the overlay draws over, joined; and where its first rectangle starts in the abstract. */
const markText = () => layout.drawnText();
function markedOffset(): number {
  const abstract = document.getElementById('abstract')!;
  const range = document.createRange();
  range.setStart(document.body, 0);
  range.setEndBefore(abstract);
  const first = layout.overlayRoot()!.querySelector<HTMLElement>('.jl-hl-rect')!;
  return parseFloat(first.style.left) - range.toString().length;
}
/** The page's own DOM: the body without the overlay's host (which is there from the start). */
const pageDom = () =>
  [...document.body.childNodes]
    .filter((n) => !(n instanceof Element && n.localName === 'jl-reader-layer'))
    .map((n) => (n instanceof Element ? n.outerHTML : n.textContent))
    .join('');

describe('creating a highlight from the selection', () => {
  it('sends the quote with context and joined offsets, and draws it at once', async () => {
    const controller = await start();
    const before = pageDom();
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
    expect(layout.drawn()).toEqual([{ id: created!.id, color: 'green', text: PHRASE }]);
    // Drawn in the overlay's closed root: the page's DOM is exactly as before, and neither the
    // passage nor the comment is marked in it.
    expect(pageDom()).toBe(before);
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
    expect(document.querySelector('jl-reader-layer')).toBeNull();
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
    expect(layout.drawn()).toEqual([]);
  });
});

describe("redoing the term marks under the reader's highlights", () => {
  it('stops drawing, lets the terms be marked anew, and draws the highlights back in place', async () => {
    loadPage();
    const original = pageDom();
    let terms = roots().map((root) => applyTermMarks(root, createSimpleFinder(DEMO_TERMS)));
    const controller = await start();
    select(PHRASE, 1);
    await controller.createFromSelection();
    const offset = markedOffset();

    controller.suspend();
    expect(layout.drawn()).toEqual([]);
    for (const result of terms) result.undo();
    expect(pageDom()).toBe(original);
    // A watch term now covers the highlighted words: the new term marks split them differently.
    const watch = compileWatchFinder([{ term: 'ascending aorta', label: 'Aorta' }]);
    terms = roots().map((root) => applyTermMarks(root, watch));
    expect(document.querySelectorAll("jl-mark[data-jl-kind='watch']").length).toBeGreaterThan(1);
    controller.resume();
    await vi.waitFor(() => expect(markText()).toBe(PHRASE));
    expect(controller.highlights.map((h) => h.state)).toEqual(['anchored']);
    expect(markedOffset()).toBe(offset);

    controller.destroy();
    for (const result of terms) result.undo();
    expect(pageDom()).toBe(original);
  });
});

describe('editing and removing', () => {
  it('sends a comment draft on each input without awaiting it, stores it as typed, and leaves the drawing alone', async () => {
    const controller = await start();
    select(PHRASE, 0);
    const created = (await controller.createFromSelection())!;
    const rectBefore = layout.overlayRoot()!.querySelector('.jl-hl-rect');
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
    // The drawn rectangle is the same element (no redraw per key), and the page holds no comment.
    expect(layout.overlayRoot()!.querySelector('.jl-hl-rect')).toBe(rectBefore);
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

  it('updates the comment and colour, and removal clears the drawing', async () => {
    const controller = await start();
    const original = pageDom();
    select(PHRASE, 0);
    const created = (await controller.createFromSelection())!;
    const seen: number[] = [];
    controller.subscribe((list) => seen.push(list.length));

    await controller.setComment(created.id, 'dose?');
    expect(sent.at(-1)).toEqual({ type: 'highlight/update', id: created.id, comment: 'dose?' });
    expect(document.body.outerHTML).not.toContain('dose?');
    await controller.setColor(created.id, 'pink');
    expect(layout.drawn().map((d) => d.color)).toEqual(['pink']);

    await controller.remove(created.id);
    expect(sent.at(-1)).toEqual({ type: 'highlight/delete', id: created.id });
    expect(layout.drawn()).toEqual([]);
    expect(pageDom()).toBe(original);
    expect(seen).toEqual([1, 1, 0]);
  });

  it('draws overlapping highlights each in full and removes either one cleanly', async () => {
    const controller = await start();
    const original = pageDom();
    select('requiring ascending aorta', 0);
    const a = (await controller.createFromSelection())!;
    select('aorta replacement (AAR)', 0);
    const b = (await controller.createFromSelection())!;
    expect(layout.drawn()).toEqual([
      { id: a.id, color: 'yellow', text: 'requiring ascending aorta' },
      { id: b.id, color: 'yellow', text: 'aorta replacement (AAR)' },
    ]);
    expect(pageDom()).toBe(original);

    await controller.remove(a.id);
    expect(markText()).toBe('aorta replacement (AAR)');
    await controller.remove(b.id);
    expect(layout.drawn()).toEqual([]);
    expect(pageDom()).toBe(original);
  });
});

describe('when the page changes its DOM', () => {
  /** The abstract's first text node that holds `text`. */
  function textNodeWith(text: string): Text {
    const walker = document.createTreeWalker(document.getElementById('abstract')!, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if ((node as Text).data.includes(text)) return node as Text;
    throw new Error(`"${text}" not in the abstract`);
  }

  it('anchors again: follows moved text, orphans a passage the page removed, finds it when it is back', async () => {
    const controller = await start();
    select(PHRASE, 1);
    const created = (await controller.createFromSelection())!;
    const offset = markedOffset();
    const states: string[][] = [];
    controller.subscribe((list) => states.push(list.map((h) => h.state)));

    // The page puts a paragraph before the abstract's text: the passage moves, the drawing follows.
    const intro = document.createElement('p');
    intro.textContent = 'Inserted by the page. ';
    document.getElementById('abstract')!.prepend(intro);
    await vi.waitFor(() => expect(states).toEqual([['anchored']]));
    expect(markedOffset()).toBe(offset + intro.textContent.length);
    expect(markText()).toBe(PHRASE);

    // The page rewrites the sentence: the highlight is an orphan, listed, not drawn.
    const node = textNodeWith('chances of future ascending aorta replacement');
    const original = node.data;
    node.data = original.replace(
      'chances of future ascending aorta replacement',
      'need for a second operation',
    );
    await vi.waitFor(() => expect(controller.highlights[0]?.state).toBe('orphaned'));
    expect(layout.drawn()).toEqual([]);
    expect(controller.highlights[0]?.highlight.id).toBe(created.id);

    // And back: anchored and drawn again, at the same passage.
    node.data = original;
    await vi.waitFor(() => expect(controller.highlights[0]?.state).toBe('anchored'));
    expect(markText()).toBe(PHRASE);
    expect(markedOffset()).toBe(offset + intro.textContent.length);
    expect(states).toEqual([['anchored'], ['orphaned'], ['anchored']]);
  });

  it('puts its layer back when the page removes it', async () => {
    const controller = await start();
    select(PHRASE, 0);
    await controller.createFromSelection();
    document.querySelector('jl-reader-layer')!.remove();
    await vi.waitFor(() => expect(document.querySelector('jl-reader-layer')).not.toBeNull());
    expect(markText()).toBe(PHRASE);
  });
});

describe('a comment typed in the selection bar before "Highlight"', () => {
  it('is journaled on every input, from the input handler, and cleared once highlighted', async () => {
    const { area, items, calls } = memoryStorageArea();
    const journal = pendingHighlightJournal(area, ARTICLE);
    const controller = await start(journal);
    const stop = watchSelection({ doc: document, roots: roots(), highlights: controller, journal });
    try {
      select(PHRASE, 1);
      document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      const bar = () => layout.roots().find((r) => r.host.localName === 'jl-selection-action');
      await vi.waitFor(() => expect(bar()?.querySelector('.jl-sel-comment')).toBeTruthy());
      trustedClick(bar()!.querySelector('.jl-sel-comment')!);
      // The passage is described as the box opens, before the first key.
      await new Promise((r) => setTimeout(r, 20));
      const box = bar()!.querySelector('textarea')!;
      trustedInput(box, 'dose');
      trustedInput(box, 'dose in JDM');
      expect(calls).toMatchObject([
        { op: 'set', value: { articleKey: ARTICLE, exact: PHRASE, comment: 'dose' } },
        { op: 'set', value: { articleKey: ARTICLE, exact: PHRASE, comment: 'dose in JDM' } },
      ]);
      // A page script's input is not the reader's: not journaled.
      box.value = 'forged';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      expect(calls).toHaveLength(2);

      trustedClick(bar()!.querySelector('.jl-sel-save')!);
      await vi.waitFor(() => expect(controller.highlights).toHaveLength(1));
      expect(controller.highlights[0]?.highlight.comment).toBe('dose in JDM');
      await vi.waitFor(() => expect(items.size).toBe(0));
    } finally {
      stop();
    }
  });

  it('is made into its highlight, with the comment, on the next visit after the tab closed', async () => {
    const { area, items } = memoryStorageArea();
    select(PHRASE, 1);
    const at = locateSelection(roots(), document.getSelection()!.getRangeAt(0))!;
    pendingHighlightJournal(area, ARTICLE).write(
      await describeInRoots(roots(), at),
      'typed, then the tab closed',
    );
    document.getSelection()!.removeAllRanges();

    const controller = await start(pendingHighlightJournal(area, ARTICLE));
    expect(controller.highlights).toMatchObject([
      { state: 'anchored', highlight: { comment: 'typed, then the tab closed' } },
    ]);
    expect(markText()).toBe(PHRASE);
    expect(await db.highlights.count()).toBe(1);
    await vi.waitFor(() => expect(items.size).toBe(0));
  });
});
