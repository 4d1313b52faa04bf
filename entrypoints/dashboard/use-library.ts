import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LibraryQuery, LibraryResult } from '@/utils/library/engine';
import type { LibraryRow } from '@/utils/library/query';
import type { JakLensDB } from '@/utils/storage/db';
import type { FromWorker, ToWorker } from './library-protocol';

/**
 * The library's rows, from its worker (library.worker.ts): posts `query` whenever it changes and
 * returns the latest answer (an answer to an older query is dropped once a newer one has been
 * shown). `rowsOf` fetches whole row sets for exports. The worker lives as long as the component.
 */
export function useLibrary(
  db: JakLensDB,
  query: LibraryQuery,
): {
  result: LibraryResult | undefined;
  error: string | undefined;
  rowsOf: (keys: 'all' | 'shown' | string[]) => Promise<LibraryRow[]>;
} {
  const [result, setResult] = useState<LibraryResult>();
  const [error, setError] = useState<string>();
  const worker = useRef<Worker | undefined>(undefined);
  const seq = useRef(0);
  const pending = useRef(new Map<number, (rows: LibraryRow[]) => void>());

  // Started before the page's first paint (a layout effect), and before the query below is posted.
  useLayoutEffect(() => {
    // The worker opens the page's database by name (the name is all a worker can be given).
    const w = new Worker(new URL('./library.worker.ts', import.meta.url), {
      type: 'module',
      name: db.name,
    });
    worker.current = w;
    w.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'result') {
        setResult((shown) => (shown && shown.seq > message.result.seq ? shown : message.result));
        setError(undefined);
      } else if (message.type === 'rows') {
        pending.current.get(message.id)?.(message.rows);
        pending.current.delete(message.id);
      } else setError(message.message);
    });
    w.addEventListener('error', (event) => setError(event.message || 'the library worker failed'));
    return () => {
      w.terminate();
      worker.current = undefined;
    };
  }, [db]);

  const { query: text, filter, sort, limit, open } = query;
  // Posted as soon as the page has rendered the change, not after the next paint (useEffect): a
  // keystroke's query reaches the worker a frame earlier.
  useLayoutEffect(() => {
    const message: ToWorker = { type: 'query', seq: ++seq.current, query };
    worker.current?.postMessage(message);
  }, [text, filter, sort, limit, open]);

  const rowsOf = (keys: 'all' | 'shown' | string[]) =>
    new Promise<LibraryRow[]>((resolve, reject) => {
      const w = worker.current;
      if (!w) return reject(new Error('the library is closed'));
      const id = ++seq.current;
      pending.current.set(id, resolve);
      const message: ToWorker = { type: 'rows', id, keys };
      w.postMessage(message);
    });

  return { result, error, rowsOf };
}
