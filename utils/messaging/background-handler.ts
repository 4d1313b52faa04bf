import type { Article } from '../article';
import { whenOpen, type JakLensDB } from '../storage/db';
import { parseMessage, type Message, type Reply } from './messages';
import {
  addHighlight,
  deleteHighlight,
  listHighlights,
  updateHighlight,
} from '../storage/highlights-repository';
import {
  articlesWithNotes,
  getNote,
  listConflicts,
  listTags,
  resolveConflict,
  saveNote,
} from '../storage/notes-repository';
import { clearRecent, listRecent, recordVisit } from '../storage/recent-articles';
import { loadRecords } from '../storage/record-cache';
import type { SyncService } from '../sync/service';

export interface HandlerDeps {
  db: JakLensDB;
  /** Whether the reader lets JAK Lens keep the recent-articles list (a setting). */
  isRecordingRecent: () => Promise<boolean>;
  now?: () => number;
  /** Told about every valid page report, with the reporting tab (badge, which tab shows what). */
  onPageState?: (message: Extract<Message, { type: 'page/state' }>, origin: Origin) => void;
  /** Told after a note was stored, so other tabs showing the article can refresh. */
  onNoteSaved?: (articleKey: string, origin: Origin) => void;
  /**
   * Fetches PubMed records the cache lacks (E-utilities efetch; the background owns network access).
   * Absent, or the reader turned fetching off: 'records/get' answers from the cache only.
   */
  fetchRecords?: (pmids: string[]) => Promise<ReadonlyMap<string, Article>>;
  /** How long a message waits for a blocked database upgrade before it fails saying so (ms). */
  upgradePatienceMs?: number;
  /** Sync with the reader's WebDAV server (utils/sync/); absent: 'sync/*' messages fail. */
  sync?: SyncService;
}

/** Where a message came from (validated by the caller: see sender.ts). */
export interface Origin {
  tabId?: number;
  /** Sent by one of the extension's own pages (library, popup), not by a content script. */
  extensionPage?: boolean;
}

/**
 * Builds the background's message handler: validates the raw message, runs it, and always answers with a
 * `Reply` (never throws, so a bad message cannot take the service worker down).
 */
export function createMessageHandler(
  deps: HandlerDeps,
): (raw: unknown, origin?: Origin) => Promise<Reply> {
  return async (raw, origin = {}) => {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      // Fails fast, and queues nothing, while an upgrade waits for an older version to close.
      await whenOpen(deps.db, deps.upgradePatienceMs);
      return { ok: true, data: await run(parsed.message, deps, origin) };
    } catch (error) {
      return { ok: false, error: describeError(error) };
    }
  };
}

async function run(message: Message, deps: HandlerDeps, origin: Origin): Promise<unknown> {
  const { db } = deps;
  const now = deps.now?.() ?? Date.now();
  switch (message.type) {
    case 'page/state':
      deps.onPageState?.(message, origin);
      if (message.article && (await deps.isRecordingRecent())) {
        await recordVisit(deps.db, message.article, deps.now?.());
      }
      return null;
    case 'recent/list':
      return listRecent(deps.db, message.limit);
    case 'recent/clear':
      await clearRecent(deps.db);
      return null;
    case 'note/get': {
      // One read transaction, so the note and its conflict copies come from the same moment.
      return db.transaction('r', db.notes, db.noteConflicts, async () => ({
        note: (await getNote(db, message.articleKey)) ?? null,
        conflicts: await listConflicts(db, message.articleKey),
      }));
    }
    case 'note/save': {
      const { type: _type, ...input } = message;
      const result = await saveNote(db, input, now);
      if (result.status === 'saved') deps.onNoteSaved?.(message.articleKey, origin);
      return result;
    }
    case 'note/resolve-conflict':
      return (await resolveConflict(db, message.conflictId, message.choice, now)) ?? null;
    case 'tags/list':
      return listTags(db);
    case 'highlight/add': {
      const { articleKey, exact, prefix, suffix, start, end, color, comment } = message;
      return addHighlight(
        db,
        {
          articleKey,
          textQuote: { exact, prefix, suffix },
          textPosition: { start, end },
          color,
          comment,
        },
        now,
      );
    }
    case 'highlight/update':
      return updateHighlight(
        db,
        message.id,
        { color: message.color, comment: message.comment },
        now,
      );
    case 'highlight/delete':
      await deleteHighlight(db, message.id);
      return null;
    case 'highlight/list':
      return listHighlights(db, message.articleKey);
    // ---- search-results records (search branch) ----
    case 'notes/which':
      return articlesWithNotes(db, message.keys);
    case 'records/get':
      return Object.fromEntries(
        await loadRecords(deps.db, message.pmids, deps.fetchRecords, deps.now?.()),
      );
    // ---- sync (issue 19) ----
    case 'sync/status':
    case 'sync/now':
    case 'sync/test':
    case 'sync/configure':
    case 'sync/remove':
      return runSyncMessage(message, deps, origin);
  }
}

/** Sync carries credentials: only the extension's own pages may ask, never a content script. */
function runSyncMessage(
  message: Extract<Message, { type: `sync/${string}` }>,
  deps: HandlerDeps,
  origin: Origin,
): Promise<unknown> {
  const { sync } = deps;
  if (!origin.extensionPage) throw new Error('Sync can only be managed from the JAK Lens library.');
  if (!sync) throw new Error('Sync is not available in this browser.');
  switch (message.type) {
    case 'sync/status':
      return sync.status();
    case 'sync/now':
      return sync.syncNow();
    case 'sync/remove':
      return sync.remove();
    case 'sync/test': {
      const { type: _type, ...account } = message;
      return sync.test(account);
    }
    case 'sync/configure': {
      const { type: _type, ...account } = message;
      return sync.configure(account);
    }
  }
}

/** What the reader is told for storage failures whose raw message means little to them. */
const STORAGE_ADVICE: Record<string, string> = {
  QuotaExceededError: 'the browser has no room left to store notes; free some disk space',
  DatabaseClosedError: 'the notes database is closed; it will reopen on the next try',
  MissingAPIError: 'IndexedDB is not available in this browser profile',
};

/**
 * A message a person can read, e.g. "QuotaExceededError: the browser has no room left … (raw message)".
 * Dexie wraps some failures (an AbortError whose `inner` is the QuotaExceededError), so the inner
 * error is named when there is one. Works on DOMException too (not an Error subclass everywhere).
 */
export function describeError(error: unknown): string {
  if (!isNamedError(error)) return String(error);
  const cause = isNamedError(error.inner) ? error.inner : error;
  const advice = STORAGE_ADVICE[cause.name];
  if (advice) return `${cause.name}: ${advice} (${cause.message})`;
  return cause.name && cause.name !== 'Error' ? `${cause.name}: ${cause.message}` : cause.message;
}

function isNamedError(value: unknown): value is { name: string; message: string; inner?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
