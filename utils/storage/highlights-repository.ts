import type { Highlight, HighlightColor, JakLensDB, TextPosition, TextQuote } from './db';

/**
 * The only module that reads and writes highlights. Takes the db as a parameter; each call is one
 * IndexedDB request (or one transaction), so a failure leaves the previous state intact.
 */

/** What the content script sends when the reader highlights a passage. */
export interface NewHighlight {
  articleKey: string;
  textQuote: TextQuote;
  textPosition: TextPosition;
  color: HighlightColor;
  comment?: string;
}

/** The fields the reader can change after creating a highlight. */
export interface HighlightChanges {
  color?: HighlightColor;
  /** '' removes the comment. */
  comment?: string;
}

/** Stores a new highlight and returns it with its id and times. */
export async function addHighlight(
  db: JakLensDB,
  input: NewHighlight,
  now = Date.now(),
): Promise<Highlight> {
  const highlight: Highlight = {
    id: crypto.randomUUID(),
    articleKey: input.articleKey,
    textQuote: { ...input.textQuote },
    textPosition: { ...input.textPosition },
    color: input.color,
    ...(input.comment ? { comment: input.comment } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await db.highlights.add(highlight);
  return highlight;
}

/** Changes a highlight's colour or comment; throws when it no longer exists. */
export function updateHighlight(
  db: JakLensDB,
  id: string,
  changes: HighlightChanges,
  now = Date.now(),
): Promise<Highlight> {
  return db.transaction('rw', db.highlights, async () => {
    const stored = await db.highlights.get(id);
    if (!stored) throw new Error(`No highlight ${id}: it may have been deleted.`);
    const { comment: _old, ...rest } = stored;
    const comment = changes.comment ?? stored.comment;
    const updated: Highlight = {
      ...rest,
      color: changes.color ?? stored.color,
      ...(comment ? { comment } : {}),
      updatedAt: now,
    };
    await db.highlights.put(updated);
    return updated;
  });
}

/** Deletes a highlight (the reader's explicit action); deleting a missing one is a no-op. */
export function deleteHighlight(db: JakLensDB, id: string): Promise<void> {
  return db.highlights.delete(id);
}

/** An article's highlights in document order (by text position), then by creation time. */
export async function listHighlights(db: JakLensDB, articleKey: string): Promise<Highlight[]> {
  const rows = await db.highlights.where('articleKey').equals(articleKey).toArray();
  return rows.sort(
    (a, b) => a.textPosition.start - b.textPosition.start || a.createdAt - b.createdAt,
  );
}
