/**
 * Messages about PubMed watches, kept apart from utils/messaging/messages.ts: the background routes any message
 * whose type starts with "topic-watch/" here. Validated at the boundary like every other message.
 * The content script may only propose a new watch ("Watch this search"); everything else comes from
 * the extension's own pages.
 */
import * as v from 'valibot';
import { MAX_NAME, MAX_QUERY, PAPER_STATUSES } from './model';

const Id = v.pipe(v.string(), v.uuid());
const Pmid = v.pipe(v.string(), v.regex(/^\d{1,9}$/));

export const TopicWatchMessageSchema = v.variant('type', [
  /** Add (no id) or change a watch; the query is first run past NCBI, whose errors come back. */
  v.strictObject({
    type: v.literal('topic-watch/save'),
    id: v.optional(Id),
    name: v.pipe(v.string(), v.maxLength(MAX_NAME)),
    query: v.pipe(v.string(), v.maxLength(MAX_QUERY)),
    paused: v.optional(v.boolean()),
  }),
  v.strictObject({ type: v.literal('topic-watch/delete'), id: Id }),
  /** Check one watch, or every watch that is not paused, now. */
  v.strictObject({ type: v.literal('topic-watch/check-now'), id: v.optional(Id) }),
  /** The reader's choice for papers: seen / not relevant (or back to new). */
  v.strictObject({
    type: v.literal('topic-watch/set-status'),
    pmids: v.pipe(v.array(Pmid), v.minLength(1), v.maxLength(1000)),
    status: v.picklist(PAPER_STATUSES),
  }),
  /** How many papers are new (the popup's count). */
  v.strictObject({ type: v.literal('topic-watch/count') }),
]);

export type TopicWatchMessage = v.InferOutput<typeof TopicWatchMessageSchema>;

/** Message types a content script may send (the rest are for the extension's own pages). */
const FROM_CONTENT_SCRIPT = new Set<string>(['topic-watch/save']);

export function isTopicWatchMessage(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as { type?: unknown }).type === 'string' &&
    (raw as { type: string }).type.startsWith('topic-watch/')
  );
}

/** Parses a raw message; `fromPage` is true for a content script (a tab on PubMed). */
export function parseTopicWatchMessage(
  raw: unknown,
  fromPage: boolean,
): { ok: true; message: TopicWatchMessage } | { ok: false; error: string } {
  const result = v.safeParse(TopicWatchMessageSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: `Invalid message${path ? ` (${path})` : ''}: ${issue.message}` };
  }
  const message = result.output;
  if (fromPage && (!FROM_CONTENT_SCRIPT.has(message.type) || 'id' in message)) {
    return { ok: false, error: 'Not allowed from a page' };
  }
  return { ok: true, message };
}
