import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { JakLensDB } from '@/utils/storage/db';
import { getNote, saveNote } from '@/utils/storage/notes-repository';
import { addHighlight, listHighlights } from '@/utils/storage/highlights-repository';

/**
 * Upgrades from every earlier schema version. Each case writes a database exactly as that version of
 * JAK Lens did (raw Dexie declaring only the stores of that time, copied here, never imported, so a
 * later edit of utils/db.ts cannot change what "version n" means), closes it, opens it with today's
 * JakLensDB and checks every row survived. When you add version n+1, add the case for version n with
 * rows in every table it has, notes above all.
 */
interface UpgradeCase {
  version: number;
  stores: Record<string, string>[];
  seed: (db: Dexie) => Promise<void>;
  check: (db: JakLensDB) => Promise<void>;
}

const v1Article = {
  key: 'pmid:34563217',
  pmid: '34563217',
  title: 'JAK inhibitors: a potential treatment for JDM',
  journal: 'Pediatr Rheumatol Online J',
  year: 2021,
  url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
  firstSeen: 1000,
  lastSeen: 2000,
};
const v1Doi = {
  key: 'doi:10.1000/xyz',
  doi: '10.1000/xyz',
  title: 'No PMID',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC1/',
  firstSeen: 5,
  lastSeen: 6,
};

const v2Note = {
  articleKey: v1Article.key,
  body: 'Baricitinib in refractory JDM: **read the dose table**',
  tags: ['drug:baricitinib', 'to cite'],
  status: 'key-paper',
  revision: 3,
  createdAt: 10,
  updatedAt: 30,
};
const v2Conflict = {
  id: '8a1f9c2e-1111-4c3b-9d2e-000000000001',
  articleKey: v1Article.key,
  body: 'older tab text',
  tags: [],
  status: 'reading',
  baseRevision: 2,
  conflictOf: 3,
  createdAt: 25,
};
const v2Trashed = {
  id: '8a1f9c2e-1111-4c3b-9d2e-000000000002',
  articleKey: 'pmid:1',
  body: 'deleted note',
  tags: [],
  status: 'read',
  revision: 1,
  createdAt: 1,
  updatedAt: 2,
  deletedAt: 3,
  reason: 'deleted',
};
const v2Highlight = {
  id: '8a1f9c2e-1111-4c3b-9d2e-000000000003',
  articleKey: v1Article.key,
  textQuote: { exact: 'interferon', prefix: 'type I ', suffix: ' signature' },
  textPosition: { start: 100, end: 110 },
  color: 'yellow',
  comment: 'key mechanism',
  createdAt: 4,
  updatedAt: 4,
};

const cases: UpgradeCase[] = [
  {
    version: 1,
    stores: [{ recent: 'key, seenAt', articles: 'key, pmid, lastSeen' }],
    seed: async (db) => {
      await db.table('articles').bulkPut([v1Article, v1Doi]);
      await db.table('recent').put({ ...v1Article, seenAt: 2000 });
    },
    check: async (db) => {
      expect(await db.articles.toArray()).toEqual(expect.arrayContaining([v1Article, v1Doi]));
      expect(await db.articles.count()).toBe(2);
      expect(await db.recent.toArray()).toEqual([{ ...v1Article, seenAt: 2000 }]);
      // The new tables exist and work on the upgraded database.
      await saveNote(db, {
        articleKey: v1Article.key,
        body: 'after upgrade',
        tags: [],
        status: 'to-read',
        baseRevision: 0,
      });
      expect(await getNote(db, v1Article.key)).toMatchObject({ body: 'after upgrade' });
      await addHighlight(db, {
        articleKey: v1Article.key,
        textQuote: { exact: 'JAK', prefix: '', suffix: '' },
        textPosition: { start: 0, end: 3 },
        color: 'yellow',
      });
      expect(await listHighlights(db, v1Article.key)).toHaveLength(1);
    },
  },
  {
    version: 2,
    stores: [
      { recent: 'key, seenAt', articles: 'key, pmid, lastSeen' },
      {
        notes: 'articleKey, updatedAt, status, *tags',
        noteConflicts: 'id, articleKey',
        trash: 'id, articleKey, deletedAt',
        highlights: 'id, articleKey',
      },
    ],
    seed: async (db) => {
      await db.table('articles').bulkPut([v1Article, v1Doi]);
      await db
        .table('notes')
        .bulkPut([v2Note, { ...v2Note, articleKey: v1Doi.key, body: 'second' }]);
      await db.table('noteConflicts').put(v2Conflict);
      await db.table('trash').put(v2Trashed);
      await db.table('highlights').put(v2Highlight);
    },
    check: async (db) => {
      expect(await db.articles.count()).toBe(2);
      expect(await db.notes.toArray()).toEqual(
        expect.arrayContaining([v2Note, { ...v2Note, articleKey: v1Doi.key, body: 'second' }]),
      );
      expect(await db.notes.count()).toBe(2);
      expect(await db.noteConflicts.toArray()).toEqual([v2Conflict]);
      expect(await db.trash.toArray()).toEqual([v2Trashed]);
      expect(await db.highlights.toArray()).toEqual([v2Highlight]);
      // The note index on tags still answers after the upgrade.
      expect(await db.notes.where('tags').equals('drug:baricitinib').count()).toBe(2);
    },
  },
];

describe('database upgrades', () => {
  const opened: Dexie[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });

  it('covers every version before the current one', () => {
    const current = new JakLensDB(`probe-${crypto.randomUUID()}`);
    expect(cases.map((c) => c.version)).toEqual(
      Array.from({ length: current.verno - 1 }, (_, i) => i + 1),
    );
  });

  it.each(cases)('upgrades a version $version database keeping every row', async (c) => {
    const name = `upgrade-${c.version}-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    c.stores.forEach((stores, i) => old.version(i + 1).stores(stores));
    await old.open();
    expect(old.verno).toBe(c.version);
    await c.seed(old);
    old.close();

    const db = new JakLensDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(new JakLensDB(`probe-${crypto.randomUUID()}`).verno);
    await c.check(db);
  });
});
