import Dexie from 'dexie';

/**
 * Calls `onChange` whenever any context of the extension's origin commits a change to one of
 * `tables` of `db` (Dexie's cross-context "storagemutated" event, carried by a BroadcastChannel).
 * Unlike a `liveQuery` it records nothing about what was read, which for a read of every row of a
 * 50,000-row table is most of the cost. Returns the unsubscribe function.
 */
export function watchTables(
  db: Dexie,
  tables: readonly string[],
  onChange: () => void,
): () => void {
  const prefixes = tables.map((t) => `idb://${db.name}/${t}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
