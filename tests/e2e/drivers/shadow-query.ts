/**
 * Test-side access to our closed shadow roots. The page's scripts cannot get these roots (that is the
 * point); the test drivers can, with the powers DevTools has: Chromium's DevTools protocol pierces
 * closed roots (DOM.getDocument with `pierce`), and WebDriver BiDi serialises them
 * (`includeShadowTree: 'all'`). Either way the driver holds a reference to the root and calls this
 * function on it (`this` = the shadow root); nothing is added to the product or the page.
 */
export type ShadowOp =
  'count' | 'texts' | 'values' | 'point' | 'rect' | 'colours' | `attr:${string}`;

/** Source of `function (selector, op)` run with the shadow root as `this`. Plain JS: it is sent as text. */
export const SHADOW_QUERY = `function (selector, op) {
  const els = [...this.querySelectorAll(selector)];
  if (op === 'count') return els.length;
  if (op === 'texts') return els.map((e) => (e.textContent || '').trim());
  if (op === 'values') return els.map((e) => e.value);
  if (op.startsWith('attr:')) return els.map((e) => e.getAttribute(op.slice(5)));
  if (op === 'rect' || op === 'colours') {
    const el = els[0];
    if (!el) return null;
    if (op === 'colours') return [getComputedStyle(el).backgroundColor, getComputedStyle(el).color];
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }
  if (op === 'point') {
    const el = els[0];
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  throw new Error('unknown op ' + op);
}`;

/** Empty results when the host (or its root) is not in the page. */
export function emptyResult(op: ShadowOp): unknown {
  if (op === 'count') return 0;
  if (op === 'point' || op === 'rect' || op === 'colours') return null;
  return [];
}

/** Which extension frame a target's `frame` names, told apart by the frame's URL. */
export function isFrameOf(kind: 'note' | 'comment', url: string): boolean {
  if (!url.includes('/note-frame.html')) return false;
  return kind === 'comment' ? url.includes('comment=') : !url.includes('comment=');
}

/**
 * The first of `frames` that is our `kind` of frame. The URL's fragment tells them apart; a driver whose
 * frame URLs leave the fragment out passes `hashOf` to read `location.hash` inside the frame.
 */
export async function pickFrame<F extends { url(): string }>(
  frames: readonly F[],
  kind: 'note' | 'comment',
  hashOf: (frame: F) => Promise<string>,
): Promise<F | undefined> {
  for (const frame of frames) {
    const url = frame.url();
    if (!url.includes('/note-frame.html')) continue;
    const hash = url.includes('#')
      ? url.slice(url.indexOf('#'))
      : await hashOf(frame).catch(() => '');
    if ((kind === 'comment') === hash.includes('comment=')) return frame;
  }
  return undefined;
}
