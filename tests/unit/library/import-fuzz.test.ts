import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKUP_TABLES, type Backup } from '@/utils/library/backup-schema';
import {
  openDatabase,
  type Highlight,
  type JakLensDB,
  type Note,
  type NoteConflict,
  type NoteContent,
  type TrashedNote,
} from '@/utils/storage/db';
import { readBackup, serializeBackup } from '@/utils/library/export-json';
import { parseBackup } from '@/utils/library/import-json';
import { planImport, sameValue } from '@/utils/library/import-plan';
import { dumpDatabase, restoreDatabase } from '../../support/db-dump';
import { generateLibrary, seedLibrary } from '../../support/library-data';
import { HOSTILE_STRINGS } from '../../support/message-arbitraries';

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

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];
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

// ---- mutations ------------------------------------------------------------------------------

/** Every path into `value` (the root excluded), depth first. */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => (out.push([...prefix, i]), pathsOf(item, [...prefix, i], out)));
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([...prefix, key]);
      pathsOf(value[key]!, [...prefix, key], out);
    }
  }
  return out;
}

function parentOf(root: Json, path: Path): [Record<string | number, Json>, string | number] {
  let node = root as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  return [node, path[path.length - 1]!];
}

/** Sets an own property even for "__proto__" (plain assignment would set the prototype instead). */
function setOwn(target: Record<string | number, Json>, key: string | number, value: Json) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function pick<T>(items: readonly T[], selector: number): T | undefined {
  return items.length ? items[selector % items.length] : undefined;
}

/** `depth` arrays and objects nested inside each other around `inner`, as JSON text (built as
 * text: JSON.stringify itself would overflow the stack on a value this deep). */
function nestedText(depth: number, inner: Json): string {
  const open = Array.from({ length: depth }, (_, i) => (i % 2 ? '{"deeper":' : '[')).join('');
  const close = Array.from({ length: depth }, (_, i) => (i % 2 ? '}' : ']'))
    .reverse()
    .join('');
  return open + JSON.stringify(inner) + close;
}

/** Deeply nested values of the current run; the backup holds `"<NEST><index>"` in their place
 * until it is turned into text. */
const NEST = 'jl-fuzz-nested-value-';
const nests: string[] = [];

const otherValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, '', '1', [], {}, [1, 2], { a: 1 }),
  fc.integer() as fc.Arbitrary<Json>,
  fc.double({ noNaN: true, noDefaultInfinity: true }) as fc.Arbitrary<Json>,
  fc.string() as fc.Arbitrary<Json>,
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(1_000, 2_001, 20_001, 200_001, 1_000_000).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('line\nbreak', 'pmid:', 'pmid:1<b>', 'doi:10.', 'javascript:void(0)', 'https://'),
);

const strangeKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id'),
  fc.string({ maxLength: 12 }),
);

/** A change to the parsed backup (the selector picks where); it logs what it did. */
type Mutation = (root: Json, log: string[]) => void;

const at = (path: Path) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
const short = (value: unknown) => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 60)}… (${json.length} chars)` : json;
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Delete a key or an array element.
  fc.nat().map((s) => (root: Json, log: string[]) => {
    const path = pick(pathsOf(root), s);
    if (!path) return;
    const [parent, key] = parentOf(root, path);
    log.push(`delete ${at(path)}`);
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  }),
  // Change a value's type (or value).
  fc.tuple(fc.nat(), otherValue).map(([s, value]) => (root: Json, log: string[]) => {
    const path = pick(pathsOf(root), s);
    if (!path) return;
    const [parent, key] = parentOf(root, path);
    log.push(`set ${at(path)} = ${short(value)}`);
    setOwn(parent, key, value);
  }),
  // Replace a string with a huge or hostile one.
  fc.tuple(fc.nat(), hostileString).map(([s, value]) => (root: Json, log: string[]) => {
    const strings = pathsOf(root).filter((p) => {
      const [parent, key] = parentOf(root, p);
      return typeof parent[key] === 'string';
    });
    const path = pick(strings, s);
    if (!path) return;
    const [parent, key] = parentOf(root, path);
    log.push(`string ${at(path)} = ${short(value)}`);
    parent[key] = value;
  }),
  // Duplicate a record (as is, or with another text).
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([t, r, edit]) => (root: Json, log: string[]) => {
    const rows = (root as Record<string, Json>)[pick(BACKUP_TABLES, t)!];
    if (!Array.isArray(rows) || rows.length === 0) return;
    const copy = structuredClone(pick(rows, r)!);
    if (edit && copy && typeof copy === 'object' && !Array.isArray(copy) && 'body' in copy) {
      copy.body = 'A second text for the same key';
    }
    log.push(`duplicate ${pick(BACKUP_TABLES, t)}[${r % rows.length}]${edit ? ' (edited)' : ''}`);
    rows.push(copy);
  }),
  // Insert random JSON under a random (or prototype-like) key, or as an array element.
  fc
    .tuple(fc.nat(), strangeKey, otherValue)
    .map(([s, key, value]) => (root: Json, log: string[]) => {
      const containers = [[], ...pathsOf(root)].filter((p) => {
        const node = p.length ? parentOf(root, p)[0][p[p.length - 1]!] : root;
        return node !== null && typeof node === 'object';
      });
      const path = pick(containers, s)!;
      const node = (path.length ? parentOf(root, path)[0][path[path.length - 1]!] : root) as Json;
      log.push(`insert ${short(value)} into ${at(path) || '(root)'} as ${short(key)}`);
      if (Array.isArray(node)) node.splice(s % (node.length + 1), 0, value);
      else setOwn(node as Record<string, Json>, key, value);
    }),
  // Swap an array for an object and an object for an array.
  fc.nat().map((s) => (root: Json, log: string[]) => {
    const containers = pathsOf(root).filter((p) => {
      const [parent, key] = parentOf(root, p);
      return parent[key] !== null && typeof parent[key] === 'object';
    });
    const path = pick(containers, s);
    if (!path) return;
    const [parent, key] = parentOf(root, path);
    const node = parent[key]!;
    log.push(`swap array/object at ${at(path)}`);
    parent[key] = Array.isArray(node)
      ? Object.fromEntries(node.map((v, i) => [String(i), v]))
      : Object.values(node as Record<string, Json>);
  }),
  // Another format version.
  fc
    .oneof(
      fc.integer({ min: -3, max: 5 }),
      fc.constantFrom(0.5, 1.0000001, -0, 2 ** 53, 1e308, 99),
      fc.constantFrom<Json>('1', null, [1], { v: 1 }, true),
    )
    .map((version) => (root: Json, log: string[]) => {
      log.push(`version = ${short(version)}`);
      (root as Record<string, Json>).version = version as Json;
    }),
  // Nest deeply.
  fc
    .tuple(fc.nat(), fc.constantFrom(10, 500, 5_000), otherValue)
    .map(([s, depth, inner]) => (root: Json, log: string[]) => {
      const path = pick(pathsOf(root), s);
      if (!path) return;
      const [parent, key] = parentOf(root, path);
      log.push(`nest ${depth} deep at ${at(path)}`);
      nests.push(nestedText(depth, inner));
      setOwn(parent, key, `${NEST}${nests.length - 1}`);
    }),
  // A valid edit of a note, so imports that succeed still clash with the reader's notes.
  {
    weight: 3,
    arbitrary: fc
      .record({
        s: fc.nat(),
        body: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS)),
        revision: fc.integer({ min: 1, max: 12 }),
        updatedAt: fc.integer({ min: NOW - 1e10, max: NOW }),
      })
      .map(({ s, body, revision, updatedAt }) => (root: Json, log: string[]) => {
        const notes = (root as Record<string, Json>).notes;
        const note = Array.isArray(notes) ? pick(notes, s) : undefined;
        if (!note || typeof note !== 'object' || Array.isArray(note)) return;
        log.push(`edit note ${short(note.articleKey)}: revision ${revision}, body ${short(body)}`);
        Object.assign(note, { body, revision, updatedAt });
      }),
  },
);

/** A change to the file's text, after the JSON changes. */
const textMutation: fc.Arbitrary<(text: string, log: string[]) => string> = fc.oneof(
  // Truncated at a random byte (a multi-byte character may be cut in half).
  fc.double({ min: 0, max: 1, noNaN: true }).map((where) => (text: string, log: string[]) => {
    const bytes = Buffer.from(text, 'utf8');
    const end = Math.floor(bytes.length * where);
    log.push(`truncate at byte ${end} of ${bytes.length}`);
    return bytes.subarray(0, end).toString('utf8');
  }),
  // One character flipped.
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      fc.oneof(
        fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '0', '\u0000'),
        fc.string(),
      ),
    )
    .map(([where, c]) => (text: string, log: string[]) => {
      const i = Math.floor(text.length * where);
      log.push(`replace character ${i} (${short(text[i])}) with ${short(c)}`);
      return text.slice(0, i) + c + text.slice(i + 1);
    }),
);

const scenario = fc.record({
  mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
  // One file in four is also damaged as text (such files are nearly always refused).
  text: fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: textMutation, weight: 1 },
  ),
});

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
    source = openDatabase(`fuzz-source-${crypto.randomUUID()}`);
    db = openDatabase(`fuzz-target-${crypto.randomUUID()}`);
    copy = openDatabase(`fuzz-copy-${crypto.randomUUID()}`);
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
      fc.asyncProperty(scenario, async ({ mutations, text: textMutation }) => {
        const root = JSON.parse(valid) as Json;
        const log: string[] = [];
        nests.length = 0;
        for (const mutate of mutations) mutate(root, log);
        let text = JSON.stringify(root, null, 1).replace(
          new RegExp(`"${NEST}(\\d+)"`, 'g'),
          (_, index: string) => nests[Number(index)]!,
        );
        if (textMutation) text = textMutation(text, log);
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
