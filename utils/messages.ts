import * as v from 'valibot';
import { CompactRecordSchema } from './compact-record';

/**
 * The typed message protocol between the content script / extension pages and the background.
 * Every message is validated here at the boundary; anything that does not match is rejected with an
 * error and never reaches the database.
 */

const MAX_TEXT = 4000;

/** 'records/get' asks for at most one efetch batch at a time. */
export const MAX_RECORDS_PER_MESSAGE = 200;

const ArticleKey = v.pipe(
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
});

export const PageTypeSchema = v.picklist([
  'pubmed-article',
  'pubmed-search',
  'pmc-article',
  'other',
]);

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

  // ---- Search-results records (search branch) ----
  /** Content script → background: PubMed records of the visible results (cache, then efetch). */
  v.strictObject({
    type: v.literal('records/get'),
    pmids: v.pipe(v.array(Pmid), v.minLength(1), v.maxLength(MAX_RECORDS_PER_MESSAGE)),
  }),
  // ---- end search-results records ----
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];
export type SeenArticleMessage = v.InferOutput<typeof SeenArticleSchema>;
export type PageType = v.InferOutput<typeof PageTypeSchema>;

/** What the background answers: data, or an error that says what was wrong. */
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

/** Validates an incoming message. Never throws. */
export function parseMessage(
  raw: unknown,
): { ok: true; message: Message } | { ok: false; error: string } {
  const result = v.safeParse(MessageSchema, raw);
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
  v.strictObject({ type: v.literal('tab/get-state') }),
]);
export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

/** What a tab's content script says about its page. */
export interface TabState {
  pageType: PageType;
  article?: SeenArticleMessage;
}

/** True for https URLs on the NCBI hosts JAK Lens annotates. */
export function isNcbiArticleUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      (url.hostname === 'pubmed.ncbi.nlm.nih.gov' || url.hostname === 'pmc.ncbi.nlm.nih.gov')
    );
  } catch {
    return false;
  }
}
