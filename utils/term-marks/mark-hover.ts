/**
 * When the mark card opens and closes, by event delegation: one set of listeners on the document,
 * whatever the number of marks. Hover opens it after a short delay, keyboard focus at once; it
 * closes when the pointer leaves (after a grace period, so the pointer can reach the card's links),
 * when focus leaves, and on Escape. Knows nothing about what the card shows: `show` and `hide` do.
 * Keyboard: the card's links and buttons follow their mark in the Tab order (Tab from the mark enters
 * the card, Shift+Tab from its first control goes back to the mark, Tab from its last one goes to the
 * page's next stop after the mark); Escape closes it with focus on the mark, and Tab then skips the card.
 */
import { TERM_MARK_TAG } from './style';
import { nextTabStopAfter } from './tab-order';

export type OpenedBy = 'hover' | 'focus';

export interface MarkHoverOptions {
  doc: Document;
  /** True for any node inside the card (events from a shadow root arrive as its host). */
  isInCard: (node: EventTarget | null) => boolean;
  /** Shows the card for `mark`; false when there is nothing to show (then nothing is open). */
  show: (mark: HTMLElement, by: OpenedBy) => boolean;
  hide: () => void;
  /** Marks the pointer may open a card for (e.g. not a kind the reader switched off). */
  canHover?: (mark: HTMLElement) => boolean;
  /**
   * The open card's controls a person can Tab to, in order, and the one focused in it (the card's root
   * is closed, so only its owner can say). With them, Tab from a focused mark enters its card.
   */
  cardControls?: () => HTMLElement[];
  cardFocus?: () => Element | null;
  showDelayMs?: number;
  hideGraceMs?: number;
  /**
   * A mark hovered or focused just before the watch started (the event that made the caller start
   * it): handled as that event would have been, if the pointer is still on the mark or the focus
   * still in it. `at` is the event's time (performance.now()): the hover delay counts from there.
   */
  initial?: { mark: HTMLElement; by: OpenedBy; at: number };
}

export interface MarkHover {
  /** The mark whose card is open, if any. */
  current: () => HTMLElement | null;
  /** Closes the card now. */
  close: () => void;
  /** Removes the listeners and closes the card. */
  stop: () => void;
}

export const SHOW_DELAY_MS = 150;
export const HIDE_GRACE_MS = 300;

/** The term mark `node` is in (itself, or an ancestor such as around a reader's note mark). */
export function closestMark(node: EventTarget | null): HTMLElement | null {
  // Duck-typed rather than `instanceof`: content-script worlds and test DOMs have their own globals.
  const n = node as Partial<Node> | null;
  const el = n?.nodeType === ELEMENT_NODE ? (n as Element) : (n?.parentElement ?? null);
  return typeof el?.closest === 'function' ? el.closest<HTMLElement>(TERM_MARK_TAG) : null;
}

const ELEMENT_NODE = 1;

/** Starts watching `doc`; costs its listeners and nothing else until the first event on a mark. */
export function watchMarkHover(options: MarkHoverOptions): MarkHover {
  const { doc, isInCard } = options;
  const showDelay = options.showDelayMs ?? SHOW_DELAY_MS;
  const hideGrace = options.hideGraceMs ?? HIDE_GRACE_MS;
  let open: { mark: HTMLElement; by: OpenedBy } | null = null;
  /** The mark whose card Escape closed: the pointer resting on it does not reopen it. */
  let dismissed: HTMLElement | null = null;
  /** A mouse button is down: a click focuses a mark too, but only hovering opens its card then. */
  let pressing = false;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const cancelShow = () => {
    clearTimeout(showTimer);
    showTimer = undefined;
  };
  const cancelHide = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };
  const close = () => {
    cancelShow();
    cancelHide();
    if (!open) return;
    open = null;
    options.hide();
  };
  const openFor = (mark: HTMLElement, by: OpenedBy) => {
    cancelShow();
    cancelHide();
    if (open?.mark === mark && open.by === by) return;
    if (options.show(mark, by)) open = { mark, by };
    else close();
  };
  /** Focus on the open mark (or in the card) keeps a card the keyboard opened. */
  const focusHolds = () =>
    open !== null && (doc.activeElement === open.mark || isInCard(doc.activeElement));

  const onOver = (event: MouseEvent) => {
    if (isInCard(event.target)) return cancelHide();
    const mark = closestMark(event.target);
    if (!mark) return;
    cancelHide();
    // A pressed button means a selection is being dragged: no cards on the way.
    if (event.buttons !== 0 || mark === open?.mark || mark === dismissed) return;
    if (options.canHover && !options.canHover(mark)) return;
    cancelShow();
    showTimer = setTimeout(() => openFor(mark, 'hover'), showDelay);
  };
  const onOut = (event: MouseEvent) => {
    const fromCard = isInCard(event.target);
    const fromMark = fromCard ? null : closestMark(event.target);
    if (!fromCard && !fromMark) return;
    const to = event.relatedTarget;
    if (isInCard(to) || (fromMark && fromMark.contains(to as Node | null))) return;
    if (fromMark) {
      if (fromMark === dismissed) dismissed = null;
      cancelShow();
    }
    if (!open || (open.by === 'focus' && focusHolds())) return;
    cancelHide();
    hideTimer = setTimeout(close, hideGrace);
  };
  const onFocusIn = (event: FocusEvent) => {
    if (isInCard(event.target)) return cancelHide();
    const mark = closestMark(event.target);
    // Pressing on a mark to start a selection focuses it: no card jumps up under the drag.
    if (!mark || pressing) return;
    dismissed = null;
    openFor(mark, 'focus');
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!open || open.by !== 'focus') return;
    const to = event.relatedTarget;
    if (isInCard(to) || to === open.mark) return;
    const from = event.target;
    if (from === open.mark || isInCard(from)) close();
  };
  /**
   * Tab between a mark and its card: the card's host sits at the end of the body, far from the mark in
   * the page's order, so without this its controls could not be reached by keyboard at all.
   */
  const onTab = (event: KeyboardEvent) => {
    if (!open || event.altKey || event.ctrlKey || event.metaKey) return;
    const controls = options.cardControls?.() ?? [];
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    const { mark } = open;
    if (doc.activeElement === mark) {
      if (event.shiftKey) return;
      event.preventDefault();
      first.focus();
      return;
    }
    if (!isInCard(doc.activeElement)) return;
    const inCard = options.cardFocus?.() ?? null;
    if (event.shiftKey && inCard === first) {
      event.preventDefault();
      mark.focus();
    } else if (!event.shiftKey && inCard === last) {
      // On to what follows the mark in the page (the card closes as focus leaves it). With nothing
      // after it, the browser's own Tab goes on from the card (no trap between mark and card).
      const next = nextTabStopAfter(doc, mark);
      if (!next) return;
      event.preventDefault();
      next.focus();
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Tab') return onTab(event);
    if (event.key !== 'Escape' || !open) return;
    const { mark } = open;
    // Focus stays on (or goes back to) the mark, never lost to the page's top; moved before closing,
    // so the focus events it fires find the card still open.
    if (isInCard(doc.activeElement)) mark.focus({ preventScroll: true });
    dismissed = mark;
    close();
  };

  const onDown = () => {
    pressing = true;
  };
  const onUp = () => {
    pressing = false;
  };

  const { initial } = options;
  if (initial?.by === 'focus' && initial.mark.contains(doc.activeElement)) {
    openFor(initial.mark, 'focus');
  } else if (initial?.by === 'hover' && initial.mark.matches(':hover')) {
    if (!options.canHover || options.canHover(initial.mark)) {
      const waited = performance.now() - initial.at;
      showTimer = setTimeout(() => openFor(initial.mark, 'hover'), Math.max(0, showDelay - waited));
    }
  }

  doc.addEventListener('mousedown', onDown, true);
  doc.addEventListener('mouseup', onUp, true);
  doc.addEventListener('mouseover', onOver);
  doc.addEventListener('mouseout', onOut);
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', onFocusOut);
  doc.addEventListener('keydown', onKey);
  return {
    current: () => open?.mark ?? null,
    close,
    stop: () => {
      doc.removeEventListener('mousedown', onDown, true);
      doc.removeEventListener('mouseup', onUp, true);
      doc.removeEventListener('mouseover', onOver);
      doc.removeEventListener('mouseout', onOut);
      doc.removeEventListener('focusin', onFocusIn);
      doc.removeEventListener('focusout', onFocusOut);
      doc.removeEventListener('keydown', onKey);
      close();
    },
  };
}
