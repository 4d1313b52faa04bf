/**
 * Unit tests' way into the closed shadow roots of the panel, the mark card and the selection bar. The
 * product attaches them closed, so `host.shadowRoot` is null; here, in the test's own DOM, the
 * prototype's attachShadow is wrapped to remember each root it makes (the content script in a browser
 * uses its own world's attachShadow, which no page can wrap). Call `captureShadowRoots()` at module
 * level, before anything is mounted; `rootOf(host)` then gives the root, open or closed.
 */
const roots = new WeakMap<Element, ShadowRoot>();
let installed = false;

export function captureShadowRoots(): void {
  if (installed) return;
  installed = true;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
}

export function rootOf(host: Element | null | undefined): ShadowRoot | null {
  return (host && roots.get(host)) ?? null;
}
