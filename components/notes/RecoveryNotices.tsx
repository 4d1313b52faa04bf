import { useState } from 'preact/hooks';
import type { JournalStorage } from '@/utils/storage/journals/draft-journal';
import type { JournalDecision, Recovery } from '@/utils/storage/journals/draft-reconcile';

const SAID: Record<JournalDecision['reason'], string> = {
  'unchanged-base': 'Text you typed just before this page last closed was recovered and saved.',
  'new-note': 'Text you typed just before this page last closed was recovered and saved.',
  'note-deleted':
    'Text you typed just before this page last closed was recovered and saved as the note (the note had been deleted since; it is still in the trash).',
  'newer-note':
    'Text you typed just before this page last closed was recovered. The note had changed since, so your text is kept as a conflict copy below.',
  'same-text': '',
  'empty-draft': '',
};

type Props = {
  recovery: Recovery;
  /** Where unreadable entries are kept; the reader may remove one after reading it. */
  storage?: JournalStorage | undefined;
};

/** What recovering the draft journal did, and any journal entry that could not be read (with its text). */
export function RecoveryNotices({ recovery, storage }: Props) {
  const [dismissed, setDismissed] = useState<string[]>([]);
  const said = [...new Set(recovery.recovered.map((d) => SAID[d.reason]).filter(Boolean))];
  const unreadable = recovery.unreadable.filter((u) => !dismissed.includes(u.storageKey));
  return (
    <>
      {said.map((text) => (
        <p key={text} role="status" class="jak-note-recovered">
          {text}
        </p>
      ))}
      {unreadable.map((u) => (
        <div key={u.storageKey} role="alert" class="jak-note-error jak-note-unreadable">
          <p>
            A draft of this note kept on this device could not be read ({u.error}). It was not saved
            and is still kept; its raw contents:
          </p>
          <pre>{u.raw}</pre>
          {storage && (
            <button
              type="button"
              onClick={() => {
                storage.removeItem(u.storageKey);
                setDismissed((old) => [...old, u.storageKey]);
              }}
            >
              Remove this unreadable draft
            </button>
          )}
        </div>
      ))}
    </>
  );
}
