/**
 * Look of the highlight marks. The marks carry only data attributes; this stylesheet is injected
 * once per document, so the page never needs CSS of ours on the mark elements themselves.
 */

/** The one custom element JAK Lens wraps around recognised terms. */
export const HIGHLIGHT_TAG = 'jl-mark';

/** Id of the injected <style>, so injection is idempotent. */
export const HIGHLIGHT_STYLE_ID = 'jl-highlight-style';

/**
 * Stylesheet for `jl-mark`. Colours come from the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies), and each kind also has its own underline style (drug solid,
 * target dashed, disease dotted, the reader's watch-list terms double), so colour is never the only cue. Backgrounds are translucent and
 * the text colour is inherited: contrast stays whatever the page's own theme gives, light or dark.
 * `data-jl-flash` is set briefly by next-mention navigation; reduced-motion users get a static
 * outline instead of the animation.
 */
export const HIGHLIGHT_CSS = `
jl-mark {
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
jl-mark[data-jl-kind='drug'] {
  background-color: rgb(230 159 0 / 0.28);
  text-decoration-style: solid;
  text-decoration-color: #d55e00;
}
jl-mark[data-jl-kind='target'] {
  background-color: rgb(86 180 233 / 0.3);
  text-decoration-style: dashed;
  text-decoration-color: #0072b2;
}
jl-mark[data-jl-kind='disease'] {
  background-color: rgb(204 121 167 / 0.28);
  text-decoration-style: dotted;
  text-decoration-color: #a4437a;
}
jl-mark[data-jl-kind='watch'] {
  background-color: rgb(0 158 115 / 0.24);
  text-decoration-style: double;
  text-decoration-color: #007a5a;
}
jl-mark:hover {
  filter: saturate(1.6);
}
jl-mark:focus {
  outline: none;
}
jl-mark:focus-visible {
  outline: 2px solid currentColor;
  outline-offset: 2px;
}
jl-mark[data-jl-flash] {
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
  jl-mark[data-jl-kind='drug'] {
    background-color: rgb(230 159 0 / 0.35);
    text-decoration-color: #e69f00;
  }
  jl-mark[data-jl-kind='target'] {
    background-color: rgb(86 180 233 / 0.35);
    text-decoration-color: #56b4e9;
  }
  jl-mark[data-jl-kind='disease'] {
    background-color: rgb(204 121 167 / 0.38);
    text-decoration-color: #cc79a7;
  }
  jl-mark[data-jl-kind='watch'] {
    background-color: rgb(0 158 115 / 0.35);
    text-decoration-color: #2bc89a;
  }
}
@media (prefers-reduced-motion: reduce) {
  jl-mark[data-jl-flash] {
    animation: none;
    outline: 3px solid rgb(240 228 66);
    outline-offset: 2px;
  }
}
@media (forced-colors: active) {
  jl-mark {
    text-decoration-color: Highlight;
  }
  jl-mark:focus-visible {
    outline-color: Highlight;
  }
}
`;

/**
 * Adds the mark stylesheet to `doc` once and returns a function that removes it again.
 * The <style> carries `data-jl-ui` so the highlighter never walks into it.
 */
export function installHighlightStyle(doc: Document): () => void {
  const existing = doc.getElementById(HIGHLIGHT_STYLE_ID);
  const style = existing ?? doc.createElement('style');
  if (!existing) {
    style.id = HIGHLIGHT_STYLE_ID;
    style.setAttribute('data-jl-ui', '');
    style.textContent = HIGHLIGHT_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  return () => style.remove();
}
