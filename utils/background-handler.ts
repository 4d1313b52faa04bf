import type { Article } from './article';
import type { JakLensDB } from './db';
import { parseMessage, type Message, type Reply } from './messages';
import { clearRecent, listRecent, recordVisit } from './recent-articles';
import { loadRecords } from './record-cache';

export interface HandlerDeps {
  db: JakLensDB;
  /** Whether the reader lets JAK Lens keep the recent-articles list (a setting). */
  isRecordingRecent: () => Promise<boolean>;
  now?: () => number;
  /**
   * Fetches PubMed records the cache lacks (E-utilities efetch; the background owns network access).
   * Absent, or the reader turned fetching off: 'records/get' answers from the cache only.
   */
  fetchRecords?: (pmids: string[]) => Promise<ReadonlyMap<string, Article>>;
}

/**
 * Builds the background's message handler: validates the raw message, runs it, and always answers with a
 * `Reply` (never throws, so a bad message cannot take the service worker down).
 */
export function createMessageHandler(deps: HandlerDeps): (raw: unknown) => Promise<Reply> {
  return async (raw) => {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      return { ok: true, data: await run(parsed.message, deps) };
    } catch (error) {
      return { ok: false, error: describeError(error) };
    }
  };
}

async function run(message: Message, deps: HandlerDeps): Promise<unknown> {
  switch (message.type) {
    case 'page/state':
      if (message.article && (await deps.isRecordingRecent())) {
        await recordVisit(deps.db, message.article, deps.now?.());
      }
      return null;
    case 'recent/list':
      return listRecent(deps.db, message.limit);
    case 'recent/clear':
      await clearRecent(deps.db);
      return null;
    // ---- search-results records (search branch) ----
    case 'records/get':
      return Object.fromEntries(
        await loadRecords(deps.db, message.pmids, deps.fetchRecords, deps.now?.()),
      );
  }
}

/** A message a person can read, e.g. "QuotaExceededError: the disk is full". */
export function describeError(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
