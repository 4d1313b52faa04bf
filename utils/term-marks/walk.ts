/**
 * Which text nodes term marks may go into: never those inside code, form controls, editable
 * areas, our own UI or existing marks. The walk itself is one native SHOW_TEXT TreeWalker pass
 * (visiting elements from JS cost more than the whole RegExp scan); subtree exclusion is checked
 * with `closest()` only for the nodes that contain a match.
 */

import { TERM_MARK_TAG } from './style';
import { UI_ATTR } from '../page/markup';

/**
 * Elements whose text is never marked. Form controls and editors would break if we split
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
  TERM_MARK_TAG,
]);

/** Attribute that marks JAK Lens UI (shadow hosts, panels, cards) so we never mark ourselves. */
export const UI_ATTRIBUTE = UI_ATTR;

/** CSS selector for every element whose subtree is skipped, plus the caller's own `exclude`. */
export function skipSelector(exclude?: string): string {
  const builtin = [...SKIP_TAGS, '[contenteditable]', `[${UI_ATTRIBUTE}]`].join(',');
  return exclude ? `${builtin},${exclude}` : builtin;
}

/**
 * True when `root` itself sits inside (or is) an element the term marker must skip, in which case
 * there is nothing to do at all. Once this is false, `closest(skipSelector)` on any node under
 * `root` only ever finds skipped elements inside `root`.
 */
export function isInsideExcluded(root: Element, selector: string): boolean {
  return root.closest(selector) !== null;
}

/**
 * True when a text node under a non-excluded root may be marked. Called only for nodes in
 * which the finder found something, so the native `closest()` runs a few hundred times per page
 * rather than once per node.
 */
export function isEligibleText(node: Text, selector: string): boolean {
  const parent = node.parentElement;
  return parent !== null && parent.closest(selector) === null;
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

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT, without needing the global

/**
 * A resumable walk over the candidate text nodes under `root`, in document order. Each call
 * appends to `out` until `shouldStop()` says so (asked every 256 nodes) and returns true once the
 * walk is complete, so long pages can be collected across several tasks. Only whitespace-only
 * nodes (most of a formatted page) are dropped here. Exclusions, the big script and style texts
 * included, are settled by `isEligibleText` for the few nodes in which the finder finds
 * something: reading each node's parent tag here cost as much as the whole RegExp scan.
 */
export function createTextCollector(
  root: Element,
): (out: Text[], shouldStop: () => boolean) => boolean {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  return (out, shouldStop) => {
    // If the page removed the node we stopped at while we yielded, the walk cannot continue
    // from it; what was collected so far is still processed.
    if (walker.currentNode !== root && !root.contains(walker.currentNode)) return true;
    let n = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (hasVisibleChar((node as Text).data)) out.push(node as Text);
      if (++n % 256 === 0 && shouldStop()) return false;
    }
    return true;
  };
}

/** All candidate text nodes under `root` in one go (see `createTextCollector`). */
export function collectTextNodes(root: Element): Text[] {
  const out: Text[] = [];
  createTextCollector(root)(out, () => false);
  return out;
}
