import type { ContentScriptContext } from '#imports';
import type { Highlight } from '@/utils/storage/entities';
import {
  anchorInRoots,
  describeInRoots,
  locateSelection,
  type RootSpan,
} from '@/utils/reader-highlights/root-anchors';
import type { MessageClient } from '@/utils/messaging/client';
import type { HighlightColor } from '@/utils/storage/picklists';
import { rangeFromSpan } from '@/utils/reader-highlights/text-spans';
import { createHighlightOverlay, type OverlayHighlight } from '@/utils/reader-highlights/overlay';
import type { PendingHighlightJournal } from '@/utils/storage/journals/comment-journal';
import { sortForPage, type PageHighlight, type ReaderHighlights } from './page-highlights';

export interface ReaderHighlightOptions {
  articleKey: string;
  /** The roots the term highlighter uses (utils/page/roots.ts), in the same order on every visit. */
  roots: readonly Element[];
  request: MessageClient;
  /**
   * The selection bar's comment journal for this article: an entry a closed tab left is made into its
   * highlight, with the comment, when the highlights load.
   */
  pending?: PendingHighlightJournal;
  /** The stored highlights, when the caller already has them (the always-on script asked first). */
  stored?: readonly Highlight[];
}

/** A change of the roots' DOM settles for this long before the highlights are anchored again. */
const REANCHOR_MS = 100;

/**
 * The reader's own highlights on an article page: loads the stored ones, re-anchors each exactly
 * (an unmatched one stays in the list as an orphan, never dropped or moved), draws them in an
 * overlay outside the page's DOM (utils/reader-highlights/overlay.ts: the page cannot tell which
 * passages are highlighted), and creates, edits and deletes them through the background. When the
 * page changes the roots' text, the highlights are anchored again (one may become an orphan, or come
 * back); when only the elements change (the term marks redone, say), the same spans are drawn anew.
 */
export async function initReaderHighlights(
  ctx: Pick<ContentScriptContext, 'isInvalid'>,
  { articleKey, roots, request, pending, stored: given }: ReaderHighlightOptions,
): Promise<ReaderHighlights> {
  const doc = roots[0]?.ownerDocument ?? document;
  const listeners = new Set<(list: readonly PageHighlight[]) => void>();
  let list: PageHighlight[] = [];
  let destroyed = false;
  let suspended = false;

  const anchor = async (highlight: Highlight): Promise<PageHighlight> => {
    const at = await anchorInRoots(roots, highlight);
    return at ? { highlight, state: 'anchored', at } : { highlight, state: 'orphaned' };
  };

  const overlay = createHighlightOverlay(doc, roots);
  const draw = () => {
    if (destroyed) return;
    const items: OverlayHighlight[] = [];
    if (!suspended) {
      for (const item of list) {
        if (item.state !== 'anchored') continue;
        const root = roots[item.at.root];
        const range = root && rangeFromSpan(root, item.at);
        if (range) items.push({ id: item.highlight.id, color: item.highlight.color, range });
      }
    }
    overlay.draw(items);
  };

  // The page's own changes to the article text: anchor again when the text changed, else redraw
  // (live Ranges do not survive their text nodes being split or replaced).
  const textOf = () => roots.map((root) => root.textContent ?? '').join('\u0000');
  let anchoredText = textOf();
  let settle: ReturnType<typeof setTimeout> | undefined;
  let reanchoring = Promise.resolve();
  const reanchor = () => {
    reanchoring = reanchoring.then(async () => {
      if (destroyed || suspended || ctx.isInvalid) return;
      const text = textOf();
      if (text === anchoredText) return draw();
      const found = new Map<string, PageHighlight>();
      for (const item of list) found.set(item.highlight.id, await anchor(item.highlight));
      if (destroyed || textOf() !== text) return;
      anchoredText = text;
      // Highlights created or edited meanwhile keep their newest record.
      commit(
        list.map((item) => {
          const again = found.get(item.highlight.id);
          return again ? { ...again, highlight: item.highlight } : item;
        }),
      );
    });
  };
  const changes = new MutationObserver(() => {
    clearTimeout(settle);
    settle = setTimeout(reanchor, REANCHOR_MS);
  });
  for (const root of roots)
    changes.observe(root, { subtree: true, childList: true, characterData: true });

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

  /**
   * A comment typed in the selection bar of a tab closed before "Highlight" was pressed: the reader
   * wrote it about that passage, so the highlight is made with it (an orphan if the passage is gone,
   * listed with its comment). The entry stays when that fails, for the next visit.
   */
  const recoverPending = async (journal: PendingHighlightJournal) => {
    try {
      const entry = await journal.read();
      if (!entry) return;
      if (entry.comment.trim()) {
        const { exact, prefix, suffix, start, end, comment } = entry;
        const highlight = await request({
          type: 'highlight/add',
          articleKey,
          exact,
          prefix,
          suffix,
          start,
          end,
          color: 'yellow',
          comment: comment.trim(),
        });
        commit([...list, await anchor(highlight)]);
      }
      journal.clear();
    } catch (error) {
      console.warn('[JAK Lens] a comment left in the highlight bar could not be kept yet', error);
    }
  };

  const stored =
    given ??
    (await request({ type: 'highlight/list', articleKey }).catch((error: unknown) => {
      overlay.destroy();
      changes.disconnect();
      throw error;
    }));
  const anchored: PageHighlight[] = [];
  for (const highlight of stored) anchored.push(await anchor(highlight));
  anchoredText = textOf();
  if (!ctx.isInvalid) commit(anchored);
  if (pending && !ctx.isInvalid) await recoverPending(pending);

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
      // A comment is not drawn on the page, so the overlay is left as it is (no redraw per key).
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
      const found = list.find((item) => item.highlight.id === id);
      if (found?.state !== 'anchored') return false;
      const root = roots[found.at.root];
      const range = root && rangeFromSpan(root, found.at);
      const start = range?.startContainer;
      const element = start?.nodeType === 3 ? start.parentElement : (start as Element | undefined);
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return element !== undefined && element !== null;
    },
    suspend() {
      suspended = true;
      draw();
    },
    resume() {
      suspended = false;
      reanchor();
    },
    destroy() {
      destroyed = true;
      clearTimeout(settle);
      changes.disconnect();
      overlay.destroy();
      listeners.clear();
    },
  };
}
