import * as v from 'valibot';
import type { ArticleRecord, Highlight, Note, NoteConflict, TrashedNote } from '../storage/db';

/**
 * The unit of sync: everything the reader made about one article (its note with tags and reading
 * status, highlights, conflict copies, trash entries, and the article's title and link so another
 * device's library can list it). One encrypted file per article on the server; a bundle with nothing
 * in it is a tombstone (the reader deleted or emptied everything), kept so the deletion travels.
 */
export interface ArticleBundle {
  articleKey: string;
  /** The article's description, without the per-device visit times. */
  article?: ArticleInfo;
  note?: Note;
  highlights: Highlight[];
  conflicts: NoteConflict[];
  trash: TrashedNote[];
}

export type ArticleInfo = Omit<ArticleRecord, 'firstSeen' | 'lastSeen'>;

export function emptyBundle(articleKey: string): ArticleBundle {
  return { articleKey, highlights: [], conflicts: [], trash: [] };
}

export function isEmptyBundle(bundle: ArticleBundle): boolean {
  return (
    !bundle.note &&
    bundle.highlights.length === 0 &&
    bundle.conflicts.length === 0 &&
    bundle.trash.length === 0
  );
}

/** JSON with sorted keys and id-sorted lists: two equal bundles always give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

export function canonicalBundle(bundle: ArticleBundle): string {
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonicalJson({
    ...bundle,
    highlights: byId(bundle.highlights),
    conflicts: byId(bundle.conflicts),
    trash: byId(bundle.trash),
  });
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortDeep(item);
    }
    return out;
  }
  return value;
}

const FORMAT = 'jak-lens-sync-record';

/** The plain text inside an encrypted file. */
export function serializeBundle(bundle: ArticleBundle): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ format: FORMAT, version: 1, bundle }));
}

// Decrypted files passed authentication (written by a device holding the key), but a newer or older
// JAK Lens may have written them: check the shape before anything touches the database.
const Str = v.string();
const Num = v.number();
const Content = { body: Str, tags: v.array(Str), status: Str };
const NoteSchema = v.looseObject({
  ...Content,
  articleKey: Str,
  revision: Num,
  createdAt: Num,
  updatedAt: Num,
});
const HighlightSchema = v.looseObject({
  id: Str,
  articleKey: Str,
  textQuote: v.looseObject({ exact: Str, prefix: Str, suffix: Str }),
  textPosition: v.looseObject({ start: Num, end: Num }),
  color: Str,
  createdAt: Num,
  updatedAt: Num,
});
const ConflictSchema = v.looseObject({
  ...Content,
  id: Str,
  articleKey: Str,
  baseRevision: Num,
  conflictOf: Num,
  createdAt: Num,
});
const TrashSchema = v.looseObject({
  ...Content,
  id: Str,
  articleKey: Str,
  revision: Num,
  createdAt: Num,
  updatedAt: Num,
  deletedAt: Num,
  reason: Str,
});
const FileSchema = v.object({
  format: v.literal(FORMAT),
  version: v.literal(1),
  bundle: v.object({
    articleKey: Str,
    article: v.optional(v.looseObject({ key: Str, title: Str, url: Str })),
    note: v.optional(NoteSchema),
    highlights: v.array(HighlightSchema),
    conflicts: v.array(ConflictSchema),
    trash: v.array(TrashSchema),
  }),
});

/** Reads a decrypted file; throws an Error naming `file` when it is not a record this version reads. */
export function parseBundle(file: string, plain: Uint8Array): ArticleBundle {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new Error(`${file}: decrypted, but not valid JSON`);
  }
  const result = v.safeParse(FileSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new Error(`${file}: not a sync record this version reads (${path}: ${issue.message})`);
  }
  return result.output.bundle as unknown as ArticleBundle;
}
