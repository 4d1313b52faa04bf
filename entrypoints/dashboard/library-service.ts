/**
 * The library's search service (run by library.worker.ts, off the page's main thread): reads every
 * annotated article of `db`, keeps the search index and answers the page's queries
 * (utils/library/engine.ts).
 *
 * Order of work: the rows of the most recently edited notes first (one indexed read, drawn at once),
 * then the whole library in chunks of key order (loadLibraryChunk), each added to the engine as it
 * arrives; the page's latest query is answered over what has been read (marked incomplete, with how
 * much is read) at most every PARTIAL_EVERY_MS, and once more when the last chunk is in. A query
 * that arrives meanwhile is answered at once, between chunks: at 50,000 articles the read takes
 * seconds, and a keystroke does not wait for it. Whenever any context commits to the library's
 * tables the library is read again the same way (the engine re-indexes changed rows only).
 * Messages are checked, and a malformed one is answered with an error rather than acted on.
 */
import { LibraryEngine, type LibraryQuery } from '@/utils/library/engine';
import { inChunk, loadLibraryChunk, loadRecentRows } from '@/utils/library/load-rows';
import type { JakLensDB } from '@/utils/storage/db';
import { watchTables } from '@/utils/storage/watch';
import { isToWorker, type FromWorker, type ToWorker } from './library-protocol';

/** Rows in the first screen: the page draws at most this many before "Show more". */
const FIRST_SCREEN = 100;
/**
 * Notes per chunk: small enough that adding a chunk (reading, joining, indexing) keeps a waiting
 * keystroke only a few milliseconds, large enough that the transactions' own cost stays small.
 */
export const CHUNK_ROWS = 1000;
/** While the library is read, the latest query's answer is refreshed at most this often. */
const PARTIAL_EVERY_MS = 200;

export interface LibraryService {
  /** One message from the page, checked here. */
  handle(message: unknown): void;
  /** Stops watching the database and closes it. */
  stop(): void;
}

export function startLibraryService(
  db: JakLensDB,
  post: (message: FromWorker) => void,
  options: { chunkRows?: number } = {},
): LibraryService {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const engine = new LibraryEngine();
  let current: { query: LibraryQuery; seq: number } | undefined;
  /** Row requests (exports) wait for the whole library: an export of part of it would be short. */
  let waiting: ToWorker[] = [];
  /** Nothing is answered before the first read: an empty answer would say "no articles". */
  let loaded = false;
  let loadedAll = false;
  let stopped = false;
  let answeredAt = 0;

  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  function answer(): void {
    if (current && loaded && !stopped) {
      answeredAt = performance.now();
      post({ type: 'result', result: engine.run(current.query, current.seq) });
    }
  }

  function sendRows(message: ToWorker): void {
    if (message.type !== 'rows' || stopped) return;
    const { keys } = message;
    const rows =
      keys === 'shown'
        ? current
          ? engine.matching(current.query)
          : engine.rowsOf('all')
        : engine.rowsOf(keys === 'all' ? 'all' : new Set(keys));
    post({ type: 'rows', id: message.id, rows, complete: engine.isComplete });
  }

  /** Lets a waiting message (a keystroke) in between two chunks. */
  const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  /** Reads every row in chunks (again, if the database changed meanwhile), answering as it goes. */
  let reading = false;
  let readAgain = false;
  async function readAll(): Promise<void> {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    try {
      do {
        readAgain = false;
        if (!loadedAll) engine.expect(await db.notes.count());
        let after: string | undefined;
        for (;;) {
          const { rows, upTo } = await loadLibraryChunk(db, after, chunkRows);
          if (stopped) return;
          const from = after;
          const last = upTo === undefined;
          // A re-read keeps the library whole (old rows stand until their chunk is read again).
          engine.putRows(rows, (key) => inChunk(key, from, upTo), loadedAll || last);
          loaded = true;
          if (last) break;
          after = upTo;
          if (!loadedAll && performance.now() - answeredAt >= PARTIAL_EVERY_MS) answer();
          await yieldToMessages();
          if (stopped) return;
        }
        loadedAll = true;
        answer();
        for (const request of waiting) sendRows(request);
        waiting = [];
      } while (readAgain);
    } catch (error) {
      if (!stopped) post({ type: 'error', message: describe(error) });
    } finally {
      reading = false;
    }
  }

  // Any context's commit to these tables re-reads the library (the index re-reads changed rows only).
  const unwatch = watchTables(db, ['articles', 'notes', 'highlights', 'noteConflicts'], () => {
    void readAll();
  });

  // The notes are counted for the progress line ("searching n of N") of the first answers.
  void Promise.all([loadRecentRows(db, FIRST_SCREEN), db.notes.count()])
    .then(([rows, notes]) => {
      if (loaded || stopped) return;
      loaded = true;
      engine.expect(notes);
      engine.setRows(rows, false);
      answer();
    })
    .catch(() => undefined) // the full read below reports the error
    .finally(() => void readAll());

  return {
    handle(message) {
      if (!isToWorker(message)) {
        post({ type: 'error', message: 'malformed message to the library worker' });
        return;
      }
      if (message.type === 'query') {
        current = { query: message.query, seq: message.seq };
        answer();
        return;
      }
      if (loadedAll) sendRows(message);
      else waiting.push(message);
    },
    stop() {
      stopped = true;
      unwatch();
      db.close();
    },
  };
}
