import { useEffect, useRef, useState } from 'preact/hooks';
import { DraftNoteEditor, toNoteDraft, type NoteDraft } from '@/components/notes/DraftNoteEditor';
import { useAutosave, type SaveOutcome } from '@/components/notes/use-autosave';
import type { Note, NoteConflict } from '@/utils/storage/entities';
import type { ReplyData } from '@/utils/messaging/messages';
import {
  baseOf,
  openDraftJournal,
  type JournalStorage,
} from '@/utils/storage/journals/draft-journal';
import { recoverJournals, type Recovery } from '@/utils/storage/journals/draft-reconcile';
import { RecoveryNotices } from './RecoveryNotices';

/** What the note section asks of the background; the note frame's entrypoint wires it to messages. */
export interface NoteRequests {
  /** The article's note (null when there is none) and its conflict copies. */
  load(): Promise<ReplyData['note/get']>;
  /**
   * Saves `draft` over revision `baseRevision` (and, for a recovered journal, the base's `updatedAt`);
   * a newer note elsewhere gives a conflict copy.
   */
  save(
    draft: NoteDraft,
    baseRevision: number,
    baseUpdatedAt?: number | null,
  ): Promise<ReplyData['note/save']>;
  /** Keeps the note or replaces it with the conflict copy; the note as it now stands. */
  resolveConflict(conflictId: string, choice: 'keep-note' | 'use-copy'): Promise<Note | null>;
  /** Every tag used on a note, for suggestions. */
  listTags(): Promise<string[]>;
}

type Draft = NoteDraft;

type Props = {
  articleKey: string;
  requests: NoteRequests;
  /** Tags for the entities on this page ("drug:baricitinib", "target:JAK1"). */
  entityTags: string[];
  /** Subscribes to "a note for this article changed in another tab"; returns the unsubscribe. */
  onRemoteChange: (listener: () => void) => () => void;
  /**
   * The synchronous draft journal (utils/storage/journals/draft-journal.ts): where it is kept, this editor's
   * instance id, and whether another instance's entry was abandoned (its editor is gone).
   */
  journal?: {
    storage: JournalStorage;
    instance: string;
    isAbandoned: (instance: string, writtenAt: number | null) => Promise<boolean>;
  };
};

const toDraft = toNoteDraft;
type Loaded = { draft: Draft; revision: number; updatedAt: number | null; recovery?: Recovery };

/**
 * The reader's note on this article: loaded from and autosaved to the background. Shown in the note
 * frame (entrypoints/note-frame/), an extension page embedded in the panel, never in the page itself.
 */
export function NotesSection(props: Props) {
  const { articleKey, requests, journal } = props;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const load = async () => {
    try {
      // Text an earlier editor journaled but the database never confirmed is saved (or kept as a
      // conflict copy) before the editor opens; if that fails, the editor stays closed (the error says
      // why), so nothing typed next can replace the unrecovered text.
      const recovery = journal
        ? await recoverJournals({
            storage: journal.storage,
            articleKey,
            isAbandoned: journal.isAbandoned,
            load: requests.load,
            save: (entry) => requests.save(entry.draft, entry.baseRevision, entry.baseUpdatedAt),
          })
        : undefined;
      const { note, conflicts } = recovery ?? (await requests.load());
      setLoaded({
        draft: toDraft(note),
        ...baseOf(note),
        ...(recovery ? { recovery } : {}),
      });
      setLoadError(undefined);
      return { note, conflicts };
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
      return null;
    }
  };
  useEffect(() => {
    void load();
  }, [articleKey]);

  if (loadError && !loaded) {
    return (
      <p role="alert" class="jak-note-error">
        Could not load your note: {loadError}{' '}
        <button type="button" onClick={() => void load()}>
          Try again
        </button>
      </p>
    );
  }
  if (!loaded) return <p class="jak-note-loading">Loading your note…</p>;
  return <LoadedEditor {...props} loaded={loaded} reload={load} />;
}

type LoadedProps = Props & {
  loaded: Loaded;
  reload: () => Promise<{ note: Note | null; conflicts: NoteConflict[] } | null>;
};

function LoadedEditor(props: LoadedProps) {
  const { articleKey, requests, entityTags, loaded, reload, journal } = props;
  const revision = useRef(loaded.revision);
  // With the revision: the journal names the exact note its text was typed over.
  const updatedAt = useRef(loaded.updatedAt);
  const [conflicts, setConflicts] = useState<NoteConflict[]>(loaded.recovery?.conflicts ?? []);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const [draftJournal] = useState(() =>
    journal
      ? openDraftJournal({
          storage: journal.storage,
          articleKey,
          instance: journal.instance,
          base: () => ({ revision: revision.current, updatedAt: updatedAt.current }),
        })
      : undefined,
  );

  const adopt = (note: Note) => {
    revision.current = note.revision;
    updatedAt.current = note.updatedAt;
  };

  const save = async (draft: Draft): Promise<SaveOutcome> => {
    const result = await requests.save(draft, revision.current);
    adopt(result.note);
    if (result.status === 'conflict') {
      // Another tab saved first. Our text is stored as a conflict copy; show the newer note and offer ours.
      autosave.reset(toDraft(result.note));
      setConflicts((old) => [
        ...old.filter((c) => c.id !== result.conflictCopy.id),
        result.conflictCopy,
      ]);
      return 'conflict';
    }
    return 'saved';
  };
  const autosave = useAutosave<Draft>({
    initial: loaded.draft,
    save,
    ...(draftJournal ? { journal: draftJournal } : {}),
  });
  // The remote-change listener outlives renders; it must see the current state, not the first one.
  const saveState = useRef(autosave.saveState);
  saveState.current = autosave.saveState;

  useEffect(() => {
    requests.listTags().then(setKnownTags, () => setKnownTags([]));
    return props.onRemoteChange(async () => {
      // Only replace the text when nothing typed here is waiting to be saved.
      if (saveState.current !== 'saved') return;
      const fresh = await reload();
      // The reader may have typed while the note was loading: their text wins (it saves next).
      if (fresh?.note && saveState.current === 'saved') {
        adopt(fresh.note);
        autosave.reset(toDraft(fresh.note));
      }
    });
  }, [articleKey]);

  const resolve = async (conflict: NoteConflict, choice: 'keep-note' | 'use-copy') => {
    const note = await requests.resolveConflict(conflict.id, choice);
    setConflicts((old) => old.filter((c) => c.id !== conflict.id));
    if (note) {
      adopt(note);
      autosave.reset(toDraft(note));
    }
  };

  return (
    <div class="jak-notes">
      {loaded.recovery && <RecoveryNotices recovery={loaded.recovery} storage={journal?.storage} />}
      {conflicts.map((conflict) => (
        <div key={conflict.id} role="alert" class="jak-note-conflict">
          <p>Another tab saved a newer version of this note. Yours is kept as a copy:</p>
          <blockquote>{conflict.body}</blockquote>
          <button type="button" onClick={() => void resolve(conflict, 'use-copy')}>
            Use my version
          </button>{' '}
          <button type="button" onClick={() => void resolve(conflict, 'keep-note')}>
            Keep the newer one
          </button>
        </div>
      ))}
      <DraftNoteEditor autosave={autosave} suggestions={[...knownTags, ...entityTags]} />
    </div>
  );
}
