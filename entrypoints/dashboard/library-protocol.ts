import type { LibraryQuery, LibraryResult } from '@/utils/library/engine';
import type { LibraryRow } from '@/utils/library/query';

/**
 * Messages between the library page and its worker (library.worker.ts). The page sends its query
 * whenever it changes (numbered, so a late answer to an older query is recognised) and asks for
 * whole row sets when it exports; the worker answers the latest query again whenever the database
 * changes.
 */
export type ToWorker =
  | { type: 'query'; seq: number; query: LibraryQuery }
  | { type: 'rows'; id: number; keys: 'all' | 'shown' | string[] };

export type FromWorker =
  | { type: 'result'; result: LibraryResult }
  | { type: 'rows'; id: number; rows: LibraryRow[]; complete: boolean }
  | { type: 'error'; message: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';

/** The worker's check of what the page sent (the shapes above, nothing else). */
export function isToWorker(message: unknown): message is ToWorker {
  if (!isRecord(message)) return false;
  if (message.type === 'query') {
    const q = message.query;
    return (
      Number.isInteger(message.seq) &&
      isRecord(q) &&
      isString(q.query) &&
      isRecord(q.filter) &&
      Object.values(q.filter).every((v) => v === undefined || isString(v)) &&
      (q.sort === 'edited' || q.sort === 'year' || q.sort === 'title') &&
      Number.isInteger(q.limit) &&
      (q.open === undefined || isString(q.open))
    );
  }
  if (message.type === 'rows') {
    const keys = message.keys;
    return (
      Number.isInteger(message.id) &&
      (keys === 'all' || keys === 'shown' || (Array.isArray(keys) && keys.every(isString)))
    );
  }
  return false;
}
