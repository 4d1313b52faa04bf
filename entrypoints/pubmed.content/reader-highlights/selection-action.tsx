import { render } from 'preact';
import { SELECTION_ACTION_CSS, SelectionAction } from '@/components/overlays/SelectionAction';
import {
  describeInRoots,
  locateSelection,
  type RootSpan,
} from '@/utils/reader-highlights/root-anchors';
import type {
  PendingHighlightJournal,
  PendingPassage,
} from '@/utils/storage/journals/comment-journal';
import type { HighlightColor } from '@/utils/storage/picklists';
import type { ReaderHighlights } from './page-highlights';
import { SELECTION_ACTION_HOST, UI_ATTR } from '@/utils/page/markup';

/** Tag of the floating bar's shadow host (carries `data-jl-ui`, so it is never marked). */
export { SELECTION_ACTION_HOST };

/** Selection changes settle for this long before the bar moves (dragging fires dozens). */
const SETTLE_MS = 200;

export interface SelectionActionOptions {
  doc: Document;
  roots: readonly Element[];
  highlights: Pick<ReaderHighlights, 'createAt'>;
  /** Where the comment typed in the bar is journaled on every input (none: kept in the bar only). */
  journal?: PendingHighlightJournal;
}

/**
 * Shows the floating "Highlight" bar next to any selection of article text, and hides it otherwise.
 * The place is captured when the bar appears (as text offsets, not a live Range), so focusing the
 * comment box, which moves the page's selection, cannot change what gets highlighted. Returns the
 * function that removes the bar and its listeners.
 */
export function watchSelection({
  doc,
  roots,
  highlights,
  journal,
}: SelectionActionOptions): () => void {
  for (const stale of doc.querySelectorAll(SELECTION_ACTION_HOST)) stale.remove();
  const host = doc.createElement(SELECTION_ACTION_HOST);
  host.setAttribute(UI_ATTR, '');
  // Closed: the comment typed here and the buttons that create a highlight are not the page's to reach.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = SELECTION_ACTION_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);

  let at: RootSpan | null = null;
  /** The passage's selectors, described when the comment box opens, for the journal. */
  let passage: PendingPassage | null = null;
  let commenting = false;
  let busy = false;
  let errorMessage: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const hide = () => {
    at = null;
    passage = null;
    commenting = false;
    errorMessage = undefined;
    render(null, container);
    host.remove();
  };
  const draw = () => {
    render(
      <SelectionAction
        commenting={commenting}
        busy={busy}
        {...(errorMessage ? { errorMessage } : {})}
        onHighlight={(color, comment) => void create(color, comment)}
        onStartComment={() => {
          commenting = true;
          draw();
          const place = at;
          if (place && journal) {
            // Described before the first key (a few ms); a passage too long to store is said on "Highlight".
            describeInRoots(roots, place).then(
              (described) => {
                if (at === place) passage = described;
              },
              () => undefined,
            );
          }
        }}
        onCommentInput={(text) => {
          if (passage) journal?.write(passage, text);
        }}
        onCancel={() => {
          // Cancelling is the reader discarding the comment; closing the tab is not.
          if (commenting) journal?.clear();
          hide();
        }}
      />,
      container,
    );
  };
  const create = async (color: HighlightColor, comment?: string) => {
    if (!at || busy) return;
    busy = true;
    draw();
    try {
      await highlights.createAt(at, color, comment);
      if (commenting) journal?.clear();
      doc.getSelection()?.removeAllRanges();
      busy = false;
      hide();
    } catch (error) {
      busy = false;
      errorMessage = error instanceof Error ? error.message : String(error);
      draw();
    }
  };

  const update = () => {
    if (commenting || busy) return;
    const selection = doc.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const located = range && !range.collapsed ? locateSelection(roots, range) : null;
    if (!range || !located) return hide();
    at = located;
    errorMessage = undefined;
    place(host, range, doc);
    if (!host.isConnected) doc.body.append(host);
    draw();
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(update, SETTLE_MS);
  };
  const onPointerOrKey = (event: Event) => {
    // Our own bar's events (retargeted to the host) are not a new selection.
    if (event.composedPath().includes(host)) return;
    soon();
  };
  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !host.isConnected) return;
    // The reader's own Escape discards a comment being typed; a page script's leaves it journaled.
    if (commenting && event.isTrusted) journal?.clear();
    hide();
  };
  // Keep the page's selection when the bar is pressed (a click would otherwise collapse it), except
  // in the comment box, which needs the focus.
  // Listened for on the shadow root itself: from the host, a closed root hides the real target.
  const keepSelection = (event: Event) => {
    const target = event.composedPath()[0] as Element | undefined;
    if (target?.tagName !== 'TEXTAREA') event.preventDefault();
  };
  // PubMed's own shortcuts must not see keys typed into the comment box.
  const isolate = (event: Event) => event.stopPropagation();

  shadow.addEventListener('mousedown', keepSelection);
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, isolate);
  doc.addEventListener('mouseup', onPointerOrKey);
  doc.addEventListener('keyup', onPointerOrKey);
  doc.addEventListener('selectionchange', soon);
  doc.addEventListener('keydown', onEscape);
  // Loaded on the reader's first selection of article text (./selection-first-use.ts, in the always-on script): that selection
  // gets its bar too.
  soon();
  return () => {
    clearTimeout(timer);
    doc.removeEventListener('mouseup', onPointerOrKey);
    doc.removeEventListener('keyup', onPointerOrKey);
    doc.removeEventListener('selectionchange', soon);
    doc.removeEventListener('keydown', onEscape);
    hide();
  };
}

/** Puts the bar just below the selection's end, kept inside the viewport horizontally. */
function place(host: HTMLElement, range: Range, doc: Document): void {
  const view = doc.defaultView;
  const rects = typeof range.getClientRects === 'function' ? [...range.getClientRects()] : [];
  const last = rects[rects.length - 1];
  if (!view || !last) return;
  const left = Math.max(4, Math.min(last.left, view.innerWidth - 270));
  host.style.top = `${last.bottom + view.scrollY + 6}px`;
  host.style.left = `${left + view.scrollX}px`;
}
