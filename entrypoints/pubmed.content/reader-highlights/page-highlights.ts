/**
 * What the rest of the article page sees of the reader's highlights: the list as this page anchored it
 * and the controller's methods. The panel's highlight list (panel/article-notes.tsx), the selection
 * bar and article-page.tsx need only this contract, not the controller (controller.ts) that loads,
 * anchors and draws them, nor the glue that starts it (start.ts).
 */
import type { Highlight } from '@/utils/storage/entities';
import type { HighlightColor } from '@/utils/storage/picklists';
import type { RootSpan } from '@/utils/reader-highlights/root-anchors';

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
  /** Stops drawing, keeping the list, while the term marks are redone (their text nodes change). */
  suspend(): void;
  /** Anchors and draws again after `suspend`. */
  resume(): void;
  /** Takes the overlay and its observers off the page. */
  destroy(): void;
}

/** Anchored first in reading order (root, then offset), then orphans oldest first. */
export function sortForPage(items: PageHighlight[]): PageHighlight[] {
  const key = (item: PageHighlight) =>
    item.state === 'anchored' ? [0, item.at.root, item.at.start] : [1, item.highlight.createdAt, 0];
  return [...items].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
  });
}
