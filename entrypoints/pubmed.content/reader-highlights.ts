import type { ContentScriptContext } from '#imports';
import type { Highlight } from '@/utils/storage/entities';
import {
  anchorInRoots,
  describeInRoots,
  locateSelection,
  type RootSpan,
} from '@/utils/reader-highlights/root-anchors';
import type { MessageClient } from '@/utils/messaging/client';
import {
  installReaderHighlightStyle,
  READER_HIGHLIGHT_ID_ATTR,
  READER_HIGHLIGHT_TAG,
} from '@/utils/reader-highlights/style';
import type { HighlightColor } from '@/utils/storage/picklists';
import { rangeFromSpan, wrapRange, type WrappedRange } from '@/utils/reader-highlights/wrap-range';
import { watchSelection } from './selection-action';
import { COLOR_ATTR } from '@/utils/page/markup';

/** One of the reader's highlights as this page sees it: drawn at `at`, or orphaned (not found). */
export type PageHighlight =
  | { highlight: Highlight; state: 'anchored'; at: RootSpan }
  | { highlight: Highlight; state: 'orphaned' };

export interface ReaderHighlights {
  /** Anchored highlights in document order, then the orphans (oldest first). */
  readonly highlights: readonly PageHighlight[];
  /** Calls `listener` with the list after every change; returns the unsubscribe. */
  subscribe(listener: (highlights: readonly PageHighlight[]) => void): () => void;
  /** Highlights the current selection; null when it holds no article text. */
  createFromSelection(color?: HighlightColor, comment?: string): Promise<Highlight | null>;
  /** Highlights a place found earlier with `locateSelection` (the floating action keeps one). */
  createAt(at: RootSpan, color?: HighlightColor, comment?: string): Promise<Highlight>;
  remove(id: string): Promise<void>;
  /** '' removes the comment. */
  setComment(id: string, text: string): Promise<void>;
  /**
   * Stores a comment as it is being typed (untrimmed), from the input event itself: the message leaves
   * this live frame before the handler returns, so closing the tab or a renderer crash right after a
   * key does not lose it. Replies are not awaited; the list takes the text at once. A failure is told
   * to `onError` (the change on leaving the box retries and shows it).
   */
  draftComment(id: string, text: string, onError?: (error: unknown) => void): void;
  setColor(id: string, color: HighlightColor): Promise<void>;
  /** Scrolls an anchored highlight into view; false for an orphan or unknown id. */
  reveal(id: string): boolean;
  /** Takes the marks off the page, keeping the list, so the term marks under them can be redone. */
  suspend(): void;
  /** Draws the marks again after `suspend` (their offsets in the text have not changed). */
  resume(): void;
  /** Removes every mark and the stylesheet. Must run before the term highlights are undone. */
  destroy(): void;
}

export interface ReaderHighlightOptions {
  articleKey: string;
  /** The roots the term highlighter uses (utils/page/roots.ts), in the same order on every visit. */
  roots: readonly Element[];
  request: MessageClient;
}

/**
 * The reader's own highlights on an article page: loads the stored ones, re-anchors each exactly
 * (an unmatched one stays in the list as an orphan, never dropped or moved), draws them as
 * `<jl-highlight>`, and creates, edits and deletes them through the background. Call it after term
 * highlighting: drawing wraps the text nodes the term marks left, so each kind nests in the other.
 */
export async function initReaderHighlights(
  ctx: Pick<ContentScriptContext, 'isInvalid'>,
  { articleKey, roots, request }: ReaderHighlightOptions,
): Promise<ReaderHighlights> {
  const doc = roots[0]?.ownerDocument ?? document;
  const listeners = new Set<(list: readonly PageHighlight[]) => void>();
  let list: PageHighlight[] = [];
  let wraps: WrappedRange[] = [];
  let destroyed = false;
  let suspended = false;

  const anchor = async (highlight: Highlight): Promise<PageHighlight> => {
    const at = await anchorInRoots(roots, highlight);
    return at ? { highlight, state: 'anchored', at } : { highlight, state: 'orphaned' };
  };

  // Remove all, then apply: overlapping highlights nest, and only a full redraw in reverse order
  // restores the page's text nodes exactly. Offsets stay valid because marks never change text.
  const draw = () => {
    for (let i = wraps.length - 1; i >= 0; i--) wraps[i]!.undo();
    wraps = [];
    if (destroyed || suspended) return;
    for (const item of list) {
      if (item.state !== 'anchored') continue;
      const root = roots[item.at.root];
      const range = root && rangeFromSpan(root, item.at);
      if (range) wraps.push(wrapRange(range, () => makeMark(doc, item.highlight)));
    }
  };

  const commit = (next: PageHighlight[]) => {
    list = sortForPage(next);
    draw();
    for (const listener of listeners) listener(list);
  };

  const replace = (updated: Highlight) =>
    commit(
      list.map((item) =>
        item.highlight.id === updated.id ? { ...item, highlight: updated } : item,
      ),
    );

  const createAt = async (at: RootSpan, color: HighlightColor = 'yellow', comment?: string) => {
    const { textQuote, textPosition } = await describeInRoots(roots, at);
    const highlight = await request({
      type: 'highlight/add',
      articleKey,
      ...textQuote,
      ...textPosition,
      color,
      ...(comment?.trim() ? { comment: comment.trim() } : {}),
    });
    commit([...list, { highlight, state: 'anchored', at }]);
    return highlight;
  };

  const stored = await request({ type: 'highlight/list', articleKey });
  const removeStyle = installReaderHighlightStyle(doc);
  const anchored: PageHighlight[] = [];
  for (const highlight of stored) anchored.push(await anchor(highlight));
  if (!ctx.isInvalid) commit(anchored);

  return {
    get highlights() {
      return list;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async createFromSelection(color, comment) {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      const at = locateSelection(roots, selection.getRangeAt(0));
      if (!at) return null;
      const highlight = await createAt(at, color, comment);
      selection.removeAllRanges();
      return highlight;
    },
    createAt,
    async remove(id) {
      await request({ type: 'highlight/delete', id });
      commit(list.filter((item) => item.highlight.id !== id));
    },
    async setComment(id, text) {
      replace(await request({ type: 'highlight/update', id, comment: text.trim() }));
    },
    draftComment(id, text, onError) {
      const found = list.find((item) => item.highlight.id === id);
      if (!found) return;
      const { comment: _old, ...rest } = found.highlight;
      // The list must hold what the box shows, or its next render would put the old comment back.
      // A comment is not drawn on the page, so the marks are left as they are (no redraw per key).
      const highlight = { ...rest, ...(text ? { comment: text } : {}) };
      list = list.map((item) => (item === found ? { ...item, highlight } : item));
      for (const listener of listeners) listener(list);
      request({ type: 'highlight/update', id, comment: text }).catch((error: unknown) =>
        onError?.(error),
      );
    },
    async setColor(id, color) {
      replace(await request({ type: 'highlight/update', id, color }));
    },
    reveal(id) {
      const mark = [...doc.querySelectorAll(READER_HIGHLIGHT_TAG)].find(
        (el) => el.getAttribute(READER_HIGHLIGHT_ID_ATTR) === id,
      );
      mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return mark !== undefined;
    },
    suspend() {
      suspended = true;
      draw();
    },
    resume() {
      suspended = false;
      draw();
    },
    destroy() {
      destroyed = true;
      draw();
      removeStyle();
      listeners.clear();
    },
  };
}

/** Anchored first in reading order (root, then offset), then orphans oldest first. */
function sortForPage(items: PageHighlight[]): PageHighlight[] {
  const key = (item: PageHighlight) =>
    item.state === 'anchored' ? [0, item.at.root, item.at.start] : [1, item.highlight.createdAt, 0];
  return [...items].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
  });
}

function makeMark(doc: Document, highlight: Highlight): HTMLElement {
  const mark = doc.createElement(READER_HIGHLIGHT_TAG);
  mark.setAttribute(READER_HIGHLIGHT_ID_ATTR, highlight.id);
  mark.setAttribute(COLOR_ATTR, highlight.color);
  // The comment is the reader's own text: it stays out of the page's DOM (no title tooltip), where
  // PubMed's scripts could read it. It is shown in the panel's highlight list.
  return mark;
}

/**
 * Starts the reader's highlights on an article page and the floating "Highlight" bar: the glue
 * article-page.tsx calls once term highlighting is done. Returns undefined (and logs) when the page
 * has no article text or the stored highlights cannot be loaded; the rest of the page goes on.
 * The caller destroys the controller on invalidation, before the term marks are undone.
 */
export async function startReaderHighlights(
  ctx: Pick<ContentScriptContext, 'isInvalid' | 'onInvalidated'>,
  options: ReaderHighlightOptions,
): Promise<ReaderHighlights | undefined> {
  if (options.roots.length === 0) return undefined;
  try {
    const controller = await initReaderHighlights(ctx, options);
    const doc = options.roots[0]!.ownerDocument;
    ctx.onInvalidated(watchSelection({ doc, roots: options.roots, highlights: controller }));
    return controller;
  } catch (error) {
    if (!ctx.isInvalid) console.warn('[JAK Lens] your highlights could not be shown', error);
    return undefined;
  }
}
