import type { JournalArea } from '@/utils/storage/journals/comment-journal';

/** One call made on the area, in the order made. */
export type AreaCall = { op: 'set'; key: string; value: unknown } | { op: 'remove'; key: string };

/**
 * A storage.local stand-in for the comment journals: a Map, and `calls`, which records each write
 * as it is made (from the call itself, before any await), so a test can tell that the journal wrote
 * before the tab could close.
 */
export function memoryStorageArea() {
  const items = new Map<string, unknown>();
  const calls: AreaCall[] = [];
  const area: JournalArea = {
    get: async (key) =>
      key === null ? Object.fromEntries(items) : items.has(key) ? { [key]: items.get(key) } : {},
    set(entries) {
      for (const [key, value] of Object.entries(entries)) {
        calls.push({ op: 'set', key, value });
        items.set(key, structuredClone(value));
      }
      return Promise.resolve();
    },
    remove(key) {
      calls.push({ op: 'remove', key });
      items.delete(key);
      return Promise.resolve();
    },
  };
  return { area, items, calls };
}
