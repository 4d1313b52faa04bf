import type { JakLensDB } from '@/utils/storage/db';

/** Every table utils/db.ts declares, so a dump that misses one fails instead of passing quietly. */
export const DB_TABLES = [
  'recent',
  'articles',
  'notes',
  'noteConflicts',
  'trash',
  'highlights',
  'records',
] as const;

/**
 * Every row of every table of the database, in primary-key order: "nothing was written" then covers
 * tables a code path should not touch too. Throws if the schema has a table this list lacks.
 */
export async function dumpDatabase(db: JakLensDB): Promise<Record<string, unknown[]>> {
  const names = db.tables.map((t) => t.name).sort();
  if (names.join() !== [...DB_TABLES].sort().join()) {
    throw new Error(`dumpDatabase: the schema's tables are ${names.join(', ')}; update DB_TABLES`);
  }
  const entries = await db.transaction('r', db.tables, () =>
    Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)),
  );
  return Object.fromEntries(entries);
}

/** Empties every table and writes `dump` back (one transaction). */
export async function restoreDatabase(
  db: JakLensDB,
  dump: Record<string, unknown[]>,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      await table.bulkPut(dump[table.name] ?? []);
    }
  });
}
