import { browser } from 'wxt/browser';
import { mirroredStorage, type JournalStorage } from '@/utils/storage/journals/draft-journal';

/**
 * The note frame's draft journal: the extension's `storage.local` (PubMed's scripts cannot read it),
 * mirrored for synchronous reads (utils/storage/journals/draft-journal.ts says why not `localStorage`).
 *
 * Which entries belong to an editor that is gone: the frames of open editors answer a roll call on a
 * BroadcastChannel; an entry whose editor does not answer within ROLL_CALL_MS was left by a closed,
 * quit or crashed one. (Web Locks would be exact, but a frame in a web page is refused them.) An editor
 * that misses the roll call (a frozen tab) at worst has its unsaved text saved by the other tab, and its
 * own next save becomes a conflict copy if it differs: never a loss.
 */
const CHANNEL = 'jak-lens:note-editors';
const ROLL_CALL_MS = 250;

export interface FrameJournal {
  storage: JournalStorage;
  instance: string;
  isAbandoned: (instance: string, writtenAt: number | null) => Promise<boolean>;
}

type RollCall =
  { type: 'roll-call'; id: string } | { type: 'present'; id: string; instance: string };

/** Null when the extension's storage cannot be read (then the autosave alone runs). */
export async function openFrameJournal(): Promise<FrameJournal | null> {
  const area = browser.storage.local;
  let initial: Record<string, unknown>;
  try {
    initial = await area.get(null);
  } catch {
    return null;
  }
  const storage = mirroredStorage(initial, {
    // Not awaited: the call has left for the browser when it returns, which is what the journal needs.
    set: (key, value) => void area.set({ [key]: value }).catch(() => undefined),
    remove: (key) => void area.remove(key).catch(() => undefined),
  });
  const instance = crypto.randomUUID();
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
  } catch {
    channel = null;
  }
  channel?.addEventListener('message', (event: MessageEvent<RollCall>) => {
    if (event.data?.type === 'roll-call') {
      channel?.postMessage({ type: 'present', id: event.data.id, instance } satisfies RollCall);
    }
  });

  let present: Promise<Set<string>> | null = null;
  const rollCall = (): Promise<Set<string>> => {
    if (!channel) return Promise.resolve(new Set());
    const live = channel;
    const id = crypto.randomUUID();
    const seen = new Set<string>();
    const onMessage = (event: MessageEvent<RollCall>) => {
      if (event.data?.type === 'present' && event.data.id === id) seen.add(event.data.instance);
    };
    live.addEventListener('message', onMessage);
    live.postMessage({ type: 'roll-call', id } satisfies RollCall);
    return new Promise((resolve) =>
      setTimeout(() => {
        live.removeEventListener('message', onMessage);
        resolve(seen);
      }, ROLL_CALL_MS),
    );
  };
  const isAbandoned = async (other: string) => {
    if (other === instance) return false;
    present ??= rollCall().finally(() => setTimeout(() => (present = null), 1000));
    return !(await present).has(other);
  };
  return { storage, instance, isAbandoned };
}

/**
 * For the library (not framed, so no roll call reaches the editors): an entry is abandoned when it is
 * older than a minute, as an open editor saves at least every 2 s and removes its entry once saved.
 */
export const STALE_JOURNAL_MS = 60_000;
