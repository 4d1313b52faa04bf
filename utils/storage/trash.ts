import type { JakLensDB, TrashedNote } from './db';

/**
 * Deleting whole articles from the library, with undo: the note and the article's highlights move
 * into one trash entry (restorable with `restoreFromTrash` in utils/notes-repository.ts) until the
 * reader empties the trash. Each call is one transaction.
 */

/** Moves the notes and highlights of `articleKeys` to the trash; returns the new trash entries' ids. */
export function trashArticles(
  db: JakLensDB,
  articleKeys: readonly string[],
  now = Date.now(),
): Promise<string[]> {
  return db.transaction('rw', db.notes, db.highlights, db.trash, async () => {
    const notes = await db.notes.bulkGet([...articleKeys]);
    const entries: TrashedNote[] = [];
    for (const [i, articleKey] of articleKeys.entries()) {
      const note = notes[i];
      const highlights = await db.highlights.where('articleKey').equals(articleKey).toArray();
      if (!note && highlights.length === 0) continue;
      entries.push({
        id: crypto.randomUUID(),
        articleKey,
        body: note?.body ?? '',
        tags: note ? [...note.tags] : [],
        status: note?.status ?? 'to-read',
        // Revision 0 marks "there was no note": restoring brings back only the highlights.
        revision: note?.revision ?? 0,
        createdAt: note?.createdAt ?? now,
        updatedAt: note?.updatedAt ?? now,
        deletedAt: now,
        reason: 'deleted',
        ...(highlights.length ? { highlights } : {}),
      });
      await db.highlights.bulkDelete(highlights.map((h) => h.id));
    }
    await db.trash.bulkAdd(entries);
    await db.notes.bulkDelete([...articleKeys]);
    return entries.map((e) => e.id);
  });
}

/** Deletes everything in the trash for good; returns how many entries were removed. */
export function emptyTrash(db: JakLensDB): Promise<number> {
  return db.transaction('rw', db.trash, async () => {
    const count = await db.trash.count();
    await db.trash.clear();
    return count;
  });
}
