/**
 * Which text nodes the highlighter may touch. One TreeWalker pass over elements and text, skipping
 * whole subtrees that must stay untouched: code, form controls, editable areas, our own UI and
 * anything already marked.
 */

import { HIGHLIGHT_TAG } from './highlight-style';

/**
 * Elements whose text is never highlighted. Form controls and editors would break if we split
 * their text; script/style text is not rendered; SVG/MathML cannot hold an HTML wrapper; <title>
 * and <head> feed document.title and metadata.
 */
const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'head',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
  HIGHLIGHT_TAG,
]);

/** Attribute that marks JAK Lens UI (shadow hosts, panels, cards) so we never highlight ourselves. */
export const UI_ATTRIBUTE = 'data-jl-ui';

/** CSS selector equivalent of the built-in skip rules, for `closest()` checks. */
const BUILTIN_SKIP_SELECTOR = [...SKIP_TAGS, '[contenteditable]', `[${UI_ATTRIBUTE}]`].join(',');

// Raw constants instead of the NodeFilter/Node globals, so this runs with any Document.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;

/** True when this element's subtree must not be highlighted (not looking at its ancestors). */
function isSkippedElement(el: Element, exclude: string | undefined): boolean {
  return (
    SKIP_TAGS.has(el.localName) ||
    el.hasAttribute('contenteditable') ||
    el.hasAttribute(UI_ATTRIBUTE) ||
    (exclude !== undefined && el.matches(exclude))
  );
}

/**
 * True when `root` itself sits inside (or is) an element the highlighter must skip, in which case
 * there is nothing to do at all.
 */
export function isInsideExcluded(root: Element, exclude?: string): boolean {
  if (root.closest(BUILTIN_SKIP_SELECTOR)) return true;
  return exclude !== undefined && root.closest(exclude) !== null;
}

/** True when the string has at least one non-whitespace character (cheap: stops at the first). */
function hasVisibleChar(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    // space, \t, \n, \f, \r; anything else (including nbsp) may belong to a term.
    if (c !== 32 && (c < 9 || c > 13)) return true;
  }
  return false;
}

/**
 * Collects the highlightable text nodes under `root` in document order. Whitespace-only nodes
 * (most of a formatted page) are dropped here so the matcher never sees them.
 * @param exclude extra CSS selector whose subtrees are skipped (our shadow host, page chrome).
 */
export function collectTextNodes(root: Element, exclude?: string): Text[] {
  const out: Text[] = [];
  if (isInsideExcluded(root, exclude)) return out;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  let node: Node | null = walker.nextNode();
  while (node !== null) {
    if (node.nodeType === ELEMENT_NODE) {
      if (isSkippedElement(node as Element, exclude)) {
        node = skipSubtree(walker);
        continue;
      }
    } else if (hasVisibleChar((node as Text).data)) {
      out.push(node as Text);
    }
    node = walker.nextNode();
  }
  return out;
}

/** Moves the walker past the current node's descendants; a FILTER_REJECT without a JS filter. */
function skipSubtree(walker: TreeWalker): Node | null {
  do {
    const next = walker.nextSibling();
    if (next !== null) return next;
  } while (walker.parentNode() !== null);
  return null;
}
