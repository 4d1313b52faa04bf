/**
 * The hit test both drivers run before a real mouse click: shared, and serialised into the browser as
 * source (it refers to nothing outside itself).
 */

/**
 * Where a person would click `el` (its centre, in its document's viewport, after scrolling it into
 * view), or why they could not: no size, off-screen, or another element on top of that point. Hit-tests
 * in the element's own tree (a shadow root we hold a reference to, open or closed), then up through each
 * shadow host to the document: every level must hit the element or its host. `at` checks a given point
 * instead (an iframe, at the point of the control inside it).
 */
export function hitTest(
  el: Element,
  at: { x: number; y: number } | null,
): { x: number; y: number } | { refusal: string } {
  if (!at) el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = el.getBoundingClientRect();
  if (box.width < 1 || box.height < 1)
    return { refusal: `it has no size (${box.width}×${box.height} px)` };
  const x = at?.x ?? box.left + box.width / 2;
  const y = at?.y ?? box.top + box.height / 2;
  const where = `(${Math.round(x)}, ${Math.round(y)})`;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
    return {
      refusal: `its centre ${where} is off-screen in a ${innerWidth}×${innerHeight} viewport`,
    };
  }
  const describe = (node: Element | null) =>
    node
      ? `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} class="${node.getAttribute('class') ?? ''}">`
      : 'nothing';
  let node: Element = el;
  for (;;) {
    const rootNode = node.getRootNode() as Document | ShadowRoot;
    const hit = rootNode.elementFromPoint(x, y);
    if (!hit || !(hit === node || node.contains(hit))) {
      return { refusal: `${describe(hit)} covers its centre ${where}` };
    }
    if (!(rootNode instanceof ShadowRoot)) return { x, y };
    node = rootNode.host;
  }
}
