import { closestMark, type MarkHoverOptions } from '@/utils/term-marks/mark-hover';
import { KIND_ATTR } from '@/utils/page/markup';
import { getSegment } from '@/utils/term-marks/wrap';

type Initial = NonNullable<MarkHoverOptions['initial']>;

/**
 * Calls `onFirstUse` once, on the first hover (no button pressed, kind switched on) or keyboard
 * focus of one of this script's term marks, with that mark; the mark card's code is loaded then
 * (ui-loader.ts) and opens the card as that event would have. Returns the function that stops
 * listening. Document listeners, nothing else, until then.
 */
export function whenMarkFirstUsed(
  doc: Document,
  isKindEnabled: (kind: string) => boolean,
  onFirstUse: (initial: Initial) => void,
): () => void {
  /** A mouse button is down: a press on a mark focuses it, but only hovering opens its card then. */
  let pressing = false;
  const onDown = () => {
    pressing = true;
  };
  const onUp = () => {
    pressing = false;
  };
  const stop = () => {
    doc.removeEventListener('mouseover', onOver);
    doc.removeEventListener('focusin', onFocus);
    doc.removeEventListener('mousedown', onDown, true);
    doc.removeEventListener('mouseup', onUp, true);
  };
  const use = (event: Event, by: Initial['by']) => {
    const mark = closestMark(event.target);
    if (!mark || !getSegment(mark)) return;
    if (by === 'focus' && pressing) return;
    if (by === 'hover') {
      if ((event as MouseEvent).buttons !== 0) return;
      if (!isKindEnabled(mark.getAttribute(KIND_ATTR) ?? '')) return;
    }
    stop();
    onFirstUse({ mark, by, at: performance.now() });
  };
  const onOver = (event: MouseEvent) => use(event, 'hover');
  const onFocus = (event: FocusEvent) => use(event, 'focus');
  doc.addEventListener('mousedown', onDown, true);
  doc.addEventListener('mouseup', onUp, true);
  doc.addEventListener('mouseover', onOver);
  doc.addEventListener('focusin', onFocus);
  return stop;
}
