/**
 * utils/topic-watch/: PubMed watches (saved queries checked for new papers): the model and its store,
 * esearch, the schedule, one check, their messages, preferences and this service. May import
 * utils/article/ (E-utilities client and its gate), classify/, panel/ (antibodies found), settings/
 * (its preferences) and storage/; never components/, entrypoints/ or the browser API.
 *
 * The background's side of PubMed watches: answers the topic-watch messages, runs the scheduled
 * checks (one run at a time), and reports the number of new papers for the toolbar badge. Browser
 * APIs (alarms, badge, storage) stay in entrypoints/background.ts; this takes them as functions.
 */
import type { JakLensDB } from '../storage/db';
import type { XmlParser } from '../article/parse-pubmed-xml';
import { checkWatch, esearch, type CheckOutcome } from './check';
import { buildEsearchUrl } from './esearch';
import { validateWatchInput, type TopicWatch } from './model';
import { NcbiRequestError, type NcbiGate } from '../article/ncbi-gate';
import { parseTopicWatchMessage, type TopicWatchMessage } from './messages';
import type { TopicWatchPrefs } from './prefs';
import { dueWatches } from './schedule';
import {
  countNewPapers,
  createWatch,
  deleteWatch,
  listWatches,
  setPaperStatus,
  updateWatch,
} from './store';

export interface TopicWatchServiceDeps {
  db: JakLensDB;
  gate: NcbiGate;
  parser?: XmlParser;
  prefs: () => Promise<TopicWatchPrefs>;
  /** Told the number of new papers after anything that may change it. */
  onCountChanged?: (count: number) => void;
  now?: () => number;
}

export type Reply = { ok: true; data: unknown } | { ok: false; error: string };

export interface SaveResult {
  watch: TopicWatch;
  /** NCBI's warnings about the query, or why it could not be asked; the watch is saved anyway. */
  warnings: string[];
}

export function createTopicWatchService(deps: TopicWatchServiceDeps) {
  const now = () => deps.now?.() ?? Date.now();
  let running: Promise<CheckOutcome[]> = Promise.resolve([]);

  const refreshCount = async () => {
    const count = await countNewPapers(deps.db);
    deps.onCountChanged?.(count);
    return count;
  };

  /** Checks the given watches one after another, after any run in progress (never two at once). */
  const runChecks = (pick: (watches: TopicWatch[]) => TopicWatch[]) => {
    const run = running.then(async () => {
      const outcomes: CheckOutcome[] = [];
      for (const watch of pick(await listWatches(deps.db))) {
        outcomes.push(
          await checkWatch(watch, { db: deps.db, gate: deps.gate, parser: deps.parser, now }),
        );
      }
      await refreshCount();
      return outcomes;
    });
    running = run.catch(() => []);
    return run;
  };

  const save = async (
    message: Extract<TopicWatchMessage, { type: 'topic-watch/save' }>,
  ): Promise<SaveResult> => {
    const input = validateWatchInput(message);
    if (!input.ok) throw new Error(input.error);
    const old = message.id ? await deps.db.topicWatches.get(message.id) : undefined;
    if (message.id && !old) throw new Error('This watch no longer exists.');
    const warnings = old?.query === input.value.query ? [] : await askNcbi(input.value.query);
    const watch = message.id
      ? await updateWatch(deps.db, message.id, input.value)
      : await createWatch(deps.db, input.value, now());
    return { watch, warnings };
  };

  /** NCBI's verdict on a query (retmax=0: nothing but the count). Its errors refuse the save. */
  const askNcbi = async (query: string): Promise<string[]> => {
    try {
      const result = await esearch(deps, buildEsearchUrl(query, null, 0));
      if (result.errors.length > 0) {
        throw new Error(`PubMed cannot run this query. ${result.errors.join('; ')}`);
      }
      return result.warnings;
    } catch (error) {
      if (!(error instanceof NcbiRequestError)) throw error;
      return [`Saved without NCBI's check of the query: ${error.reason}`];
    }
  };

  const run = async (message: TopicWatchMessage): Promise<unknown> => {
    switch (message.type) {
      case 'topic-watch/save':
        return save(message);
      case 'topic-watch/delete':
        await deleteWatch(deps.db, message.id);
        return null;
      case 'topic-watch/check-now':
        return runChecks((all) =>
          all.filter((w) => (message.id ? w.id === message.id : !w.paused)),
        );
      case 'topic-watch/set-status':
        await setPaperStatus(deps.db, message.pmids, message.status);
        return refreshCount();
      case 'topic-watch/count':
        return refreshCount();
    }
  };

  return {
    /** Answers one raw message; never throws. */
    async handle(raw: unknown, fromPage: boolean): Promise<Reply> {
      const parsed = parseTopicWatchMessage(raw, fromPage);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        return { ok: true, data: await run(parsed.message) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    /** The alarm's tick: checks the watches that are due. */
    async tick(): Promise<CheckOutcome[]> {
      const { checkEveryHours } = await deps.prefs();
      return runChecks((all) => dueWatches(all, now(), checkEveryHours));
    },
    refreshCount,
  };
}

export type TopicWatchService = ReturnType<typeof createTopicWatchService>;
