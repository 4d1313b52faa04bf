/**
 * Mutations of a JSON backup for the importer's fuzz test (tests/unit/library/import-fuzz.test.ts):
 * keys deleted, types changed, hostile or huge strings, duplicated records, random JSON under
 * prototype-like keys, arrays and objects swapped, other format versions, deep nesting, and damage
 * to the text (truncation, flipped characters). Each mutation logs what it did, so a failing run
 * says which file it imported.
 */
import fc from 'fast-check';
import { BACKUP_TABLES } from '@/utils/library/backup-schema';
import { HOSTILE_STRINGS } from './message-arbitraries';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

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

const mutation = (now: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
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
    fc
      .tuple(fc.nat(), fc.nat(), fc.boolean())
      .map(([t, r, edit]) => (root: Json, log: string[]) => {
        const rows = (root as Record<string, Json>)[pick(BACKUP_TABLES, t)!];
        if (!Array.isArray(rows) || rows.length === 0) return;
        const copy = structuredClone(pick(rows, r)!);
        if (edit && copy && typeof copy === 'object' && !Array.isArray(copy) && 'body' in copy) {
          copy.body = 'A second text for the same key';
        }
        log.push(
          `duplicate ${pick(BACKUP_TABLES, t)}[${r % rows.length}]${edit ? ' (edited)' : ''}`,
        );
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
          updatedAt: fc.integer({ min: now - 1e10, max: now }),
        })
        .map(({ s, body, revision, updatedAt }) => (root: Json, log: string[]) => {
          const notes = (root as Record<string, Json>).notes;
          const note = Array.isArray(notes) ? pick(notes, s) : undefined;
          if (!note || typeof note !== 'object' || Array.isArray(note)) return;
          log.push(
            `edit note ${short(note.articleKey)}: revision ${revision}, body ${short(body)}`,
          );
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

/** A backup change: up to three JSON mutations, then sometimes damage to the text. `now` bounds the
 * edit times of the valid note edits. */
export const backupScenario = (now: number) =>
  fc.record({
    mutations: fc.array(mutation(now), { minLength: 0, maxLength: 3 }),
    // One file in four is also damaged as text (such files are nearly always refused).
    text: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: textMutation, weight: 1 },
    ),
  });

/** `valid` (a backup's text) with `change` applied: parsed, mutated, written back, damaged as text. */
export function mutateBackup(
  valid: string,
  change: { mutations: Mutation[]; text: ((text: string, log: string[]) => string) | null },
  log: string[],
): string {
  const root = JSON.parse(valid) as Json;
  nests.length = 0;
  for (const mutate of change.mutations) mutate(root, log);
  const text = JSON.stringify(root, null, 1).replace(
    new RegExp(`"${NEST}(\\d+)"`, 'g'),
    (_, index: string) => nests[Number(index)]!,
  );
  return change.text ? change.text(text, log) : text;
}
