import { openDatabase, type JakLensDB } from '@/utils/storage/db';

/**
 * A new, empty JAK Lens database (fake-indexeddb in unit tests) under a unique name, so no two tests
 * share state. `prefix` only helps reading a failure ("fuzz-source-…").
 */
export function freshDatabase(prefix = 'test'): JakLensDB {
  return openDatabase(`${prefix}-${crypto.randomUUID()}`);
}
