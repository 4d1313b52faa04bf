import { useEffect, useRef, useState } from 'preact/hooks';
import { DraftNoteEditor, toNoteDraft, type NoteDraft } from '@/components/notes/DraftNoteEditor';
import { useAutosave, type SaveOutcome } from '@/components/notes/use-autosave';
import type { Note, NoteConflict } from '@/utils/storage/db';
import type { MessageClient } from '@/utils/messaging/client';

type Draft = NoteDraft;

type Props = {
  articleKey: string;
  request: MessageClient;
  /** Tags for the entities on this page ("drug:baricitinib", "target:JAK1"). */
  entityTags: string[];
  /** Subscribes to "a note for this article changed in another tab"; returns the unsubscribe. */
  onRemoteChange: (listener: () => void) => () => void;
};

const toDraft = toNoteDraft;

/**
 * The reader's note on this article: loaded from and autosaved to the background. Shown in the note
 * frame (entrypoints/note-frame/), an extension page embedded in the panel, never in the page itself.
 */
export function NotesSection({ articleKey, request, entityTags, onRemoteChange }: Props) {
  const [loaded, setLoaded] = useState<{ draft: Draft; revision: number } | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const load = async () => {
    try {
      const { note, conflicts } = await request({ type: 'note/get', articleKey });
      setLoaded({ draft: toDraft(note), revision: note?.revision ?? 0 });
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
  return (
    <LoadedEditor
      articleKey={articleKey}
      request={request}
      entityTags={entityTags}
      onRemoteChange={onRemoteChange}
      initial={loaded.draft}
      initialRevision={loaded.revision}
      reload={load}
    />
  );
}

type LoadedProps = Props & {
  initial: Draft;
  initialRevision: number;
  reload: () => Promise<{ note: Note | null; conflicts: NoteConflict[] } | null>;
};

function LoadedEditor(props: LoadedProps) {
  const { articleKey, request, entityTags, initial, initialRevision, reload } = props;
  const revision = useRef(initialRevision);
  const [conflicts, setConflicts] = useState<NoteConflict[]>([]);
  const [knownTags, setKnownTags] = useState<string[]>([]);

  const save = async (draft: Draft): Promise<SaveOutcome> => {
    const result = await request({
      type: 'note/save',
      articleKey,
      ...draft,
      baseRevision: revision.current,
    });
    revision.current = result.note.revision;
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
  const autosave = useAutosave<Draft>({ initial, save });
  // The remote-change listener outlives renders; it must see the current state, not the first one.
  const saveState = useRef(autosave.saveState);
  saveState.current = autosave.saveState;

  useEffect(() => {
    request({ type: 'tags/list' }).then(setKnownTags, () => setKnownTags([]));
    return props.onRemoteChange(async () => {
      // Only replace the text when nothing typed here is waiting to be saved.
      if (saveState.current !== 'saved') return;
      const fresh = await reload();
      // The reader may have typed while the note was loading: their text wins (it saves next).
      if (fresh?.note && saveState.current === 'saved') {
        revision.current = fresh.note.revision;
        autosave.reset(toDraft(fresh.note));
      }
    });
  }, [articleKey]);

  const resolve = async (conflict: NoteConflict, choice: 'keep-note' | 'use-copy') => {
    const note = await request({ type: 'note/resolve-conflict', conflictId: conflict.id, choice });
    setConflicts((old) => old.filter((c) => c.id !== conflict.id));
    if (note) {
      revision.current = note.revision;
      autosave.reset(toDraft(note));
    }
  };

  return (
    <div class="jak-notes">
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
