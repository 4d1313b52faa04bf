/**
 * Look of the reader's own highlights. Like the term marks, they carry only data attributes and one
 * injected stylesheet styles them, so nothing of ours sits in `style` attributes on the page.
 */

import type { HighlightColor } from '../storage/picklists';

/** The custom element wrapped around the reader's highlighted text (distinct from `jl-mark`). */
export const NOTE_MARK_TAG = 'jl-note-mark';

/** Attribute holding the stored highlight's id on each of its marks. */
export const NOTE_MARK_ID_ATTR = 'data-jl-highlight';

const STYLE_ID = 'jl-note-mark-style';

/**
 * Background per colour (also the swatches in our UI), translucent so text colour (and contrast) stay the page's own, and with a
 * solid bottom border so the reader's highlights differ from term marks (underlined) without colour.
 */
export const NOTE_MARK_COLORS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'rgb(240 228 66 / 0.5)',
  green: 'rgb(0 158 115 / 0.3)',
  blue: 'rgb(86 180 233 / 0.35)',
  pink: 'rgb(204 121 167 / 0.35)',
  purple: 'rgb(150 110 200 / 0.35)',
};

/** Stylesheet for `jl-note-mark`, one rule per colour. */
export const NOTE_MARK_CSS = [
  `${NOTE_MARK_TAG} { display: inline; color: inherit; font: inherit; border-bottom: 2px solid rgb(0 0 0 / 0.35); -webkit-box-decoration-break: clone; box-decoration-break: clone; }`,
  ...Object.entries(NOTE_MARK_COLORS).map(
    ([color, background]) =>
      `${NOTE_MARK_TAG}[data-jl-color='${color}'] { background-color: ${background}; }`,
  ),
  `@media (forced-colors: active) { ${NOTE_MARK_TAG} { border-bottom-color: Highlight; } }`,
].join('\n');

/** Adds the stylesheet to `doc` once and returns a function that removes it. */
export function installNoteMarkStyle(doc: Document): () => void {
  const existing = doc.getElementById(STYLE_ID);
  const style = existing ?? doc.createElement('style');
  if (!existing) {
    style.id = STYLE_ID;
    style.setAttribute('data-jl-ui', '');
    style.textContent = NOTE_MARK_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  return () => style.remove();
}
