/**
 * A stand-in for layout in jsdom, which measures nothing (Range has no getClientRects and every box
 * is 0 × 0): all text is laid on one line, one pixel per character of the body's text, so a drawn
 * rectangle [left, right) names exactly the characters under it. Also keeps the shadow roots the
 * code under test attaches, closed ones included (a test may read what the page cannot).
 */

const LINE_HEIGHT = 16;

export interface FakeLayout {
  /** Every shadow root attached since the layout was installed, closed ones too. */
  roots(): ShadowRoot[];
  /** The closed root of the reader-highlight overlay, if one was made. */
  overlayRoot(): ShadowRoot | undefined;
  /** The overlay's rectangles: id, colour and the body text under each, in drawing order. */
  drawn(): { id: string; color: string; text: string }[];
  /** The body text under every rectangle, joined in drawing order. */
  drawnText(): string;
  restore(): void;
}

export function installFakeLayout(doc: Document = document): FakeLayout {
  const view = doc.defaultView!;
  const RangeProto = view.Range.prototype as Range & { getClientRects?: unknown };
  const ElementProto = view.Element.prototype;
  const attach = ElementProto.attachShadow;
  const roots: ShadowRoot[] = [];
  ElementProto.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  const offsetInBody = (node: Node, offset: number) => {
    const before = doc.createRange();
    before.setStart(doc.body, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  };
  Object.defineProperty(RangeProto, 'getClientRects', {
    configurable: true,
    value(this: Range) {
      const left = offsetInBody(this.startContainer, this.startOffset);
      const right = offsetInBody(this.endContainer, this.endOffset);
      return right > left
        ? [{ left, right, top: 0, bottom: LINE_HEIGHT, width: right - left, height: LINE_HEIGHT }]
        : [];
    },
  });
  const size = (name: 'clientWidth' | 'clientHeight', value: number) =>
    Object.defineProperty(doc.documentElement, name, { configurable: true, get: () => value });
  size('clientWidth', 10_000_000);
  size('clientHeight', 800);

  const overlayRoot = () => roots.findLast((r) => r.host.localName === 'jl-reader-layer');
  const drawn = () => {
    const text = doc.body.textContent ?? '';
    return [...(overlayRoot()?.querySelectorAll<HTMLElement>('.jl-hl-rect') ?? [])].map((r) => {
      const left = parseFloat(r.style.left);
      return {
        id: r.getAttribute('data-id') ?? '',
        color: r.getAttribute('data-color') ?? '',
        text: text.slice(left, left + parseFloat(r.style.width)),
      };
    });
  };
  return {
    roots: () => [...roots],
    overlayRoot,
    drawn,
    drawnText: () =>
      drawn()
        .map((d) => d.text)
        .join(''),
    restore() {
      ElementProto.attachShadow = attach;
      delete (RangeProto as { getClientRects?: unknown }).getClientRects;
      delete (doc.documentElement as { clientWidth?: unknown }).clientWidth;
      delete (doc.documentElement as { clientHeight?: unknown }).clientHeight;
    },
  };
}
