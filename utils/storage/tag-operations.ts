import type { JakLensDB, Note } from './db';
import { normalizeTag, normalizeTags } from './tags';

/**
 * Tag changes across the whole library, each in one transaction. Every note that changes gets the
 * next revision, so an editor still open on the old revision gets a conflict on its next save
 * (its text kept as a conflict copy) instead of writing the old tags back.
 */

/**
 * Renames `from` to `to` on every note (case-insensitive match). When a note already has `to`, the
 * two merge into one. Returns how many notes changed.
 */
export function renameTag(
  db: JakLensDB,
  from: string,
  to: string,
  now = Date.now(),
): Promise<number> {
  return mergeTags(db, [from], to, now);
}

/** Replaces each of `sources` with `target` on every note; see `renameTag`. */
export function mergeTags(
  db: JakLensDB,
  sources: readonly string[],
  target: string,
  now = Date.now(),
): Promise<number> {
  const into = normalizeTag(target);
  if (!into) return Promise.reject(new Error('The new tag name is empty.'));
  const folded = new Set(sources.map((s) => normalizeTag(s).toLowerCase()).filter(Boolean));
  return db.transaction('rw', db.notes, async () => {
    const notes = await db.notes
      .where('tags')
      .anyOfIgnoreCase([...folded])
      .distinct()
      .toArray();
    const changed = notes
      .map((note) => {
        const tags = normalizeTags(note.tags.map((t) => (folded.has(t.toLowerCase()) ? into : t)));
        return sameTags(tags, note.tags) ? null : bump(note, tags, now);
      })
      .filter((n): n is Note => n !== null);
    await db.notes.bulkPut(changed);
    return changed.length;
  });
}

/**
 * Adds a tag to the notes of `articleKeys`; an article with highlights but no note gets a note (empty
 * text, "to read") to carry the tag. Returns how many notes changed or were created.
 */
export function addTagToArticles(
  db: JakLensDB,
  articleKeys: readonly string[],
  tag: string,
  now = Date.now(),
): Promise<number> {
  const added = normalizeTag(tag);
  if (!added) return Promise.reject(new Error('The tag is empty.'));
  return db.transaction('rw', db.notes, async () => {
    const notes = await db.notes.bulkGet([...articleKeys]);
    const writes: Note[] = [];
    articleKeys.forEach((articleKey, i) => {
      const note = notes[i];
      if (!note) {
        writes.push({
          articleKey,
          body: '',
          tags: [added],
          status: 'to-read',
          revision: 1,
          createdAt: now,
          updatedAt: now,
        });
        return;
      }
      const tags = normalizeTags([...note.tags, added]);
      if (!sameTags(tags, note.tags)) writes.push(bump(note, tags, now));
    });
    await db.notes.bulkPut(writes);
    return writes.length;
  });
}

function bump(note: Note, tags: string[], now: number): Note {
  return { ...note, tags, revision: note.revision + 1, updatedAt: now };
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
