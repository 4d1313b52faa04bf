import { useEffect, useRef } from 'preact/hooks';
import { ArticleDetail } from '@/components/library/ArticleDetail';
import { DraftNoteEditor, toNoteDraft, type NoteDraft } from '@/components/notes/DraftNoteEditor';
import { useAutosave, type SaveOutcome } from '@/components/notes/use-autosave';
import type { JakLensDB } from '@/utils/storage/db';
import { articleToMarkdown, markdownFileName } from '@/utils/library/export-markdown';
import { updateHighlight } from '@/utils/storage/highlights-repository';
import type { LibraryRow } from '@/utils/library/query';
import { saveNote } from '@/utils/storage/notes-repository';
import { downloadFile } from './download';
import { browser } from 'wxt/browser';
import { commentDraftJournal, type JournalArea } from '@/utils/storage/journals/comment-journal';

type Draft = NoteDraft;

type Props = {
  db: JakLensDB;
  row: LibraryRow;
  knownTags: string[];
  onDelete: () => void;
  onClose: () => void;
};

const toDraft = toNoteDraft;

/**
 * An article opened from the library, connected: the note autosaves straight to the database with
 * the same revision check as the panel (a save based on an old revision becomes a conflict copy),
 * and highlight comments save when the field loses focus, journaled in `storage.local` on every input
 * until then (a closed tab's draft is saved when the library next opens; comment-journal.ts).
 */
const commentJournal = commentDraftJournal(browser.storage.local as unknown as JournalArea);

export function DetailView({ db, row, knownTags, onDelete, onClose }: Props) {
  const revision = useRef(row.note?.revision ?? 0);
  const save = async (draft: Draft): Promise<SaveOutcome> => {
    const result = await saveNote(db, {
      articleKey: row.key,
      ...draft,
      baseRevision: revision.current,
    });
    revision.current = result.note.revision;
    if (result.status === 'conflict') {
      autosave.reset(toDraft(result.note));
      return 'conflict';
    }
    return 'saved';
  };
  const autosave = useAutosave<Draft>({ initial: toDraft(row.note), save });

  // A newer revision saved elsewhere (a PubMed tab, an import, a tag rename) replaces the text,
  // unless something typed here is still waiting to be saved.
  useEffect(() => {
    const stored = row.note;
    if (stored && stored.revision > revision.current && autosave.saveState === 'saved') {
      revision.current = stored.revision;
      autosave.reset(toDraft(stored));
    }
  }, [row.note?.revision]);

  return (
    <ArticleDetail
      row={row}
      onClose={onClose}
      onDelete={onDelete}
      onExportMarkdown={() =>
        downloadFile({
          fileName: markdownFileName(row),
          type: 'text/markdown',
          text: articleToMarkdown(row),
        })
      }
      onCommentDraft={(h, comment) => commentJournal.write(h.id, h.comment ?? '', comment)}
      onCommentChange={(h, comment) =>
        void updateHighlight(db, h.id, { comment }).then(
          () => commentJournal.clear(h.id),
          // The draft stays journaled, and is saved when the library next opens.
          (error: unknown) => console.warn('[JAK Lens] comment not saved', error),
        )
      }
    >
      <DraftNoteEditor autosave={autosave} suggestions={[...knownTags, ...row.drugs]} />
    </ArticleDetail>
  );
}
