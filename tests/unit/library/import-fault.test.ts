import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planImport } from '@/utils/library/import-plan';
import { describeError } from '@/utils/messaging/background-handler';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import { dumpDatabase } from '../../support/db-dump';
import { readFixture } from '../../support/fixtures';

/**
 * Fault injection: the disk fills up in the middle of an import. IndexedDB then fails the write with a
 * QuotaExceededError; whichever write it is, the import must leave every table as it was (one
 * transaction), and say why in words a reader understands.
 */

const VALID = readFixture('imports/valid-v1.json');

/**
 * An older state of the same library: other note text and titles, and no highlights, trash, conflict
 * copies or recent list yet, so importing VALID over it writes to every table.
 */
function olderCopy(): string {
  const backup = JSON.parse(VALID);
  for (const note of backup.notes) note.body = `${note.body} (older draft)`;
  for (const article of backup.articles) article.title = `${article.title} (old title)`;
  for (const table of ['noteConflicts', 'trash', 'highlights', 'recent']) backup[table] = [];
  return JSON.stringify(backup);
}

const NOW = Date.parse('2026-12-03T12:00:00Z');

/** A dump with the random ids of conflict copies left out (each import draws new ones), sorted. */
function withoutConflictIds(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  return {
    ...dump,
    noteConflicts: dump
      .noteConflicts!.map((row) => JSON.stringify({ ...(row as object), id: '(random)' }))
      .sort(),
  };
}

type Put = IDBObjectStore['put'];
type Add = IDBObjectStore['add'];

/**
 * Counts every IndexedDB write (put/add) and fails the `failAt`-th one as a full disk does. Restores
 * the real methods when called again.
 */
function injectQuotaError(failAt: number): { writes: () => number; restore: () => void } {
  const proto = IDBObjectStore.prototype;
  const realPut: Put = proto.put;
  const realAdd: Add = proto.add;
  let writes = 0;
  const fail = () => {
    writes += 1;
    if (writes === failAt) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
  };
  proto.put = function (this: IDBObjectStore, ...args: Parameters<Put>) {
    fail();
    return realPut.apply(this, args);
  };
  proto.add = function (this: IDBObjectStore, ...args: Parameters<Add>) {
    fail();
    return realAdd.apply(this, args);
  };
  return {
    writes: () => writes,
    restore: () => {
      proto.put = realPut;
      proto.add = realAdd;
    },
  };
}

async function seeded(): Promise<JakLensDB> {
  const db = openDatabase(`test-${crypto.randomUUID()}`);
  const seed = await planImport(db, olderCopy());
  if (!seed.ok) throw new Error(seed.error);
  await seed.apply();
  return db;
}

describe('an import that fails halfway (QuotaExceededError on the Nth write)', () => {
  let db: JakLensDB;
  let restore = () => {};
  beforeEach(async () => {
    db = await seeded();
  });
  afterEach(async () => {
    restore();
    await db.delete();
  });

  /** How many writes the whole import makes, measured on a copy with nothing failing. */
  async function wholeImport(): Promise<{ writes: number; after: Record<string, unknown[]> }> {
    const copy = await seeded();
    const probe = injectQuotaError(Number.POSITIVE_INFINITY);
    try {
      const plan = await planImport(copy, VALID, NOW);
      if (!plan.ok) throw new Error(plan.error);
      await plan.apply();
      return { writes: probe.writes(), after: await dumpDatabase(copy) };
    } finally {
      probe.restore();
      await copy.delete();
    }
  }

  it('leaves every table unchanged whichever write fails: first, each one between, last', async () => {
    const { writes: total } = await wholeImport();
    // Two articles, a conflict copy, a trash entry, a highlight, a recent entry at least.
    expect(total).toBeGreaterThanOrEqual(6);
    const before = await dumpDatabase(db);
    expect(before.notes).toHaveLength(2);

    for (let failAt = 1; failAt <= total; failAt++) {
      const plan = await planImport(db, VALID, NOW);
      if (!plan.ok) throw new Error(plan.error);
      const injected = injectQuotaError(failAt);
      restore = injected.restore;
      const outcome = await plan.apply().then(
        () => 'applied',
        (error: unknown) => describeError(error),
      );
      injected.restore();
      expect(outcome, `write ${failAt} of ${total}`).toMatch(
        /^QuotaExceededError: the browser has no room left to store notes/,
      );
      expect(await dumpDatabase(db), `write ${failAt} of ${total}`).toEqual(before);
    }
  });

  it('imports in full once the disk has room again, as if nothing had failed', async () => {
    const { after: expected } = await wholeImport();
    const plan = await planImport(db, VALID, NOW);
    if (!plan.ok) throw new Error(plan.error);
    const injected = injectQuotaError(2);
    restore = injected.restore;
    await expect(plan.apply()).rejects.toBeDefined();
    injected.restore();

    const again = await planImport(db, VALID, NOW);
    if (!again.ok) throw new Error(again.error);
    await again.apply();
    expect(withoutConflictIds(await dumpDatabase(db))).toEqual(withoutConflictIds(expected));
  });
});
