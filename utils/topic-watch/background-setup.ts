/**
 * Wires PubMed watches into the background: the alarm that runs due checks, the first-run default
 * watch, the toolbar badge count, and the reader's NCBI access (API key → 10 requests/s). The gate
 * built here is also the one the search-result badges use, so NCBI sees one polite client.
 */
import type { JakLensDB } from '../storage/db';
import { createRateLimiter } from '../article/eutils';
import type { XmlParser } from '../article/parse-pubmed-xml';
import { createNcbiGate, rateFor, type NcbiGate } from '../article/ncbi-gate';
import { DEFAULT_PREFS, type TopicWatchPrefs } from './prefs';
import {
  defaultWatchSeededItem,
  loadTopicWatchPrefs,
  watchTopicWatchPrefs,
} from '../settings/topic-watch-prefs';
import { createTopicWatchService, type TopicWatchService } from './service';
import { TICK_MINUTES } from './schedule';
import { seedDefaultWatch } from './store';

export const TOPIC_WATCH_ALARM = 'jak-lens-topic-watches';
const BADGE_COLOR = '#005a9c';

/** The browser APIs this needs, passed in by the background (utils/ stays free of browser globals). */
export interface TopicWatchBrowserApi {
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  };
  alarms: {
    get(name: string): Promise<unknown>;
    create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): unknown;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
}

export function setUpTopicWatches(
  db: JakLensDB,
  parser: XmlParser | undefined,
  { action, alarms }: TopicWatchBrowserApi,
): { gate: NcbiGate; service: TopicWatchService } {
  let prefs: TopicWatchPrefs = DEFAULT_PREFS;
  const ready = loadTopicWatchPrefs().then((p) => (prefs = p));
  watchTopicWatchPrefs((p) => (prefs = p));

  const gate = createNcbiGate({
    fetch: (url, init) => fetch(url, init),
    limiter: createRateLimiter({ limit: () => rateFor(prefs) }),
    access: async () => (await ready, prefs),
    isOnline: () => navigator.onLine,
  });
  const service = createTopicWatchService({
    db,
    gate,
    parser,
    prefs: async () => (await ready, prefs),
    onCountChanged: (count) => {
      // The global badge; a PubMed tab's own verdict badge is set per tab and shows there instead.
      void action.setBadgeText({ text: count > 0 ? String(count) : '' });
      void action.setTitle({
        title: count > 0 ? `JAK Lens: ${count} new paper${count === 1 ? '' : 's'}` : 'JAK Lens',
      });
      if (count > 0) void action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    },
  });

  void (async () => {
    if (!(await defaultWatchSeededItem.getValue())) {
      await seedDefaultWatch(db, false);
      await defaultWatchSeededItem.setValue(true);
    }
    await service.refreshCount();
  })().catch((error: unknown) => console.warn('[JAK Lens] PubMed watches', error));

  // A short delay before the first tick: not at the very moment the browser starts.
  void alarms.get(TOPIC_WATCH_ALARM).then((existing) =>
    existing
      ? undefined
      : alarms.create(TOPIC_WATCH_ALARM, {
          delayInMinutes: 1,
          periodInMinutes: TICK_MINUTES,
        }),
  );
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TOPIC_WATCH_ALARM) void service.tick();
  });
  // Back online: a check that failed offline need not wait for its retry delay's alarm tick.
  self.addEventListener('online', () => void service.tick());

  return { gate, service };
}
