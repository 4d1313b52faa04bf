import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JakLensDB } from '@/utils/storage/db';
import { loadLibraryRows } from '@/utils/library/load-rows';
import { buildLibraryRows, sortRows } from '@/utils/library/query';
import { generateLibrary, seedLibrary } from '../../support/library-data';
import { freshDatabase } from '../../support/fresh-database';

describe('library rows from the database', () => {
  const data = generateLibrary(9);
  const rows = buildLibraryRows(data.articles, data.notes, data.highlights);
  let db: JakLensDB;
  beforeEach(() => {
    db = freshDatabase();
  });
  afterEach(() => db.delete());

  it('loads the same rows as the pure join', async () => {
    await seedLibrary(db, data);
    const loaded = await loadLibraryRows(db);
    expect(sortRows(loaded, 'title')).toEqual(sortRows(rows, 'title'));
  });
});
