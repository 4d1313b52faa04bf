import type { JournalStorage } from '@/utils/storage/draft-journal';

/**
 * The note frame's draft journal: the frame's own `localStorage` (the extension's origin; PubMed's
 * scripts cannot read it) and a Web Lock per editor instance, held for the frame's whole life. A lock
 * is released by the browser when its frame goes, however it goes (closed, quit, crashed), so an entry
 * whose lock is free was left by an editor that is gone; an entry whose lock is held belongs to an
 * editor still open in another tab, and is left to that editor's own autosave.
 */
const LOCK_PREFIX = 'jak-lens:note-editor:';

export interface FrameJournal {
  storage: JournalStorage;
  instance: string;
  isAbandoned: (instance: string) => Promise<boolean>;
}

/** Null when the frame has no usable localStorage (then the autosave alone runs). */
export function openFrameJournal(): FrameJournal | null {
  let storage: Storage;
  try {
    storage = window.localStorage;
    void storage.length; // Reading it throws where storage is disabled.
  } catch {
    return null;
  }
  const instance = crypto.randomUUID();
  const locks = navigator.locks as LockManager | undefined;
  // Held until the frame is gone: the promise never settles.
  void locks?.request(LOCK_PREFIX + instance, () => new Promise<void>(() => {}));
  const isAbandoned = async (other: string): Promise<boolean> => {
    if (other === instance) return false;
    // Without Web Locks no other editor can be told apart from a dead one: treat as abandoned, which
    // at worst makes a live tab's later save a conflict copy, never a loss.
    if (!locks) return true;
    return locks.request(LOCK_PREFIX + other, { ifAvailable: true }, (lock) => lock !== null);
  };
  return { storage, instance, isAbandoned };
}
