import { render } from 'preact';
import { openDatabase } from '@/utils/storage/db';
import { recoverAllJournals } from '@/utils/storage/journals/draft-reconcile';
import { browser } from 'wxt/browser';
import { mirroredStorage } from '@/utils/storage/journals/draft-journal';
import { recoverCommentDrafts, type JournalArea } from '@/utils/storage/journals/comment-journal';
import { STALE_JOURNAL_MS } from '../note-frame/journal';
import { App } from './App';

// Ask once that the browser never evicts the extension's storage (the reader's notes) under pressure.
// Harmless when already granted; the Settings tab shows the result and can ask again.
void navigator.storage
  ?.persisted?.()
  .then((granted) => granted || navigator.storage.persist())
  .catch(() => undefined);

const db = openDatabase();
// Note text a closed tab journaled but never saw saved (entrypoints/note-frame/journal.ts) is saved, or
// kept as a conflict copy, now, even if its article is never opened again.
void browser.storage.local
  .get(null)
  .then((all) => {
    const area = browser.storage.local;
    const storage = mirroredStorage(all, {
      set: (key, value) => void area.set({ [key]: value }),
      remove: (key) => void area.remove(key),
    });
    const stale = async (_: string, writtenAt: number | null) =>
      writtenAt !== null && Date.now() - writtenAt > STALE_JOURNAL_MS;
    return recoverAllJournals(db, storage, stale);
  })
  .catch(() => undefined)
  // Comments a closed library tab journaled but never saved (utils/storage/journals/comment-journal.ts).
  .then(() => recoverCommentDrafts(browser.storage.local as unknown as JournalArea, db))
  .catch((error: unknown) => console.warn('[JAK Lens] comment drafts not recovered', error));

render(<App db={db} />, document.getElementById('app')!);
