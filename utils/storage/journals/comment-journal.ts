import * as v from 'valibot';
import { MAX_COMMENT, MAX_CONTEXT, MAX_QUOTE } from '../../messaging/messages';
import type { JakLensDB } from '../db';
import { updateHighlight } from '../highlights-repository';
import { COMMENT_DRAFT_PREFIX, PENDING_HIGHLIGHT_PREFIX } from './journal-keys';

/**
 * Journals for the reader's words typed outside the note: the selection bar's comment (typed before
 * its highlight exists) and the library's highlight comment boxes (saved when the box is left). On
 * every input the text is written to the extension's `storage.local` (never the page's), a call whose
 * message has left the renderer when it returns, so a tab closed 0 ms after the last key loses
 * nothing; the entry is removed once the text is saved, and one left behind is recovered on the next
 * visit (the article's page for the bar, the library for its boxes).
 */

/** The part of `storage.local` the journals use. */
export interface JournalArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

export { COMMENT_DRAFT_PREFIX, PENDING_HIGHLIGHT_PREFIX };

const Comment = v.pipe(v.string(), v.maxLength(MAX_COMMENT));

const PendingSchema = v.strictObject({
  v: v.literal(1),
  articleKey: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
  prefix: v.pipe(v.string(), v.maxLength(MAX_CONTEXT)),
  suffix: v.pipe(v.string(), v.maxLength(MAX_CONTEXT)),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  comment: Comment,
  writtenAt: v.number(),
});

/** A highlight the reader was commenting on in the selection bar, not yet made. */
export type PendingHighlight = v.InferOutput<typeof PendingSchema>;

/** The selectors of the passage the bar's comment is for (as root-anchors.ts describes them). */
export interface PendingPassage {
  textQuote: { exact: string; prefix: string; suffix: string };
  textPosition: { start: number; end: number };
}

/** Not awaited on purpose: the call has left for the browser when it returns. A failure is dropped
 * here because the next key writes again and the save itself reports its own errors. */
const send = (write: Promise<void>) => void write.catch(() => undefined);

/** The selection bar's journal for one article. */
export function pendingHighlightJournal(area: JournalArea, articleKey: string) {
  const key = PENDING_HIGHLIGHT_PREFIX + articleKey;
  return {
    /** Called from the input handler with the box's whole text. */
    write(passage: PendingPassage, comment: string, now = Date.now()): void {
      const entry: PendingHighlight = {
        v: 1,
        articleKey,
        ...passage.textQuote,
        ...passage.textPosition,
        comment,
        writtenAt: now,
      };
      send(area.set({ [key]: entry }));
    },
    /** The highlight was made (with the comment) or the reader cancelled the box. */
    clear(): void {
      send(area.remove(key));
    },
    /** The entry a closed tab left, or null; a malformed one is removed (it cannot be made). */
    async read(): Promise<PendingHighlight | null> {
      const raw = (await area.get(key))[key];
      if (raw === undefined) return null;
      const parsed = v.safeParse(PendingSchema, raw);
      if (parsed.success && parsed.output.articleKey === articleKey) return parsed.output;
      console.warn('[JAK Lens] a damaged pending highlight comment was dropped', raw);
      await area.remove(key);
      return null;
    },
  };
}

export type PendingHighlightJournal = ReturnType<typeof pendingHighlightJournal>;

const DraftSchema = v.strictObject({
  v: v.literal(1),
  highlightId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** The comment stored when the reader started typing: tells a change made elsewhere since. */
  base: Comment,
  comment: Comment,
  writtenAt: v.number(),
});

export type CommentDraft = v.InferOutput<typeof DraftSchema>;

/** The library's journal for its comment boxes. */
export function commentDraftJournal(area: JournalArea) {
  return {
    write(highlightId: string, base: string, comment: string, now = Date.now()): void {
      const entry: CommentDraft = { v: 1, highlightId, base, comment, writtenAt: now };
      send(area.set({ [COMMENT_DRAFT_PREFIX + highlightId]: entry }));
    },
    clear(highlightId: string): void {
      send(area.remove(COMMENT_DRAFT_PREFIX + highlightId));
    },
  };
}

export type CommentDraftJournal = ReturnType<typeof commentDraftJournal>;

/**
 * Saves the comment drafts a closed library tab left. The stored comment still the one typing began
 * from: the draft replaces it. Already the draft: nothing to do. Changed elsewhere since: both are
 * kept (stored, then the draft), never one over the other. A highlight deleted since takes its draft
 * with it (the reader deleted it). Entries whose save fails stay for the next time. Returns how many
 * were written.
 */
export async function recoverCommentDrafts(area: JournalArea, db: JakLensDB): Promise<number> {
  const all = await area.get(null);
  let written = 0;
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(COMMENT_DRAFT_PREFIX)) continue;
    const parsed = v.safeParse(DraftSchema, raw);
    if (!parsed.success || COMMENT_DRAFT_PREFIX + parsed.output.highlightId !== key) {
      console.warn('[JAK Lens] a damaged comment draft was dropped', raw);
      await area.remove(key);
      continue;
    }
    const draft = parsed.output;
    const stored = await db.highlights.get(draft.highlightId);
    const current = stored?.comment ?? '';
    if (stored && current !== draft.comment) {
      const comment =
        current === draft.base || current.trim() === ''
          ? draft.comment
          : `${current}\n\n${draft.comment}`;
      await updateHighlight(db, draft.highlightId, { comment });
      written += 1;
    }
    await area.remove(key);
  }
  return written;
}
