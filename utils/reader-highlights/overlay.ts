/**
 * The reader's highlights drawn as an overlay: translucent rectangles in a closed shadow root, laid
 * over the text from the anchored Range's client rectangles. The page's DOM around the text is left
 * exactly as the page made it (no element, attribute or class), so a page script cannot tell which
 * passages the reader highlighted. The CSS Custom Highlight API would draw without touching the text
 * too, but its registry (`CSS.highlights`) is shared with the page's world, which could read it.
 *
 * What the page can observe is one host element, present whether or not anything is highlighted, of
 * constant size (the viewport) and painted only within it: each rectangle is clipped to the viewport
 * and to the scroll containers around its text, so no scroll or overflow size gives one away. The
 * rectangles take no pointer events: clicks, hover and selection reach the page's text as before.
 *
 * The rectangles follow the text: measured again (once per frame at most) on scroll (the window's or
 * any scroll container's), resize, a size change of the roots or the body, any change of the page's
 * DOM, and when web fonts finish loading. Re-anchoring after the text itself changes is the caller's
 * (it hands over new Ranges through `draw`).
 */

import { READER_HIGHLIGHT_LAYER_HOST, UI_ATTR } from '../page/markup';
import type { HighlightColor } from '../storage/picklists';
import { READER_HIGHLIGHT_CSS, RECT_CLASS, RECT_COLOR_ATTR, RECT_ID_ATTR } from './style';
import { textNodesOf } from './text-spans';

/** One highlight to draw: its id, colour and where its text is now. */
export interface OverlayHighlight {
  id: string;
  color: HighlightColor;
  range: Range;
}

/** A rectangle in viewport (client) coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface HighlightOverlay {
  /** Draws exactly these highlights, at once (replacing what was drawn). */
  draw(items: readonly OverlayHighlight[]): void;
  /** Takes the host and every listener off the page. */
  destroy(): void;
}

/** Text that is never drawn even inside a highlighted range: non-rendered text and our own UI. */
const NOT_TEXT = `script, style, noscript, template, textarea, [${UI_ATTR}]`;

/** Two boxes of one line closer than this (px) are drawn as one, so a seam never shows darker. */
const JOIN_PX = 1;

/**
 * The boxes the text of `range` occupies in the viewport, one per line fragment: measured per text
 * node, so an element wholly inside the range (a term mark, a link) is not drawn a second time by its
 * own box; boxes of one line that touch are joined; each is clipped to the scroll containers (any
 * ancestor whose overflow is not visible) around its text. `clipOf` caches those per element.
 */
export function textBoxes(
  range: Range,
  clipOf: (element: Element) => Box | null = clipper(),
): Box[] {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const common = range.commonAncestorContainer;
  const nodes =
    common.nodeType === 3
      ? [common as Text]
      : textNodesOf(common).filter((n) => range.intersectsNode(n));
  const boxes: Box[] = [];
  for (const node of nodes) {
    const parent = node.parentElement;
    if (!parent || parent.closest(NOT_TEXT)) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from || node.data.slice(from, to).trim() === '') continue;
    const piece = doc.createRange();
    piece.setStart(node, from);
    piece.setEnd(node, to);
    const clip = clipOf(parent);
    for (const rect of piece.getClientRects()) {
      if (rect.width < 0.5 || rect.height < 0.5) continue;
      const box = clip ? intersect(rect, clip) : toBox(rect);
      if (box) boxes.push(box);
    }
  }
  return joinLines(boxes);
}

/**
 * A cache of clip boxes: for an element, the intersection of the client boxes of its ancestors that
 * clip their content (overflow other than visible), or null when none does.
 */
export function clipper(): (element: Element) => Box | null {
  const cache = new Map<Element, Box | null>();
  const clipOf = (element: Element): Box | null => {
    if (cache.has(element)) return cache.get(element)!;
    const parent = element.parentElement;
    const outer = parent ? clipOf(parent) : null;
    let own: Box | null = null;
    const view = element.ownerDocument.defaultView;
    if (parent && view) {
      const style = view.getComputedStyle(element);
      if (clips(style.overflowX) || clips(style.overflowY)) {
        own = toBox(element.getBoundingClientRect());
      }
    }
    const clip = own && outer ? (intersect(own, outer) ?? EMPTY) : (own ?? outer);
    cache.set(element, clip);
    return clip;
  };
  return clipOf;
}

/** True for an overflow value that clips (hidden, scroll, auto, clip); '' is an unknown, not a clip. */
const clips = (overflow: string) => overflow !== '' && overflow !== 'visible';

const EMPTY: Box = { left: 0, top: 0, right: 0, bottom: 0 };

function toBox(rect: Box): Box {
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

/** The overlap of two boxes, or null when they do not overlap. */
export function intersect(a: Box, b: Box): Box | null {
  const box = {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return box.right - box.left >= 0.5 && box.bottom - box.top >= 0.5 ? box : null;
}

/** Joins boxes of the same line that touch or overlap, keeping the order of the lines. */
function joinLines(boxes: Box[]): Box[] {
  const out: Box[] = [];
  for (const box of boxes) {
    const last = out[out.length - 1];
    const sameLine =
      last &&
      Math.abs(last.top - box.top) <= JOIN_PX &&
      Math.abs(last.bottom - box.bottom) <= JOIN_PX &&
      box.left <= last.right + JOIN_PX &&
      box.right >= last.left - JOIN_PX;
    if (last && sameLine) {
      last.left = Math.min(last.left, box.left);
      last.right = Math.max(last.right, box.right);
      last.top = Math.min(last.top, box.top);
      last.bottom = Math.max(last.bottom, box.bottom);
    } else out.push({ ...box });
  }
  return out;
}

/**
 * Creates the overlay's host in `doc` (at the end of the body) with a closed shadow root, and keeps
 * the drawing aligned with the text. `observe` are the elements whose size changes should redraw it
 * (the article's roots); the body and the root element are always observed.
 */
export function createHighlightOverlay(
  doc: Document,
  observe: readonly Element[] = [],
): HighlightOverlay {
  const view = doc.defaultView;
  for (const stale of doc.querySelectorAll(READER_HIGHLIGHT_LAYER_HOST)) stale.remove();
  const host = doc.createElement(READER_HIGHLIGHT_LAYER_HOST);
  host.setAttribute(UI_ATTR, '');
  host.setAttribute('aria-hidden', 'true');
  // Closed: which passages are highlighted, and where, is not the page's to read.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = READER_HIGHLIGHT_CSS;
  const layer = doc.createElement('div');
  shadow.append(style, layer);

  let items: readonly OverlayHighlight[] = [];
  let cancelFrame: (() => void) | undefined;
  let destroyed = false;

  const place = () => {
    if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
  };

  const layout = () => {
    cancelFrame?.();
    cancelFrame = undefined;
    if (destroyed) return;
    place();
    // Nothing to draw (the panel loaded this module on an article without highlights): read no
    // geometry, which would force the page's style and layout while it is still being marked.
    if (items.length === 0) {
      if (layer.firstChild) layer.replaceChildren();
      return;
    }
    const root = doc.documentElement;
    const viewport: Box = { left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight };
    const clipOf = clipper();
    const rects: HTMLElement[] = [];
    for (const item of items) {
      for (const box of textBoxes(item.range, clipOf)) {
        // Only what is in view is drawn: a rectangle below the fold would be the page's to measure
        // (through the layer's overflow) if it were there.
        const shown = intersect(box, viewport);
        if (!shown) continue;
        const rect = doc.createElement('div');
        rect.className = RECT_CLASS;
        rect.setAttribute(RECT_ID_ATTR, item.id);
        rect.setAttribute(RECT_COLOR_ATTR, item.color);
        rect.style.left = `${shown.left}px`;
        rect.style.top = `${shown.top}px`;
        rect.style.width = `${shown.right - shown.left}px`;
        rect.style.height = `${shown.bottom - shown.top}px`;
        rects.push(rect);
      }
    }
    layer.replaceChildren(...rects);
  };

  /** Scroll and resize: redrawn in the next animation frame (scrolling leaves layout clean). */
  const schedule = () => {
    if (destroyed || cancelFrame || items.length === 0) return;
    if (view?.requestAnimationFrame) {
      const id = view.requestAnimationFrame(layout);
      cancelFrame = () => view.cancelAnimationFrame(id);
    } else {
      const id = setTimeout(layout, 16);
      cancelFrame = () => clearTimeout(id);
    }
  };

  /**
   * The page changed (marks, the panel, PubMed's own scripts): redrawn right after the next frame,
   * whose own style and layout have then placed the text, so reading its rectangles costs nothing.
   * Read in the animation frame instead, they forced that layout inside JAK Lens's callback (issue
   * 17: 104 ms of layout in a 173 ms task on the JDM PMC page).
   */
  const scheduleAfterFrame = () => {
    if (destroyed || cancelFrame || items.length === 0) return;
    if (!view?.requestAnimationFrame) return schedule();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = view.requestAnimationFrame(() => {
      // A task queued from the frame runs after that frame has been rendered.
      timer = setTimeout(layout, 0);
    });
    cancelFrame = () => {
      view.cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  };

  // Our own changes are inside the closed root, which the observer below does not see; appending
  // the host is seen once, and placing it again only happens when the page removed it.
  const mutations = new MutationObserver(scheduleAfterFrame);
  mutations.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  const resizes =
    typeof ResizeObserver === 'function' ? new ResizeObserver(scheduleAfterFrame) : undefined;
  for (const el of [doc.documentElement, doc.body, ...observe]) if (el) resizes?.observe(el);
  const listen = { capture: true, passive: true } as const;
  view?.addEventListener('scroll', schedule, listen);
  view?.addEventListener('resize', schedule, listen);
  doc.fonts?.addEventListener?.('loadingdone', schedule);
  place();

  return {
    draw(next) {
      items = next;
      layout();
    },
    destroy() {
      destroyed = true;
      cancelFrame?.();
      mutations.disconnect();
      resizes?.disconnect();
      view?.removeEventListener('scroll', schedule, listen);
      view?.removeEventListener('resize', schedule, listen);
      doc.fonts?.removeEventListener?.('loadingdone', schedule);
      layer.replaceChildren();
      host.remove();
      items = [];
    },
  };
}
