/**
 * The storage.local keys of the comment journals (comment-journal.ts), apart from the journals
 * themselves so the always-on content script can ask "did a closed tab leave a comment for this
 * article?" without bundling the journals' schemas.
 */

/** The selection bar's comment, with the passage it is for: one entry per article. */
export const PENDING_HIGHLIGHT_PREFIX = 'jak-lens:pending-highlight:';
/** A library comment box's text, per highlight. */
export const COMMENT_DRAFT_PREFIX = 'jak-lens:comment-draft:';

/** Whether the selection bar left a comment for `articleKey` (not validated: the journal reads it). */
export async function hasPendingHighlight(
  area: { get(keys: string): Promise<Record<string, unknown>> },
  articleKey: string,
): Promise<boolean> {
  const key = PENDING_HIGHLIGHT_PREFIX + articleKey;
  return (await area.get(key))[key] !== undefined;
}
