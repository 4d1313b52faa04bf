/**
 * A tiny element builder for the always-on search-result badges and strip: plain DOM, so the
 * script every PubMed page loads carries no UI library (Preact stays with the on-demand panel).
 * Text is only ever set as text nodes; attributes are set one by one, never parsed from markup.
 */
export type Attrs = Record<string, string | false | undefined>;

export function el(
  doc: Document,
  tag: string,
  attrs: Attrs = {},
  ...children: (Node | string | false | null | undefined)[]
): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== false && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}
