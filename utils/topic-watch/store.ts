/**
 * PubMed watches and the papers they found, in the extension's database (tables `topicWatches` and
 * `watchPapers`, db v4). A paper is stored once per PMID: a later check, or another watch, that finds
 * it again only adds its watch id, so the reader's "seen" / "not relevant" is never undone.
 */
import type { JakLensDB } from '../storage/db';
import {
  comparePapers,
  DEFAULT_WATCH,
  type PaperStatus,
  type TopicWatch,
  type WatchInput,
  type WatchPaper,
} from './model';

export async function listWatches(db: JakLensDB): Promise<TopicWatch[]> {
  return (await db.topicWatches.toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Offers the default watch on first run (once: the caller keeps a flag in extension storage, so
 * deleting it does not bring it back). It starts paused: nothing is sent to NCBI in the background
 * until the reader has seen the query and started it.
 */
export async function seedDefaultWatch(
  db: JakLensDB,
  alreadySeeded: boolean,
  now = Date.now(),
): Promise<TopicWatch | null> {
  if (alreadySeeded) return null;
  return createWatch(db, { ...DEFAULT_WATCH, paused: true }, now);
}

export async function createWatch(
  db: JakLensDB,
  input: WatchInput,
  now = Date.now(),
): Promise<TopicWatch> {
  const watch: TopicWatch = {
    id: crypto.randomUUID(),
    name: input.name,
    query: input.query,
    paused: !!input.paused,
    createdAt: now,
  };
  await db.topicWatches.add(watch);
  return watch;
}

/**
 * Changes a watch. A new query starts over (first-check window, no failure, not too broad); a new
 * name or pause keeps its progress. Throws when the watch no longer exists.
 */
export async function updateWatch(
  db: JakLensDB,
  id: string,
  input: WatchInput,
): Promise<TopicWatch> {
  return db.transaction('rw', db.topicWatches, async () => {
    const old = await db.topicWatches.get(id);
    if (!old) throw new Error('This watch no longer exists.');
    const next: TopicWatch = { ...old, name: input.name, paused: !!input.paused };
    if (input.query !== old.query) {
      next.query = input.query;
      delete next.checkedThrough;
      delete next.lastCheckedAt;
      delete next.lastFailure;
      delete next.tooBroad;
    }
    await db.topicWatches.put(next);
    return next;
  });
}

/** Deletes a watch; the papers it found stay (the reader may still want them) minus its id. */
export async function deleteWatch(db: JakLensDB, id: string): Promise<void> {
  await db.transaction('rw', db.topicWatches, db.watchPapers, async () => {
    await db.topicWatches.delete(id);
    await db.watchPapers
      .filter((p) => p.watchIds.includes(id))
      .modify((p) => {
        p.watchIds = p.watchIds.filter((w) => w !== id);
      });
  });
}

/** Writes the outcome of a check onto the watch (if it still exists). */
export async function patchWatch(
  db: JakLensDB,
  id: string,
  change: (watch: TopicWatch) => TopicWatch,
): Promise<void> {
  await db.transaction('rw', db.topicWatches, async () => {
    const old = await db.topicWatches.get(id);
    if (old) await db.topicWatches.put(change(old));
  });
}

/** Which of `pmids` are already known (announced before, whatever the reader did with them). */
export async function knownPmids(db: JakLensDB, pmids: readonly string[]): Promise<Set<string>> {
  const rows = await db.watchPapers.bulkGet([...new Set(pmids)]);
  return new Set(rows.filter((r): r is WatchPaper => !!r).map((r) => r.pmid));
}

/**
 * Stores newly found papers. One already there keeps its status and classification and only gains
 * the watch id. Returns how many were new.
 */
export async function addPapers(db: JakLensDB, papers: readonly WatchPaper[]): Promise<number> {
  return db.transaction('rw', db.watchPapers, async () => {
    let added = 0;
    for (const paper of papers) {
      const old = await db.watchPapers.get(paper.pmid);
      if (!old) {
        await db.watchPapers.add(paper);
        added++;
      } else {
        const ids = [...new Set([...old.watchIds, ...paper.watchIds])];
        if (ids.length !== old.watchIds.length) {
          await db.watchPapers.update(paper.pmid, { watchIds: ids });
        }
      }
    }
    return added;
  });
}

/** Records the reader's choice for papers; unknown PMIDs are ignored. */
export async function setPaperStatus(
  db: JakLensDB,
  pmids: readonly string[],
  status: PaperStatus,
): Promise<void> {
  await db.watchPapers
    .where('pmid')
    .anyOf([...pmids])
    .modify({ status });
}

/** How many papers wait for the reader (the toolbar badge and the popup count). */
export function countNewPapers(db: JakLensDB): Promise<number> {
  return db.watchPapers.where('status').equals('new').count();
}

/** Papers for the "New papers" view: new ones first, core first, newest first. */
export async function listPapers(db: JakLensDB): Promise<WatchPaper[]> {
  return (await db.watchPapers.toArray()).sort(comparePapers);
}
