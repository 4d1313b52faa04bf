import { storage } from '#imports';
import { normalizePrefs, type TopicWatchPrefs } from '../topic-watch/prefs';

/** PubMed-watch preferences (`storage.local`, key "topicWatchPrefs"). */
export const topicWatchPrefsItem = storage.defineItem<unknown>('local:topicWatchPrefs');
/** Set once the default watch was offered, so deleting it does not bring it back. */
export const defaultWatchSeededItem = storage.defineItem<boolean>('local:topicWatchSeeded', {
  fallback: false,
});

export async function loadTopicWatchPrefs(): Promise<TopicWatchPrefs> {
  return normalizePrefs(await topicWatchPrefsItem.getValue());
}

export async function saveTopicWatchPrefs(
  change: Partial<TopicWatchPrefs>,
): Promise<TopicWatchPrefs> {
  const next = normalizePrefs({ ...(await loadTopicWatchPrefs()), ...change });
  await topicWatchPrefsItem.setValue(next);
  return next;
}

export function watchTopicWatchPrefs(onChange: (prefs: TopicWatchPrefs) => void): () => void {
  return topicWatchPrefsItem.watch((raw) => onChange(normalizePrefs(raw)));
}
