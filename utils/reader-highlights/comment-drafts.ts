import type { Highlight } from '../storage/db';
import type { MessageClient } from '../messaging/client';
import { recoverDrafts, type JournalStore } from '../storage/draft-journal';

/**
 * Highlight comments in the draft journal (utils/storage/draft-journal.ts). A comment has no revision,
 * so a journaled draft carries the comment it was typed over (`base`); recovering it never replaces a
 * comment that changed since: both texts are kept, the stored one first.
 */

/** The journal subject of one highlight's comment: per article, so an article's editor finds them. */
export function commentSubject(articleKey: string, highlightId: string): string {
  return `${articleKey}/${highlightId}`;
}

/** The comment to store for a recovered draft, or null when the stored one already says it all. */
export function reconcileComment(current: string, base: string, draft: string): string | null {
  if (draft.trim() === current.trim() || draft.trim() === base.trim()) return null;
  // Typed over what is still stored: the draft simply wins.
  if (current.trim() === base.trim()) return draft.trim();
  // Changed elsewhere meanwhile: keep both, never overwrite either.
  return `${current.trim()}\n\n${draft.trim()}`;
}

/**
 * Saves the comments journaled by dead editors for the article's highlights. Returns how many
 * comments changed. A draft whose save fails stays in the journal for the next open.
 */
export async function recoverCommentDrafts(
  store: JournalStore,
  articleKey: string,
  isAlive: (editorId: string) => boolean,
  request: MessageClient,
): Promise<number> {
  const highlights: Highlight[] = await request({ type: 'highlight/list', articleKey });
  let changed = 0;
  for (const highlight of highlights) {
    let current = highlight.comment ?? '';
    await recoverDrafts<string>(
      store,
      'comment',
      commentSubject(articleKey, highlight.id),
      isAlive,
      async (entry) => {
        if (typeof entry.value !== 'string' || typeof entry.base !== 'string') return false;
        const next = reconcileComment(current, entry.base, entry.value);
        if (next === null) return true;
        const updated = await request({
          type: 'highlight/update',
          id: highlight.id,
          comment: next,
        });
        current = updated.comment ?? '';
        changed += 1;
        return true;
      },
    );
  }
  return changed;
}
