/**
 * Look of the reader's own highlights. Like the term marks, they carry only data attributes and one
 * injected stylesheet styles them, so nothing of ours sits in `style` attributes on the page.
 */

import type { HighlightColor } from '../storage/picklists';

import { COLOR_ATTR, HIGHLIGHT_ID_ATTR, READER_HIGHLIGHT_TAG, UI_ATTR } from '../page/markup';

export { READER_HIGHLIGHT_TAG };
/** Attribute holding the stored highlight's id on each of its marks. */
export const READER_HIGHLIGHT_ID_ATTR = HIGHLIGHT_ID_ATTR;

const STYLE_ID = 'jl-reader-highlight-style';

/**
 * Background per colour (also the swatches in our UI), translucent so text colour (and contrast) stay the page's own, and with a
 * solid bottom border so the reader's highlights differ from term marks (underlined) without colour.
 */
export const READER_HIGHLIGHT_COLORS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'rgb(240 228 66 / 0.5)',
  green: 'rgb(0 158 115 / 0.3)',
  blue: 'rgb(86 180 233 / 0.35)',
  pink: 'rgb(204 121 167 / 0.35)',
  purple: 'rgb(150 110 200 / 0.35)',
};

/** Stylesheet for `jl-highlight`, one rule per colour. */
export const READER_HIGHLIGHT_CSS = [
  `${READER_HIGHLIGHT_TAG} { display: inline; color: inherit; font: inherit; border-bottom: 2px solid rgb(0 0 0 / 0.35); -webkit-box-decoration-break: clone; box-decoration-break: clone; }`,
  ...Object.entries(READER_HIGHLIGHT_COLORS).map(
    ([color, background]) =>
      `${READER_HIGHLIGHT_TAG}[${COLOR_ATTR}='${color}'] { background-color: ${background}; }`,
  ),
  `@media (forced-colors: active) { ${READER_HIGHLIGHT_TAG} { border-bottom-color: Highlight; } }`,
].join('\n');

/** Adds the stylesheet to `doc` once and returns a function that removes it. */
export function installReaderHighlightStyle(doc: Document): () => void {
  const existing = doc.getElementById(STYLE_ID);
  const style = existing ?? doc.createElement('style');
  if (!existing) {
    style.id = STYLE_ID;
    style.setAttribute(UI_ATTR, '');
    style.textContent = READER_HIGHLIGHT_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  return () => style.remove();
}
