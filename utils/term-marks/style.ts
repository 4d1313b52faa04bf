/**
 * Look of the term marks. The marks carry only data attributes; this stylesheet is injected
 * once per document, so the page never needs CSS of ours on the mark elements themselves.
 */

import { FLASH_ATTR, KIND_ATTR, TERM_MARK_TAG, UI_ATTR } from '../page/markup';

export { TERM_MARK_TAG };

/** Id of the injected <style>, so injection is idempotent. */
export const TERM_MARK_STYLE_ID = 'jl-term-mark-style';

/**
 * Stylesheet for `jl-mark`. Colours come from the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies), and each kind also has its own underline style (drug solid,
 * target dashed, disease dotted, myositis antibodies wavy, the reader's watch-list terms double), so colour
 * is never the only cue. Backgrounds are translucent and
 * the text colour is inherited: contrast stays whatever the page's own theme gives, light or dark.
 * `data-jl-flash` is set briefly by next-mention navigation; reduced-motion users get a static
 * outline instead of the animation.
 */
export const TERM_MARK_CSS = `
${TERM_MARK_TAG} {
  display: inline;
  color: inherit;
  font: inherit;
  border-radius: 2px;
  padding: 0 1px;
  cursor: help;
  text-decoration-line: underline;
  text-decoration-thickness: 2px;
  text-underline-offset: 0.18em;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
${TERM_MARK_TAG}[${KIND_ATTR}='drug'] {
  background-color: rgb(230 159 0 / 0.28);
  text-decoration-style: solid;
  text-decoration-color: #d55e00;
}
${TERM_MARK_TAG}[${KIND_ATTR}='target'] {
  background-color: rgb(86 180 233 / 0.3);
  text-decoration-style: dashed;
  text-decoration-color: #0072b2;
}
${TERM_MARK_TAG}[${KIND_ATTR}='disease'] {
  background-color: rgb(204 121 167 / 0.28);
  text-decoration-style: dotted;
  text-decoration-color: #a4437a;
}
${TERM_MARK_TAG}[${KIND_ATTR}='antibody'] {
  background-color: rgb(240 228 66 / 0.4);
  text-decoration-style: wavy;
  text-decoration-color: #8a6d00;
}
${TERM_MARK_TAG}[${KIND_ATTR}='watch'] {
  background-color: rgb(0 158 115 / 0.24);
  text-decoration-style: double;
  text-decoration-color: #007a5a;
}
${TERM_MARK_TAG}:hover {
  filter: saturate(1.6);
}
${TERM_MARK_TAG}:focus {
  outline: none;
}
${TERM_MARK_TAG}:focus-visible {
  outline: 2px solid currentColor;
  outline-offset: 2px;
}
${TERM_MARK_TAG}[${FLASH_ATTR}] {
  animation: jl-flash 0.9s ease-out 2;
}
@keyframes jl-flash {
  from {
    box-shadow: 0 0 0 4px rgb(240 228 66 / 0.95);
  }
  to {
    box-shadow: 0 0 0 4px rgb(240 228 66 / 0);
  }
}
@media (prefers-color-scheme: dark) {
  ${TERM_MARK_TAG}[${KIND_ATTR}='drug'] {
    background-color: rgb(230 159 0 / 0.35);
    text-decoration-color: #e69f00;
  }
  ${TERM_MARK_TAG}[${KIND_ATTR}='target'] {
    background-color: rgb(86 180 233 / 0.35);
    text-decoration-color: #56b4e9;
  }
  ${TERM_MARK_TAG}[${KIND_ATTR}='disease'] {
    background-color: rgb(204 121 167 / 0.38);
    text-decoration-color: #cc79a7;
  }
  ${TERM_MARK_TAG}[${KIND_ATTR}='antibody'] {
    background-color: rgb(240 228 66 / 0.3);
    text-decoration-color: #f0e442;
  }
  ${TERM_MARK_TAG}[${KIND_ATTR}='watch'] {
    background-color: rgb(0 158 115 / 0.35);
    text-decoration-color: #2bc89a;
  }
}
@media (prefers-reduced-motion: reduce) {
  ${TERM_MARK_TAG}[${FLASH_ATTR}] {
    animation: none;
    outline: 3px solid rgb(240 228 66);
    outline-offset: 2px;
  }
}
@media (forced-colors: active) {
  ${TERM_MARK_TAG} {
    text-decoration-color: Highlight;
  }
  ${TERM_MARK_TAG}:focus-visible {
    outline-color: Highlight;
  }
}
`;

/**
 * Adds the mark stylesheet to `doc` once and returns a function that removes it again.
 * The <style> carries `data-jl-ui` so the term marker never walks into it.
 */
export function installTermMarkStyle(doc: Document): () => void {
  const existing = doc.getElementById(TERM_MARK_STYLE_ID);
  const style = existing ?? doc.createElement('style');
  if (!existing) {
    style.id = TERM_MARK_STYLE_ID;
    style.setAttribute(UI_ATTR, '');
    style.textContent = TERM_MARK_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  return () => style.remove();
}
