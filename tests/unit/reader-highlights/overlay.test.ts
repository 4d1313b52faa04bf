// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHighlightOverlay,
  textBoxes,
  type HighlightOverlay,
} from '@/utils/reader-highlights/overlay';
import { rangeFromSpan } from '@/utils/reader-highlights/text-spans';
import { installFakeLayout, type FakeLayout } from '../../support/fake-layout';

let layout: FakeLayout;
let overlays: HighlightOverlay[];

beforeEach(() => {
  layout = installFakeLayout();
  overlays = [];
});

afterEach(() => {
  for (const overlay of overlays) overlay.destroy();
  layout.restore();
  document.body.replaceChildren();
});

/** Puts `html` in the body (test fixture) and returns a Range over the first `text` in it. */
function page(html: string, text: string): Range {
  document.body.innerHTML = html; // test fixture only
  const start = (document.body.textContent ?? '').indexOf(text);
  return rangeFromSpan(document.body, { start, end: start + text.length })!;
}

function overlay(): HighlightOverlay {
  const made = createHighlightOverlay(document, [document.body]);
  overlays.push(made);
  return made;
}

describe('textBoxes', () => {
  it('measures each text node once (not the elements inside the range) and joins one line', () => {
    const range = page('<p>Alpha <b>beta <i>gamma</i></b> delta</p>', 'pha beta gamma del');
    expect(textBoxes(range)).toEqual([{ left: 2, right: 20, top: 0, bottom: 16 }]);
  });

  it('leaves out script, style and our own UI inside the range, and whitespace-only text', () => {
    const range = page(
      '<p>one<script>var x;</script> <span data-jl-ui="">ours</span>two</p>',
      'one',
    );
    range.setEnd(document.querySelector('p')!.lastChild!, 3);
    const text = document.body.textContent ?? '';
    const boxes = textBoxes(range);
    expect(boxes.map((b) => text.slice(b.left, b.right))).toEqual(['one', 'two']);
  });

  it('clips to the scroll containers around the text', () => {
    const range = page('<p>before <span id="box">inside a box</span> after</p>', 'inside a box');
    const box = document.getElementById('box')!;
    box.style.overflowX = 'hidden';
    box.style.overflowY = 'hidden';
    const start = (document.body.textContent ?? '').indexOf('inside');
    // The box shows only "inside" (its first 6 characters); the rest is scrolled out of it.
    box.getBoundingClientRect = () =>
      ({ left: start, right: start + 6, top: 0, bottom: 16, width: 6, height: 16 }) as DOMRect;
    expect(textBoxes(range)).toEqual([{ left: start, right: start + 6, top: 0, bottom: 16 }]);
  });
});

describe('the overlay', () => {
  it('draws in a closed root of one host at the end of the body, and nothing in the page around the text', () => {
    const range = page('<p>Some <em>highlighted</em> words here</p>', 'highlighted words');
    const before = document.querySelector('p')!.outerHTML;
    const drawn = overlay();
    drawn.draw([{ id: 'h1', color: 'blue', range }]);
    const host = document.body.lastElementChild!;
    expect(host.localName).toBe('jl-reader-layer');
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
    expect(document.querySelector('p')!.outerHTML).toBe(before);
    expect(layout.drawn()).toEqual([{ id: 'h1', color: 'blue', text: 'highlighted words' }]);
  });

  it('draws only what is in the viewport, so the layer never overflows it', () => {
    const range = page('<p>0123456789</p>', '0123456789');
    Object.defineProperty(document.documentElement, 'clientWidth', { get: () => 4 });
    const drawn = overlay();
    drawn.draw([{ id: 'h1', color: 'yellow', range }]);
    expect(layout.drawnText()).toBe('0123');
  });

  it('reads no geometry while it has nothing to draw, however the page changes (issue 17)', async () => {
    page('<p>alpha beta</p>', 'beta');
    const drawn = overlay();
    drawn.draw([]);
    const styles = vi.spyOn(window, 'getComputedStyle');
    const rects = vi.spyOn(Range.prototype, 'getClientRects');
    let widthReads = 0;
    Object.defineProperty(document.documentElement, 'clientWidth', {
      configurable: true,
      get: () => ++widthReads,
    });
    document.querySelector('p')!.prepend('new ');
    document.body.append(document.createElement('div'));
    // Two frames and a task: the redraw after the page's frame has had its chance to run.
    for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
    await new Promise((done) => setTimeout(done, 20));
    expect({
      widthReads,
      styles: styles.mock.calls.length,
      rects: rects.mock.calls.length,
    }).toEqual({ widthReads: 0, styles: 0, rects: 0 });
    styles.mockRestore();
    rects.mockRestore();
    delete (document.documentElement as unknown as Record<string, unknown>).clientWidth;
  });

  it('follows the text when the page changes its layout, and is gone after destroy', async () => {
    const range = page('<p>alpha beta</p>', 'beta');
    const drawn = overlay();
    drawn.draw([{ id: 'h1', color: 'yellow', range }]);
    expect(layout.drawnText()).toBe('beta');
    // Text inserted before it moves it right (the Range is live): redrawn on the next frame.
    document.querySelector('p')!.prepend('new ');
    await vi.waitFor(() => expect(layout.drawnText()).toBe('beta'));
    const rect = layout.overlayRoot()!.querySelector<HTMLElement>('.jl-hl-rect')!;
    expect(rect.style.left).toBe('10px');
    drawn.destroy();
    expect(document.querySelector('jl-reader-layer')).toBeNull();
  });
});
