import type { E2EPage } from '../drivers/types';

/** The overlay's host (utils/page/markup.ts `READER_HIGHLIGHT_LAYER_HOST`). */
export const READER_LAYER = 'jl-reader-layer';

/** One highlight as the overlay draws it: its id and colour, and the page's text under it. */
export interface DrawnHighlight {
  id: string;
  color: string;
  /** The characters whose box centre lies in one of its rectangles, in document order. */
  text: string;
}

/**
 * What the reader sees highlighted in the viewport, read by the driver in the overlay's closed root
 * (the page cannot): every rectangle, and under it the page's characters, each measured by the
 * browser (a Range per character), so a rectangle off the text, too short or too long shows as a
 * different text. Only what is in view is drawn, so bring the passage into view first.
 */
export async function drawnHighlights(page: Pick<E2EPage, 'inUi'>): Promise<DrawnHighlight[]> {
  return (await page.inUi(READER_LAYER, readDrawnHighlights)) ?? [];
}

/**
 * `drawnHighlights` inside the overlay's root, for a driver's own call into closed roots (Chromium:
 * `chromiumUi(page).inRoots(READER_LAYER, readDrawnHighlights)`). Sent as source: self-contained.
 */
export function readDrawnHighlights(root: ShadowRoot): DrawnHighlight[] {
  const rects = [...root.querySelectorAll('.jl-hl-rect')].map((el) => ({
    id: el.getAttribute('data-id') ?? '',
    color: el.getAttribute('data-color') ?? '',
    box: el.getBoundingClientRect(),
  }));
  const doc = root.host.ownerDocument;
  const byId = new Map<string, { id: string; color: string; text: string }>();
  for (const rect of rects) byId.set(rect.id, { id: rect.id, color: rect.color, text: '' });
  if (rects.length === 0) return [];
  const top = Math.min(...rects.map((r) => r.box.top));
  const bottom = Math.max(...rects.map((r) => r.box.bottom));
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  const range = doc.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('script, style, [data-jl-ui]')) continue;
    // Skip whole nodes outside the rectangles' band (most of the page) without measuring each character.
    range.selectNodeContents(node);
    const whole = range.getBoundingClientRect();
    if (whole.bottom < top || whole.top > bottom) continue;
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width === 0) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      for (const rect of rects) {
        const { left, right, top: t, bottom: b } = rect.box;
        if (x >= left && x <= right && y >= t && y <= b) {
          const entry = byId.get(rect.id)!;
          entry.text += node.data[i];
          break;
        }
      }
    }
  }
  return [...byId.values()];
}

/** The text with its whitespace taken out: a line break drops a collapsed space, not a letter. */
export const letters = (text: string) => text.replace(/\s+/g, '');

/** Scrolls the first occurrence of `text` in `selector` to the middle of the viewport. */
export function scrollToText(page: E2EPage, selector: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector: sel, text: wanted }) => {
      const root = document.querySelector(sel);
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let all = '';
      const nodes: [Text, number][] = [];
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        nodes.push([node, all.length]);
        all += node.data;
      }
      const at = all.indexOf(wanted);
      const hit = nodes.findLast(([, start]) => start <= at);
      if (at < 0 || !hit) return false;
      hit[0].parentElement?.scrollIntoView({ block: 'center' });
      return true;
    },
    { selector, text },
  );
}
