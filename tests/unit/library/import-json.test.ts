import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JakLensDB } from '@/utils/storage/db';
import { readBackup, serializeBackup } from '@/utils/library/export-json';
import { parseBackup } from '@/utils/library/import-json';
import { planImport } from '@/utils/library/import-plan';
import { readFixture } from '../../support/fixtures';
import { freshDatabase } from '../../support/fresh-database';

const file = (name: string) => readFixture(`imports/${name}`);

describe('parseBackup: the bad-file corpus', () => {
  it.each([
    ['truncated.json', /not valid JSON/],
    ['not-json.json', /not valid JSON/],
    ['wrong-format.json', /not a JAK Lens backup: field format is "zotero-export"/],
    ['newer-version.json', /newer JAK Lens \(format version 99\)/],
    ['version-as-text.json', /field version: "1" is not a format version number/],
    ['missing-field.json', /^record notes\[1\], field body: missing$/],
    ['wrong-type.json', /^record notes\[1\], field body: Expected string but received 42$/],
    ['missing-table.json', /^field highlights: missing$/],
    [
      'duplicate-record.json',
      /^record notes\[2\], field articleKey: "pmid:34563217" is also in notes\[0\]/,
    ],
    ['duplicate-json-key.json', /^record notes\[1\], field body: the key appears twice/],
    ['javascript-url.json', /^record articles\[1\], field url: must be an http\(s\) address/],
    ['html-in-key.json', /^record highlights\[0\], field articleKey: must be pmid:/],
    ['proto-key.json', /^record notes\[0\], field __proto__: unknown field/],
    // Found by tests/unit/library/import-fuzz.test.ts: the error quoted all 1,000 characters of the value.
    [
      'long-choice-value.json',
      /^record articles\[0\], field verdict\.relevance: Expected .*"core".* but received "x{39}…$/,
    ],
    // Found by the fuzzer: the field was named as "field  " (a blank name).
    ['blank-key.json', /^field " ": unknown field/],
    // Found by the fuzzer: quoting a value nested 10,000 deep overflowed the stack (a crash).
    ['deep-nesting.json', /^The file is not a JAK Lens backup: field format is a list, expected/],
  ])('%s → %s', (name, expected) => {
    const result = parseBackup(file(name));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(expected);
  });

  it('refuses a huge string with the record and field named', () => {
    const backup = JSON.parse(file('valid-v1.json'));
    backup.highlights[0].comment = 'x'.repeat(20_001);
    const result = parseBackup(JSON.stringify(backup));
    expect(result).toEqual({
      ok: false,
      error: 'record highlights[0], field comment: longer than 20000 characters',
    });
  });

  it.each([
    'javascript:alert(1)',
    'https://',
    'https://example.org/a b',
    'http://[',
    'ftp://x.org/',
  ])('refuses the article address %j with the record and field named', (url) => {
    const backup = JSON.parse(file('valid-v1.json'));
    backup.articles[0].url = url;
    expect(parseBackup(JSON.stringify(backup))).toEqual({
      ok: false,
      error: 'record articles[0], field url: must be an http(s) address',
    });
  });

  it('refuses a file that is not an object', () => {
    expect(parseBackup('[1,2]')).toMatchObject({ ok: false, error: /no backup object/ });
  });

  it('accepts the valid file and keeps markup in a note as text', () => {
    expect(parseBackup(file('valid-v1.json')).ok).toBe(true);
    const result = parseBackup(file('script-in-note.json'));
    expect(result.ok && result.backup.notes[0]!.body).toBe(
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
    );
  });
});

describe('planImport', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = freshDatabase();
  });
  afterEach(() => db.delete());

  const snapshot = async (target: JakLensDB) => {
    const { exportedAt: _, ...rest } = await readBackup(target);
    return rest;
  };

  it.each([
    'truncated.json',
    'wrong-type.json',
    'duplicate-json-key.json',
    'javascript-url.json',
    'newer-version.json',
  ])('writes nothing for %s', async (name) => {
    const seed = await planImport(db, file('valid-v1.json'));
    if (seed.ok) await seed.apply();
    const before = await snapshot(db);
    expect(before.notes).toHaveLength(2);
    const plan = await planImport(db, file(name));
    expect(plan.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it('previews, then applies in one go; export → import into an empty profile is identical', async () => {
    const plan = await planImport(db, file('valid-v1.json'));
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.preview.articles).toEqual({ adds: 2, updates: 0, conflicts: 0 });
    expect(plan.preview.notes.adds).toBe(2);
    expect(await db.notes.count()).toBe(0);
    expect(await plan.apply()).toEqual(plan.preview);
    const exported = serializeBackup(await readBackup(db));

    const empty = freshDatabase();
    const again = await planImport(empty, exported);
    if (!again.ok) throw new Error(again.error);
    await again.apply();
    expect(await snapshot(empty)).toEqual(await snapshot(db));
    const original = JSON.parse(file('valid-v1.json'));
    const { exportedAt: _, ...copied } = await readBackup(empty);
    for (const table of ['articles', 'notes', 'noteConflicts', 'trash', 'highlights', 'recent']) {
      expect(sortByJson(copied[table as keyof typeof copied] as unknown[])).toEqual(
        sortByJson(original[table]),
      );
    }
    await empty.delete();
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const first = await planImport(db, file('valid-v1.json'));
    if (first.ok) await first.apply();
    const before = await snapshot(db);
    const second = await planImport(db, file('valid-v1.json'));
    if (!second.ok) throw new Error(second.error);
    const changes = Object.values(second.preview).flatMap((c) => Object.values(c));
    expect(changes.every((n) => n === 0)).toBe(true);
    await second.apply();
    expect(await snapshot(db)).toEqual(before);
  });

  it('on a conflict the newer revision wins and the other text is kept as a conflict copy', async () => {
    const backup = JSON.parse(file('valid-v1.json'));
    await db.notes.put({ ...backup.notes[0], body: 'Local, older', revision: 2 });
    await db.notes.put({ ...backup.notes[1], body: 'Local, newer', revision: 5 });
    const plan = await planImport(db, JSON.stringify(backup), 1_750_000_000_000);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.preview.notes).toEqual({ adds: 0, updates: 0, conflicts: 2 });
    await plan.apply();
    const imported = await db.notes.get('pmid:34563217');
    expect(imported?.body).toBe(backup.notes[0].body);
    expect(imported?.revision).toBe(3);
    expect((await db.notes.get('doi:10.1000/xyz'))?.body).toBe('Local, newer');
    const copies = (await db.noteConflicts.toArray()).map((c) => c.body).sort();
    expect(copies).toEqual([
      'Case series, 4 adults.',
      'Local, older',
      'Older text from another tab',
    ]);
  });

  it('gives an imported winner a revision above the stored one, so open editors see a conflict', async () => {
    const backup = JSON.parse(file('valid-v1.json'));
    await db.notes.put({ ...backup.notes[0], body: 'Local', revision: 3, updatedAt: 1 });
    const plan = await planImport(db, JSON.stringify(backup));
    if (plan.ok) await plan.apply();
    expect((await db.notes.get('pmid:34563217'))?.revision).toBe(4);
  });

  it('keeps a differing highlight comment as its own highlight', async () => {
    const backup = JSON.parse(file('valid-v1.json'));
    await db.highlights.put({ ...backup.highlights[0], comment: 'mine', updatedAt: 1 });
    const plan = await planImport(db, JSON.stringify(backup));
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.preview.highlights.conflicts).toBe(1);
    await plan.apply();
    const comments = (await db.highlights.toArray()).map((h) => h.comment).sort();
    expect(comments).toEqual(['key mechanism', 'mine']);
  });
});

function sortByJson(rows: unknown[]): unknown[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
