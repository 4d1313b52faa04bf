import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import {
  pendingHighlightJournal,
  type JournalArea,
} from '@/utils/storage/journals/comment-journal';
import { initReaderHighlights, type ReaderHighlightOptions } from './controller';
import type { ReaderHighlights } from './page-highlights';
import { watchSelection } from './selection-action';

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
    const pending =
      options.pending ??
      pendingHighlightJournal(browser.storage.local as unknown as JournalArea, options.articleKey);
    const controller = await initReaderHighlights(ctx, { ...options, pending });
    const doc = options.roots[0]!.ownerDocument;
    ctx.onInvalidated(
      watchSelection({ doc, roots: options.roots, highlights: controller, journal: pending }),
    );
    return controller;
  } catch (error) {
    if (!ctx.isInvalid) console.warn('[JAK Lens] your highlights could not be shown', error);
    return undefined;
  }
}
