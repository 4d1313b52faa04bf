import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { JakLensDB } from '@/utils/storage/db';

/**
 * A save while the database upgrade is blocked: another page (a JAK Lens tab left from before an
 * update) keeps the previous version open and does not let go. The save must not hang, must not be
 * queued to land later behind the editor's back, and must say why; once the other page closes, the
 * editor's retry stores the text.
 */
const articleKey = 'pmid:34563217';
const save = {
  type: 'note/save',
  articleKey,
  body: 'Typed while another tab held the old database',
  tags: [],
  status: 'reading',
  baseRevision: 0,
};

/** The current schema minus its last version, opened the way an old build of JAK Lens opened it. */
async function openOlderVersion(name: string): Promise<Dexie> {
  const current = new JakLensDB(`probe-${crypto.randomUUID()}`);
  const older = new Dexie(name);
  for (const version of [1, 2, 3]) older.version(version).stores(storesOf(version));
  await older.open();
  expect(older.verno).toBe(current.verno - 1);
  // A page that ignores the upgrade request (hung, or frozen in the background): it keeps the
  // connection open instead of Dexie's default of closing it.
  older.on('versionchange', () => false);
  return older;
}

function storesOf(version: number): Record<string, string> {
  const all: Record<number, Record<string, string>> = {
    1: { recent: 'key, seenAt', articles: 'key, pmid, lastSeen' },
    2: {
      notes: 'articleKey, updatedAt, status, *tags',
      noteConflicts: 'id, articleKey',
      trash: 'id, articleKey, deletedAt',
      highlights: 'id, articleKey',
    },
    3: { records: 'pmid, fetchedAt' },
  };
  return all[version]!;
}

describe('a save during a blocked database upgrade', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0)) await step();
  });

  it('answers at once that another page holds the old version, queues nothing, and saves on retry once it closes', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    const older = await openOlderVersion(name);
    const db = new JakLensDB(name);
    cleanup.push(() => db.delete());
    const handle = createMessageHandler({
      db,
      isRecordingRecent: async () => true,
      now: () => 7,
      upgradePatienceMs: 50,
    });

    const refused = await handle(save);
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^DatabaseBlockedError: another JAK Lens page still has the notes database open in an older version/,
      ),
    });
    // Asked again while still blocked: the same answer, not a hang.
    expect((await handle(save)).ok).toBe(false);

    older.close();
    const saved = await handle(save);
    expect(saved).toMatchObject({ ok: true, data: { status: 'saved', note: { revision: 1 } } });
    // The refused attempts were not queued behind the upgrade: one note, at its first revision.
    expect(await db.notes.toArray()).toEqual([
      expect.objectContaining({ articleKey, body: save.body, revision: 1 }),
    ]);
    expect(await db.noteConflicts.count()).toBe(0);
  });

  it('upgrades and saves at once when the older page has already closed', async () => {
    const name = `unblocked-${crypto.randomUUID()}`;
    const older = await openOlderVersion(name);
    older.close();
    const db = new JakLensDB(name);
    cleanup.push(() => db.delete());
    const handle = createMessageHandler({
      db,
      isRecordingRecent: async () => true,
      upgradePatienceMs: 50,
    });
    expect(await handle(save)).toMatchObject({ ok: true, data: { status: 'saved' } });
  });
});
