/**
 * The library's search service (run by library.worker.ts, off the page's main thread): reads every
 * annotated article of `db`, keeps the search index and answers the page's queries
 * (utils/library/engine.ts). At 50,000 articles reading and indexing takes seconds and a search
 * scans megabytes of text; in the worker neither freezes the page.
 *
 * Order of work: the rows of the most recently edited notes first (one indexed read, drawn at once),
 * then the whole library, read again whenever any context commits to its tables (the index re-reads
 * only rows that changed). The page's latest query is answered again after each read.
 * Messages are checked, and a malformed one is answered with an error rather than acted on.
 */
import { LibraryEngine, type LibraryQuery } from '@/utils/library/engine';
import { loadLibraryRows, loadRecentRows } from '@/utils/library/query';
import type { JakLensDB } from '@/utils/storage/db';
import { watchTables } from '@/utils/storage/watch';
import { isToWorker, type FromWorker, type ToWorker } from './library-protocol';

/** Rows in the first screen: the page draws at most this many before "Show more". */
const FIRST_SCREEN = 100;

export interface LibraryService {
  /** One message from the page, checked here. */
  handle(message: unknown): void;
  /** Stops watching the database and closes it. */
  stop(): void;
}

export function startLibraryService(
  db: JakLensDB,
  post: (message: FromWorker) => void,
): LibraryService {
  const engine = new LibraryEngine();
  let current: { query: LibraryQuery; seq: number } | undefined;
  /** Row requests (exports) wait for the whole library: an export of the first screen would be short. */
  let waiting: ToWorker[] = [];
  /** Nothing is answered before the first read: an empty answer would say "no articles". */
  let loaded = false;
  let loadedAll = false;
  let stopped = false;

  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  function answer(): void {
    if (current && loaded && !stopped)
      post({ type: 'result', result: engine.run(current.query, current.seq) });
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

  /** Reads every row (again, if the database changed meanwhile) and answers the latest query. */
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
        const rows = await loadLibraryRows(db);
        if (stopped) return;
        loaded = loadedAll = true;
        engine.setRows(rows, true);
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

  void loadRecentRows(db, FIRST_SCREEN)
    .then((rows) => {
      if (loadedAll || stopped) return;
      loaded = true;
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
