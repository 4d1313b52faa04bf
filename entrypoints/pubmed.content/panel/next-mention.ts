/**
 * "Next mention" for the summary panel: walks through the page's term marks of one drug
 * (`<jl-mark data-jl-term="drug:…">`), scrolling to, focusing and
 * flashing each in turn. Only touches our own marks.
 */

import { FLASH_ATTR, TERM_ATTR, TERM_MARK_TAG as MARK } from '@/utils/page/markup';

export { FLASH_ATTR };

/** Where a step landed: the mark and its 1-based position among the drug's marks. */
export interface MentionStep {
  element: HTMLElement;
  position: number;
  total: number;
}

export interface MentionCycler {
  /** Moves to the drug's next mark (wrapping round); null when it has none on the page. */
  next: (termId: string) => MentionStep | null;
  /** Clears a pending flash; call on invalidation. */
  stop: () => void;
}

export interface CyclerOptions {
  flashMs?: number;
  /** Defaults to the document window's prefers-reduced-motion media query. */
  prefersReducedMotion?: () => boolean;
}

/** Marks of one term, in document order. Compared by attribute, so no selector escaping. */
export function marksFor(doc: Document, termId: string): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(`${MARK}[${TERM_ATTR}]`)].filter(
    (el) => el.getAttribute(TERM_ATTR) === termId,
  );
}

/** Creates a cycler over `doc`'s term marks; remembers the position per term. */
export function createMentionCycler(doc: Document, options: CyclerOptions = {}): MentionCycler {
  const flashMs = options.flashMs ?? 1000;
  const reduced =
    options.prefersReducedMotion ??
    (() => doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
  const positions = new Map<string, number>();
  let flashed: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clearFlash = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    flashed?.removeAttribute(FLASH_ATTR);
    flashed = null;
  };

  const next = (termId: string): MentionStep | null => {
    const marks = marksFor(doc, termId);
    if (marks.length === 0) return null;
    // Marks can be re-applied between clicks; modulo keeps the index valid.
    const index = ((positions.get(termId) ?? -1) + 1) % marks.length;
    positions.set(termId, index);
    const element = marks[index];
    if (!element) return null;

    element.scrollIntoView({ block: 'center', behavior: reduced() ? 'auto' : 'smooth' });
    // A custom element is not focusable by default; -1 keeps it out of the Tab order.
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.focus({ preventScroll: true });

    clearFlash();
    element.setAttribute(FLASH_ATTR, '');
    flashed = element;
    timer = setTimeout(clearFlash, flashMs);
    return { element, position: index + 1, total: marks.length };
  };

  return { next, stop: clearFlash };
}
