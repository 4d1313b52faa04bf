/**
 * The info card on term marks: one card host for the page, made on the first hover or focus
 * of a mark (nothing is built at load time; only the listeners of utils/term-marks/mark-hover.ts are added).
 * The host lives in the page while the card shows and is removed when it hides; the mark carries
 * `aria-describedby` only while its card shows, so undoing the marks restores the page exactly.
 */
import { render } from 'preact';
import cardCss from '@/components/overlays/mark-card.css?inline';
import { MarkCard } from '@/components/overlays/MarkCard';
import { getSegment } from '@/utils/term-marks/wrap';
import { markCardFor } from '@/utils/term-marks/mark-card';
import { placeCard } from '@/utils/term-marks/mark-card-position';
import {
  watchMarkHover,
  type MarkHover,
  type MarkHoverOptions,
} from '@/utils/term-marks/mark-hover';
import { KIND_ATTR, LABEL_ATTR, MARK_CARD_HOST, TERM_ATTR, UI_ATTR } from '@/utils/page/markup';
import type { PathwayFocus } from '@/utils/panel/pathways';

/** Tag and id of the card's shadow host (carries `data-jl-ui`, so it is never marked). */
export { MARK_CARD_HOST };
export const MARK_CARD_ID = MARK_CARD_HOST;
const DESCRIBED_BY = 'aria-describedby';

export interface MarkCardOptions {
  doc: Document;
  /** Whether a mark kind is switched on in the reader's settings (off: no card on hover). */
  isKindEnabled?: (kind: string) => boolean;
  showDelayMs?: number;
  hideGraceMs?: number;
  /** Article pages: opens the summary panel at a part of its pathway view (the card's button). */
  onShowPathway?: (focus: PathwayFocus) => void;
  /**
   * Whether `mark` is one the term marker of this script made. Passed in by the always-on script,
   * which made the marks: this card may live in the script loaded on demand (entrypoints/pubmed-ui.ts),
   * whose copy of the term marker knows no marks. Default: this bundle's own marker.
   */
  isOurMark?: (mark: HTMLElement) => boolean;
  /** The mark hovered or focused before the cards started (it loaded them): opened as if just now. */
  initial?: MarkHoverOptions['initial'];
}

interface Host {
  host: HTMLElement;
  container: HTMLElement;
}

/** What Tab stops at in the card: its links, buttons and summaries, unless inside a closed <details>. */
const CARD_CONTROLS = 'a[href], button:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Starts the mark cards on `doc` and returns the function that stops them (listeners removed,
 * card hidden, host gone, every attribute given back).
 */
export function watchMarkCards({
  doc,
  isKindEnabled,
  onShowPathway,
  isOurMark = (mark) => getSegment(mark) !== undefined,
  ...timing
}: MarkCardOptions): () => void {
  for (const stale of doc.querySelectorAll(MARK_CARD_HOST)) stale.remove();
  let made: Host | null = null;
  let focusedInCard: Element | null = null;
  /** The mark that carries our aria-describedby, and what it had before (normally nothing). */
  let described: { mark: HTMLElement; previous: string | null } | null = null;
  let frame = 0;

  const makeHost = (): Host => {
    const host = doc.createElement(MARK_CARD_HOST);
    host.id = MARK_CARD_ID;
    host.setAttribute('role', 'tooltip');
    host.setAttribute(UI_ATTR, '');
    // Inline, so page CSS cannot move or hide it; fixed, placed next to the mark on every show.
    host.style.cssText = 'position:fixed;z-index:2147483646;top:0;left:0;margin:0;display:block;';
    // Closed, like the panel's: the page sees the host, never what is inside (see README, privacy).
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = cardCss;
    const container = doc.createElement('div');
    shadow.append(style, container);
    // The control focused in the card, as its own focus events say (for Tab between mark and card).
    shadow.addEventListener('focusin', (event) => (focusedInCard = event.target as Element));
    shadow.addEventListener('focusout', () => (focusedInCard = null));
    return { host, container };
  };
  // The host for events retargeted to it, the card's root for a node inside (a focus event's
  // relatedTarget is not retargeted everywhere).
  const isInCard = (node: EventTarget | null) =>
    made !== null &&
    node !== null &&
    (made.host.contains(node as Node) || made.container.getRootNode().contains(node as Node));

  const place = (mark: HTMLElement) => {
    if (!made) return;
    const view = doc.defaultView;
    // The first line box: a mark wrapped over two lines gets the card by its start.
    const anchor = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const size = made.host.getBoundingClientRect();
    const { top, left, side } = placeCard(
      anchor,
      { width: size.width, height: size.height },
      {
        width: view?.innerWidth ?? doc.documentElement.clientWidth,
        height: view?.innerHeight ?? doc.documentElement.clientHeight,
      },
    );
    made.host.style.top = `${Math.round(top)}px`;
    made.host.style.left = `${Math.round(left)}px`;
    made.host.setAttribute('data-side', side);
  };
  const follow = () => {
    const mark = hover.current();
    if (!mark || frame) return;
    frame = requestFrame(doc, () => {
      frame = 0;
      if (mark.isConnected) place(mark);
      else hover.close();
    });
  };

  const restoreDescribed = () => {
    if (!described) return;
    const { mark, previous } = described;
    if (previous === null) mark.removeAttribute(DESCRIBED_BY);
    else mark.setAttribute(DESCRIBED_BY, previous);
    described = null;
  };

  const show = (mark: HTMLElement): boolean => {
    // Only marks this script's term marker made: a page cannot dress up its own element as one
    // and have our card speak for it.
    if (!isOurMark(mark)) return false;
    const card = markCardFor(
      mark.getAttribute(KIND_ATTR) ?? '',
      mark.getAttribute(TERM_ATTR) ?? '',
      mark.getAttribute(LABEL_ATTR) ?? undefined,
    );
    if (!card || !mark.isConnected) return false;
    made ??= makeHost();
    const showPathway = onShowPathway
      ? (focus: PathwayFocus) => {
          hover.close();
          onShowPathway(focus);
        }
      : undefined;
    render(
      <MarkCard card={card} {...(showPathway ? { onShowPathway: showPathway } : {})} />,
      made.container,
    );
    if (!made.host.isConnected) doc.body.append(made.host);
    place(mark);
    restoreDescribed();
    described = { mark, previous: mark.getAttribute(DESCRIBED_BY) };
    mark.setAttribute(DESCRIBED_BY, MARK_CARD_ID);
    doc.defaultView?.addEventListener('scroll', follow, { capture: true, passive: true });
    doc.defaultView?.addEventListener('resize', follow, { passive: true });
    return true;
  };
  const hide = () => {
    restoreDescribed();
    doc.defaultView?.removeEventListener('scroll', follow, { capture: true });
    doc.defaultView?.removeEventListener('resize', follow);
    if (!made) return;
    render(null, made.container);
    made.host.remove();
  };

  const hover: MarkHover = watchMarkHover({
    doc,
    isInCard,
    show,
    hide,
    ...(isKindEnabled
      ? { canHover: (mark: HTMLElement) => isKindEnabled(mark.getAttribute(KIND_ATTR) ?? '') }
      : {}),
    cardControls: () =>
      made?.host.isConnected
        ? [...made.container.querySelectorAll<HTMLElement>(CARD_CONTROLS)].filter(
            // checkVisibility: not rendered inside a closed <details> (absent in some test DOMs).
            (el) => el.checkVisibility?.() ?? true,
          )
        : [],
    cardFocus: () => focusedInCard,
    ...timing,
  });
  return () => {
    hover.stop();
    made = null;
  };
}

/** requestAnimationFrame where there is one (not in every test DOM), else a timer. */
function requestFrame(doc: Document, run: () => void): number {
  const view = doc.defaultView;
  if (view && typeof view.requestAnimationFrame === 'function') {
    return view.requestAnimationFrame(run);
  }
  return setTimeout(run, 16) as unknown as number;
}
