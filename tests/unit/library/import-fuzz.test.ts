import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKUP_TABLES, type Backup } from '@/utils/library/backup-schema';
import type {
  Highlight,
  JakLensDB,
  Note,
  NoteConflict,
  NoteContent,
  TrashedNote,
} from '@/utils/storage/db';
import { readBackup, serializeBackup } from '@/utils/library/export-json';
import { parseBackup } from '@/utils/library/import-json';
import { planImport, sameValue } from '@/utils/library/import-plan';
import { dumpDatabase, restoreDatabase } from '../../support/db-dump';
import { generateLibrary, seedLibrary } from '../../support/library-data';
import { backupScenario, mutateBackup } from '../../support/backup-mutations';
import { freshDatabase } from '../../support/fresh-database';

/**
 * The importer against random mutations of a real export. A valid backup is written by the real
 * exporter from a seeded database; each run mutates it (keys deleted, types changed, hostile or huge
 * strings, duplicated records, truncation, flipped characters, random JSON, arrays and objects
 * swapped, other format versions, deep nesting, `__proto__`/`constructor` keys) and imports it into a
 * database that already holds the reader's own data. Either the import is refused with an error that
 * names the problem, and a dump of every table is unchanged; or it is applied, the result exports to
 * a valid backup that round-trips, and no note the reader had (nor any imported one) is lost.
 */

// Hundreds of database round trips: a few seconds alone, more on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const NOW = 1_760_000_000_000;
/** Fixed, so a run is repeatable; FUZZ_SEED / FUZZ_RUNS explore further (fast-check prints the seed). */
const SEED = Number(process.env.FUZZ_SEED) || 20_251_126;
const RUNS = Number(process.env.FUZZ_RUNS) || 250;

type Dump = Record<string, unknown[]>;

/** What a refusal must say: where (record and field, or the top-level field) or what is wrong. */
const CLEAR_ERROR =
  /^(record (articles|notes|noteConflicts|trash|highlights|recent)\[\d+\], field \S|field \S|The file is not valid JSON|The file is not a JAK Lens backup|The backup was written by a newer JAK Lens|Unknown backup format version|The file is larger than)/;

/** The reader's library that gets exported: generated articles, notes with tags, highlights, plus a
 * conflict copy, a trashed note and recent entries (every table of the backup has rows). */
async function seedSource(db: JakLensDB): Promise<void> {
  const data = generateLibrary(5, NOW - 90 * 86_400_000);
  data.notes[2] = { ...data.notes[2]!, body: '<script>alert(1)</script> kept as text' };
  await seedLibrary(db, data);
  const [first, second] = data.notes as [Note, Note];
  await db.noteConflicts.put({
    id: 'copy-1',
    articleKey: first.articleKey,
    body: 'Text from another tab',
    tags: ['dose'],
    status: 'to-read',
    baseRevision: 1,
    conflictOf: 2,
    createdAt: NOW - 86_400_000,
  });
  await db.trash.put({
    ...second,
    id: 'trash-1',
    body: 'A deleted note',
    deletedAt: NOW - 3_600_000,
    reason: 'deleted',
    highlights: data.highlights.slice(0, 1),
  });
  await db.recent.bulkPut(
    data.articles.slice(0, 3).map((a) => ({
      key: a.key,
      pmid: a.pmid,
      title: a.title,
      url: a.url,
      seenAt: a.lastSeen,
    })),
  );
}

/**
 * The database the backup is imported into: the reader's own notes, some on the same articles as
 * the backup with other text (one older, one newer than the backup's), a highlight of the same id
 * with another comment, conflict copies and trash that clash by id, and a cached record.
 */
function targetBaseline(source: Backup): Dump {
  const [n0, n1] = source.notes as [Note, Note];
  const localNotes: Note[] = [
    { ...n0, body: 'My own newer text', tags: ['mine'], revision: n0.revision + 5 },
    { ...n1, body: 'My own older text', revision: 1, updatedAt: n1.updatedAt - 1000 },
    {
      articleKey: 'pmid:99999999',
      body: 'A note only this profile has',
      tags: ['local'],
      status: 'read',
      revision: 3,
      createdAt: NOW - 5000,
      updatedAt: NOW - 4000,
    },
  ];
  const h = source.highlights.find((x) => x.comment) as Highlight;
  const copy = source.noteConflicts[0] as NoteConflict;
  const { highlights: _, ...trashed } = source.trash[0] as TrashedNote;
  return {
    articles: [{ ...source.articles[0]!, lastSeen: source.articles[0]!.lastSeen + 1 }],
    notes: localNotes,
    noteConflicts: [{ ...copy, body: 'A clashing local copy' }],
    trash: [{ ...trashed, body: 'A clashing local trash entry' }],
    highlights: [{ ...h, comment: 'My own comment', updatedAt: h.updatedAt - 1 }],
    recent: [],
    records: [
      {
        pmid: '34563217',
        fetchedAt: NOW - 60_000,
        article: {
          title: 'Cached title',
          abstract: '',
          mesh: [],
          substances: [],
          keywords: [],
          publicationTypes: [],
        },
      },
    ],
  };
}

// ---- checks ---------------------------------------------------------------------------------

const sameContent = (a: NoteContent, b: NoteContent) =>
  a.body === b.body && a.status === b.status && sameValue(a.tags, b.tags);

/** A note's text is still somewhere: the note itself or a conflict copy of the same article. */
function kept(note: Note, after: Dump): boolean {
  const notes = after.notes as Note[];
  const copies = after.noteConflicts as NoteConflict[];
  return (
    notes.some((n) => n.articleKey === note.articleKey && sameContent(n, note)) ||
    copies.some((c) => c.articleKey === note.articleKey && sameContent(c, note))
  );
}

function prototypeKeys(): string[] {
  return [Object.prototype, Array.prototype].flatMap((p) => Object.getOwnPropertyNames(p));
}

describe('import fuzzing: random mutations of a real export', () => {
  let source: JakLensDB;
  let db: JakLensDB;
  let copy: JakLensDB;
  let valid: string;
  let baseline: Dump;
  const protoBefore = prototypeKeys();

  beforeAll(async () => {
    source = freshDatabase('fuzz-source');
    db = freshDatabase('fuzz-target');
    copy = freshDatabase('fuzz-copy');
    await seedSource(source);
    const backup = await readBackup(source, undefined, NOW);
    valid = serializeBackup(backup);
    baseline = targetBaseline(backup);
  });
  afterAll(async () => {
    await Promise.all([source?.delete(), db?.delete(), copy?.delete()]);
  });

  it('starts from a valid export that fills every table and clashes with the target', async () => {
    const parsed = parseBackup(valid);
    if (!parsed.ok) throw new Error(parsed.error);
    for (const table of BACKUP_TABLES) expect(parsed.backup[table].length).toBeGreaterThan(0);
    await restoreDatabase(db, baseline);
    const plan = await planImport(db, valid, NOW);
    if (!plan.ok) throw new Error(plan.error);
    // The local newer note wins, the backup's older one becomes a copy; and the other way round.
    expect(plan.preview.notes.conflicts).toBe(2);
    expect(plan.preview.highlights.conflicts).toBe(1);
    expect(plan.preview.noteConflicts.conflicts).toBe(1);
    expect(plan.preview.trash.conflicts).toBe(1);
  });

  it('imports cleanly or refuses with the problem named, changing nothing', async () => {
    const outcomes = { imported: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(backupScenario(NOW), async (change) => {
        const log: string[] = [];
        const text = mutateBackup(valid, change, log);
        try {
          await check(text);
        } catch (error) {
          const mutated = log.join('; ') || 'no change';
          throw new Error(`${String(error)}\n  mutations: ${mutated}`, { cause: error });
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    if (process.env.FUZZ_SEED) console.log(outcomes);
    // Both outcomes were exercised, so neither half of the property passed vacuously.
    expect(outcomes.imported).toBeGreaterThan(RUNS / 20);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 4);

    async function check(text: string) {
      await restoreDatabase(db, baseline);
      const before = await dumpDatabase(db);
      const plan = await planImport(db, text, NOW);
      if (!plan.ok) {
        outcomes.refused++;
        expect(plan.error).toMatch(CLEAR_ERROR);
        expect(plan.error.length).toBeLessThan(400);
        expect(await dumpDatabase(db)).toEqual(before);
        expect(prototypeKeys()).toEqual(protoBefore);
        return;
      }
      outcomes.imported++;
      try {
        await plan.apply();
      } catch (error) {
        // A validated backup must apply; if it does not, the transaction must have rolled back.
        expect(await dumpDatabase(db)).toEqual(before);
        throw error;
      }
      const after = await dumpDatabase(db);
      expect(prototypeKeys()).toEqual(protoBefore);
      // The cache is not user data: an import never touches it.
      expect(after.records).toEqual(before.records);

      // No note is lost: every note the reader had, and every imported one, is a note or a copy.
      for (const note of [...(before.notes as Note[]), ...plan.backup.notes]) {
        expect(kept(note, after), `note of ${note.articleKey} kept`).toBe(true);
      }
      // On a clash the newer revision (then the later edit) is the note; the other is the copy.
      for (const incoming of plan.backup.notes) {
        const stored = (before.notes as Note[]).find((n) => n.articleKey === incoming.articleKey);
        if (!stored || sameContent(stored, incoming)) continue;
        const note = (after.notes as Note[]).find((n) => n.articleKey === incoming.articleKey)!;
        const incomingWins =
          incoming.revision > stored.revision ||
          (incoming.revision === stored.revision && incoming.updatedAt > stored.updatedAt);
        expect(sameContent(note, incomingWins ? incoming : stored)).toBe(true);
        expect(note.revision).toBe(
          incomingWins ? Math.max(incoming.revision, stored.revision + 1) : stored.revision,
        );
      }
      // Conflict copies and trash are never overwritten; highlight comments are kept.
      for (const table of ['noteConflicts', 'trash'] as const) {
        for (const row of before[table]!) expect(after[table]).toContainEqual(row);
      }
      for (const mark of before.highlights as Highlight[]) {
        const same = (after.highlights as Highlight[]).filter(
          (h) => h.articleKey === mark.articleKey,
        );
        expect(same.map((h) => h.comment)).toContain(mark.comment);
      }

      // The result exports to a valid backup, which imports into an empty profile unchanged.
      const exported = serializeBackup(await readBackup(db, undefined, NOW));
      const reparsed = parseBackup(exported);
      if (!reparsed.ok) throw new Error(`re-export does not validate: ${reparsed.error}`);
      await restoreDatabase(copy, {});
      const again = await planImport(copy, exported, NOW);
      if (!again.ok) throw new Error(again.error);
      await again.apply();
      const { records: _, ...copied } = await dumpDatabase(copy);
      const { records: __, ...original } = after;
      expect(copied).toEqual(original);
    }
  });
});
