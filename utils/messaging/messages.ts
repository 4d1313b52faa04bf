/**
 * utils/messaging/: the protocol between the content script, the extension pages and the background:
 * message schemas (this file), the typed client, the sender check, the background's handler and the
 * note frame's postMessage protocol. May import utils/storage/, utils/article/ and utils/page/; the
 * browser API itself stays in entrypoints/ (send functions are injected).
 */
import * as v from 'valibot';
import { isNcbiArticleUrl } from '../page/sites';
import { PAGE_TYPES, type PageType } from '../page/page-type';
import type { Highlight, Note, NoteConflict } from '../storage/entities';
import type { SaveResult } from '../storage/notes-repository';
import {
  DISEASE_KINDS,
  HIGHLIGHT_COLORS,
  READING_STATUSES,
  RELEVANCES,
} from '../storage/picklists';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../storage/tags';
import { CompactRecordSchema } from '../article/compact-record';
import type { SyncStatus } from '../sync/service';

/**
 * The typed message protocol between the content script / extension pages and the background.
 * Every message is validated here at the boundary; anything that does not match is rejected with an
 * error and never reaches the database.
 */

const MAX_TEXT = 4000;

/** 'records/get' asks for at most one efetch batch at a time. */
export const MAX_RECORDS_PER_MESSAGE = 200;

/** An article's key: `pmid:…`, `doi:10.…` or `pmc:PMC…`. */
export const ArticleKey = v.pipe(
  v.string(),
  v.maxLength(300),
  v.regex(/^(pmid:\d{1,9}|doi:10\.\S+|pmc:PMC\d{1,10})$/),
);
const Pmid = v.pipe(v.string(), v.regex(/^\d{1,9}$/));
const HttpsNcbiUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check(
    isNcbiArticleUrl,
    'must be an https URL on pubmed.ncbi.nlm.nih.gov or pmc.ncbi.nlm.nih.gov',
  ),
);

export const SeenArticleSchema = v.strictObject({
  key: ArticleKey,
  pmid: v.optional(Pmid),
  doi: v.optional(v.pipe(v.string(), v.maxLength(300))),
  pmcid: v.optional(v.pipe(v.string(), v.regex(/^PMC\d{1,10}$/))),
  title: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  journal: v.optional(v.pipe(v.string(), v.maxLength(500))),
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(3000))),
  url: HttpsNcbiUrl,
  verdict: v.optional(
    v.strictObject({
      relevance: v.picklist(RELEVANCES),
      disease: v.nullable(v.picklist(DISEASE_KINDS)),
      drugs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50)),
    }),
  ),
});

/** Limits on what the reader writes; generous, but bounded so one message cannot fill the disk. */
export const MAX_NOTE_BODY = 100_000;
export const MAX_QUOTE = 10_000;
export const MAX_CONTEXT = 1_000;
export const MAX_COMMENT = 10_000;

// Ids are crypto.randomUUID() values made by the repositories.
const Id = v.pipe(v.string(), v.uuid());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const Tags = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(MAX_TAG_LENGTH))),
  v.maxLength(MAX_TAGS),
);
const Color = v.picklist(HIGHLIGHT_COLORS);
const Comment = v.pipe(v.string(), v.maxLength(MAX_COMMENT));

const NoteMessages = [
  /** Editor → background: the article's note (or null) and its unresolved conflict copies. */
  v.strictObject({ type: v.literal('note/get'), articleKey: ArticleKey }),
  /** Editor → background: save, based on the revision the editor loaded (0 for a new note). */
  v.strictObject({
    type: v.literal('note/save'),
    articleKey: ArticleKey,
    body: v.pipe(v.string(), v.maxLength(MAX_NOTE_BODY)),
    tags: Tags,
    status: v.picklist(READING_STATUSES),
    baseRevision: Count,
    /** Sent by a recovered journal: the base note's `updatedAt` (null: there was none). */
    baseUpdatedAt: v.optional(v.nullable(Count)),
  }),
  /** Editor → background: settle a conflict copy (the other version goes to the trash). */
  v.strictObject({
    type: v.literal('note/resolve-conflict'),
    conflictId: Id,
    choice: v.picklist(['keep-note', 'use-copy']),
  }),
  /** Editor → background: every tag in use, for suggestions. */
  v.strictObject({ type: v.literal('tags/list') }),
] as const;

const HighlightMessages = [
  /** Content script → background: a new highlight, as W3C TextQuote + TextPosition selectors. */
  v.pipe(
    v.strictObject({
      type: v.literal('highlight/add'),
      articleKey: ArticleKey,
      exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
      prefix: v.pipe(v.string(), v.maxLength(MAX_CONTEXT)),
      suffix: v.pipe(v.string(), v.maxLength(MAX_CONTEXT)),
      start: Count,
      end: Count,
      color: Color,
      comment: v.optional(Comment),
    }),
    v.check((m) => m.end > m.start, 'end must be after start'),
  ),
  /** Change a highlight's colour or comment ('' removes the comment). */
  v.strictObject({
    type: v.literal('highlight/update'),
    id: Id,
    color: v.optional(Color),
    comment: v.optional(Comment),
  }),
  v.strictObject({ type: v.literal('highlight/delete'), id: Id }),
  /** An article's highlights, in document order, to re-anchor on the page. */
  v.strictObject({ type: v.literal('highlight/list'), articleKey: ArticleKey }),
] as const;

// ---- Sync (issue 19): extension pages only, checked by the handler ----
const SyncAccountFields = {
  serverUrl: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
  folder: v.pipe(v.string(), v.maxLength(1024)),
  user: v.pipe(v.string(), v.maxLength(256)),
  password: v.pipe(v.string(), v.maxLength(1024)),
};
const SyncMessages = [
  /** Library / popup → background: last sync, pending changes, last error, progress. */
  v.strictObject({ type: v.literal('sync/status') }),
  v.strictObject({ type: v.literal('sync/now') }),
  /** Settings → background: try the account and say what is wrong. */
  v.strictObject({ type: v.literal('sync/test'), ...SyncAccountFields }),
  /** Settings → background: set sync up (the passphrase derives the key and is not kept). */
  v.strictObject({
    type: v.literal('sync/configure'),
    ...SyncAccountFields,
    passphrase: v.pipe(v.string(), v.minLength(8), v.maxLength(1024)),
  }),
  v.strictObject({ type: v.literal('sync/remove') }),
] as const;
// ---- end sync ----

export const PageTypeSchema = v.picklist(PAGE_TYPES);

export const MessageSchema = v.variant('type', [
  /** Content script → background: what the page in this tab is. */
  v.strictObject({
    type: v.literal('page/state'),
    pageType: PageTypeSchema,
    article: v.optional(SeenArticleSchema),
  }),
  /** Library / popup → background: the recent-articles list, newest first. */
  v.strictObject({
    type: v.literal('recent/list'),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  }),
  /** Library → background: empty the recent list (articles and notes stay). */
  v.strictObject({ type: v.literal('recent/clear') }),
  ...NoteMessages,
  ...HighlightMessages,
  ...SyncMessages,

  // ---- Search-results records (search branch) ----
  /** Content script → background: PubMed records of the visible results (cache, then efetch). */
  v.strictObject({
    type: v.literal('records/get'),
    pmids: v.pipe(v.array(Pmid), v.minLength(1), v.maxLength(MAX_RECORDS_PER_MESSAGE)),
  }),
  /** Search page → background: which of these articles have a note or highlights (result markers). */
  v.strictObject({
    type: v.literal('notes/which'),
    keys: v.pipe(v.array(ArticleKey), v.minLength(1), v.maxLength(MAX_RECORDS_PER_MESSAGE)),
  }),
  // ---- end search-results records ----
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type SeenArticleMessage = v.InferOutput<typeof SeenArticleSchema>;
export type { PageType };

/** The `data` of a successful reply, per message type (for typed senders). */
export interface ReplyData {
  'notes/which': string[];
  'note/get': { note: Note | null; conflicts: NoteConflict[] };
  'note/save': SaveResult;
  'note/resolve-conflict': Note | null;
  'tags/list': string[];
  'highlight/add': Highlight;
  'highlight/update': Highlight;
  'highlight/delete': null;
  'highlight/list': Highlight[];
  'sync/status': SyncStatus;
  'sync/now': SyncStatus;
  'sync/test': { ok: boolean; message: string };
  'sync/configure': SyncStatus;
  'sync/remove': SyncStatus;
}

/** What the background answers: data, or an error that says what was wrong. */
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

/** Validates an incoming message. Never throws. */
export function parseMessage(
  raw: unknown,
): { ok: true; message: Message } | { ok: false; error: string } {
  let result: v.SafeParseResult<typeof MessageSchema>;
  try {
    result = v.safeParse(MessageSchema, raw);
  } catch (error) {
    // valibot reads fields with plain property access: a getter or Proxy that throws would escape.
    return { ok: false, error: `Invalid message: unreadable (${String(error)})` };
  }
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `Invalid message${path ? ` at ${path}` : ''}: ${issue.message}` };
}

/** What 'records/get' answers: PMID → compact record, only for the PMIDs a record was found for. */
export const RecordsReplySchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^\d{1,9}$/)), CompactRecordSchema),
  v.check((r) => Object.keys(r).length <= MAX_RECORDS_PER_MESSAGE, 'too many records'),
);
export type RecordsReply = v.InferOutput<typeof RecordsReplySchema>;

/** Messages the content script answers (popup → tab). */
export const TabMessageSchema = v.variant('type', [
  /** Popup → tab: what is this page? */
  v.strictObject({ type: v.literal('tab/get-state') }),
  /** Background → tab: a note was saved in another tab; show the stored version if nothing is unsaved. */
  v.strictObject({ type: v.literal('note/changed'), articleKey: ArticleKey }),
  /** Popup or keyboard command → tab: show or hide the summary panel. */
  v.strictObject({ type: v.literal('panel/toggle') }),
  /** Keyboard command or context menu → tab: highlight the reader's current selection. */
  v.strictObject({ type: v.literal('highlight/create-from-selection') }),
]);
export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

/** What a tab's content script says about its page. */
export interface TabState {
  pageType: PageType;
  article?: SeenArticleMessage;
  /** The classifier's verdict on the article (popup shows it). */
  verdict?: import('../classify').Verdict;
}
