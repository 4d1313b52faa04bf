/**
 * The page's next Tab stop after an element, for handing focus on from a mark's card (whose host sits
 * at the end of the body, far from the mark in the page's order). Document order among the usual
 * focusable elements that are rendered and enabled; positive tabindex values (which reorder the
 * sequence) are not honoured, and stops inside other shadow roots are not seen.
 */
const TABBABLE =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [contenteditable="true"], [tabindex]';

export function nextTabStopAfter(doc: Document, from: Element): HTMLElement | null {
  for (const el of doc.querySelectorAll<HTMLElement>(TABBABLE)) {
    if (from.contains(el)) continue;
    if (!(from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) continue;
    // Not rendered (display:none, closed <details>, visibility:hidden): Tab would skip it too.
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) continue;
    return el;
  }
  return null;
}
