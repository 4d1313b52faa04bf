import type { Note } from '@/utils/storage/entities';
import type { ReadingStatus } from '@/utils/storage/picklists';
import { NoteEditor } from './NoteEditor';
import type { Autosave } from './use-autosave';

/** What the reader edits in a note: the part an autosave stores. */
export type NoteDraft = { body: string; tags: string[]; status: ReadingStatus };

/** The draft of a stored note, or an empty one ("to read") when there is none. */
export function toNoteDraft(note: Note | null | undefined): NoteDraft {
  return note
    ? { body: note.body, tags: note.tags, status: note.status }
    : { body: '', tags: [], status: 'to-read' };
}

type Props = {
  autosave: Autosave<NoteDraft>;
  suggestions: string[];
};

/** The note editor bound to an autosaved draft (the panel and the library's article view share it). */
export function DraftNoteEditor({ autosave, suggestions }: Props) {
  const { value } = autosave;
  return (
    <NoteEditor
      value={value.body}
      status={value.status}
      tags={value.tags}
      suggestions={suggestions}
      saveState={autosave.saveState}
      errorMessage={autosave.errorMessage}
      onChange={(body) => autosave.setValue({ ...value, body })}
      onStatusChange={(status) => autosave.setValue({ ...value, status })}
      onTagsChange={(tags) => autosave.setValue({ ...value, tags })}
      onRetry={() => void autosave.flush()}
    />
  );
}
