import type { Highlight, Note, NoteConflict } from '../storage/db';
import { canonicalJson, type ArticleBundle } from './bundle';

/**
 * Three-way merge of one article: `base` is what both sides agreed on at the last sync, `local` this
 * device now, `remote` the server now. A side that did not change since `base` takes the other's
 * changes. When both changed the note, the newer edit (later `updatedAt`, then higher revision) wins and
 * the other text becomes a conflict copy beside it, exactly like the two-tab case: no text is lost. The
 * merged note's revision is above both, so an editor still open on either device cannot overwrite it.
 * Deletions are absences compared with `base`; a deletion never beats an edit made on the other side.
 */
export function mergeBundles(
  base: ArticleBundle,
  local: ArticleBundle,
  remote: ArticleBundle,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): ArticleBundle {
  const conflicts = mergeImmutable(base.conflicts, local.conflicts, remote.conflicts);
  const note = mergeNote(base.note, local.note, remote.note, now, newId);
  if (note.copy) conflicts.push(note.copy);
  const article = same(local.article, base.article)
    ? (remote.article ?? local.article)
    : (local.article ?? remote.article);
  return {
    articleKey: local.articleKey,
    ...(article ? { article } : {}),
    ...(note.note ? { note: note.note } : {}),
    highlights: mergeHighlights(base.highlights, local.highlights, remote.highlights),
    conflicts,
    trash: mergeImmutable(base.trash, local.trash, remote.trash),
  };
}

function mergeNote(
  base: Note | undefined,
  local: Note | undefined,
  remote: Note | undefined,
  now: number,
  newId: () => string,
): { note?: Note; copy?: NoteConflict } {
  if (same(local, base) || same(local, remote)) return { note: remote };
  if (same(remote, base)) return { note: local };
  // Both sides changed. An edit beats a deletion: the deleted version is already in the trash.
  if (!local || !remote) return { note: local ?? remote };
  const localWins =
    local.updatedAt !== remote.updatedAt
      ? local.updatedAt > remote.updatedAt
      : local.revision !== remote.revision
        ? local.revision > remote.revision
        : local.body >= remote.body;
  const [winner, loser] = localWins ? [local, remote] : [remote, local];
  const revision = Math.max(local.revision, remote.revision) + 1;
  const note: Note = { ...winner, revision };
  if (sameContent(winner, loser)) return { note };
  return {
    note,
    copy: {
      id: newId(),
      articleKey: loser.articleKey,
      body: loser.body,
      tags: [...loser.tags],
      status: loser.status,
      baseRevision: loser.revision,
      conflictOf: revision,
      createdAt: now,
    },
  };
}

/** Conflict copies and trash entries never change once made: only additions and removals merge. */
function mergeImmutable<T extends { id: string }>(base: T[], local: T[], remote: T[]): T[] {
  const inBase = new Set(base.map((i) => i.id));
  const inLocal = new Map(local.map((i) => [i.id, i]));
  const inRemote = new Map(remote.map((i) => [i.id, i]));
  const out: T[] = [];
  for (const id of new Set([...inLocal.keys(), ...inRemote.keys()])) {
    // Known at the last sync and gone on one side: resolved, restored or emptied there.
    if (inBase.has(id) && (!inLocal.has(id) || !inRemote.has(id))) continue;
    const item = inLocal.get(id) ?? inRemote.get(id);
    if (item) out.push(item);
  }
  return out;
}

function mergeHighlights(base: Highlight[], local: Highlight[], remote: Highlight[]): Highlight[] {
  const b = new Map(base.map((h) => [h.id, h]));
  const l = new Map(local.map((h) => [h.id, h]));
  const r = new Map(remote.map((h) => [h.id, h]));
  const out: Highlight[] = [];
  for (const id of new Set([...b.keys(), ...l.keys(), ...r.keys()])) {
    const [bh, lh, rh] = [b.get(id), l.get(id), r.get(id)];
    let kept: Highlight | undefined;
    if (!lh || !rh) {
      // Deleted on one side: stays deleted unless the other side changed it since (or it is new).
      const other = lh ?? rh;
      kept = bh && same(other, bh) ? undefined : other;
    } else if (same(lh, bh)) kept = rh;
    else if (same(rh, bh)) kept = lh;
    else kept = lh.updatedAt >= rh.updatedAt ? lh : rh;
    if (kept) out.push(kept);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

function sameContent(a: Note, b: Note): boolean {
  return (
    a.body === b.body && a.status === b.status && canonicalJson(a.tags) === canonicalJson(b.tags)
  );
}
