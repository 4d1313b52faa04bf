/**
 * Look of the reader's own highlights: the rectangles of the overlay (overlay.ts), styled by one
 * stylesheet inside its closed shadow root, so nothing of it is in the page's DOM or stylesheets.
 */

import type { HighlightColor } from '../storage/picklists';

/**
 * Fill per colour (also the swatches in our UI). The overlay multiplies it over the page, as a
 * highlighter pen does: the page's white becomes the colour and its dark text stays dark, so the
 * text's contrast stays the page's own. A solid bottom line tells the reader's highlights from term
 * marks (underlined differently) without colour.
 */
export const READER_HIGHLIGHT_COLORS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'rgb(240 228 66 / 0.5)',
  green: 'rgb(0 158 115 / 0.3)',
  blue: 'rgb(86 180 233 / 0.35)',
  pink: 'rgb(204 121 167 / 0.35)',
  purple: 'rgb(150 110 200 / 0.35)',
};

/** Attribute of a drawn rectangle holding its highlight's colour (inside the closed root only). */
export const RECT_COLOR_ATTR = 'data-color';
/** Attribute of a drawn rectangle holding its highlight's id (inside the closed root only). */
export const RECT_ID_ATTR = 'data-id';
export const RECT_CLASS = 'jl-hl-rect';

/**
 * The overlay's stylesheet. The host is a fixed, viewport-sized layer that takes no pointer events
 * (clicks, hover and selection reach the page's text below) and is painted (`contain: strict`) only
 * within its own box, so its size and scroll size say nothing about where the rectangles are. It sits
 * at `z-index: auto`: a page's own raised header or menu stays above the highlights; our panel, card
 * and bar (z-index 2147483000 and up) stay above too.
 */
export const READER_HIGHLIGHT_CSS = [
  `:host { all: initial; position: fixed; top: 0; left: 0; width: 100%; height: 100%; margin: 0; padding: 0; border: 0; pointer-events: none; contain: strict; overflow: clip; mix-blend-mode: multiply; }`,
  `.${RECT_CLASS} { position: absolute; box-sizing: border-box; pointer-events: none; border-bottom: 2px solid rgb(0 0 0 / 0.35); }`,
  ...Object.entries(READER_HIGHLIGHT_COLORS).map(
    ([color, background]) =>
      `.${RECT_CLASS}[${RECT_COLOR_ATTR}='${color}'] { background-color: ${background}; }`,
  ),
  // Forced colours replace backgrounds with opaque system colours: draw only a line, never a fill.
  `@media (forced-colors: active) { :host { mix-blend-mode: normal; } .${RECT_CLASS} { forced-color-adjust: none; background-color: transparent !important; border-bottom-color: Highlight; } }`,
].join('\n');
