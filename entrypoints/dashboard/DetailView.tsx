import { useEffect, useRef, useState } from 'preact/hooks';
import { ArticleDetail } from '@/components/library/ArticleDetail';
import { DraftNoteEditor, toNoteDraft, type NoteDraft } from '@/components/notes/DraftNoteEditor';
import { useAutosave, type SaveOutcome } from '@/components/notes/use-autosave';
import type { JakLensDB } from '@/utils/storage/db';
import { articleToMarkdown, markdownFileName } from '@/utils/library/export-markdown';
import { updateHighlight } from '@/utils/storage/highlights-repository';
import type { LibraryRow } from '@/utils/library/query';
import { saveNote } from '@/utils/storage/notes-repository';
import {
  createDraftJournal,
  holdEditorLock,
  liveEditors,
  openJournalStore,
  recoverDrafts,
  type JournalStore,
} from '@/utils/storage/draft-journal';
import { downloadFile } from './download';

type Draft = NoteDraft;

type Props = {
  db: JakLensDB;
  /** The keystroke journal (the library page's localStorage); tests pass their own. */
  journalStore?: JournalStore;
  row: LibraryRow;
  knownTags: string[];
  onDelete: () => void;
  onClose: () => void;
};

const toDraft = toNoteDraft;

/** Where the library journals when localStorage is refused: nothing survives, nothing breaks. */
const memoryStore: JournalStore = (() => {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
})();

/**
 * An article opened from the library, connected: the note autosaves straight to the database with
 * the same revision check as the panel (a save based on an old revision becomes a conflict copy),
 * and highlight comments save when the field loses focus.
 */
export function DetailView({ db, row, knownTags, onDelete, onClose, ...rest }: Props) {
  const revision = useRef(row.note?.revision ?? 0);
  const store = rest.journalStore ?? openJournalStore() ?? memoryStore;
  // As in the note frame: every keystroke journaled first, per editor (utils/storage/draft-journal.ts).
  const [editorId] = useState(() => crypto.randomUUID());
  const journal = createDraftJournal<Draft>(store, {
    kind: 'note',
    subject: row.key,
    editorId,
  });
  useEffect(() => {
    const release = holdEditorLock(editorId);
    // Drafts left by library views that closed unsaved: through the revision check, so a stale one
    // becomes a conflict copy. The row updates live when they are saved.
    void (async () => {
      await recoverDrafts<Draft>(store, 'note', row.key, await liveEditors(), async (entry) => {
        const v = entry.value;
        if (typeof entry.base !== 'number' || typeof v?.body !== 'string' || !Array.isArray(v.tags))
          return false;
        await saveNote(db, { articleKey: row.key, ...entry.value, baseRevision: entry.base });
        return true;
      });
    })().catch((error: unknown) => console.warn('[JAK Lens] drafts kept for later', error));
    return release;
  }, [row.key]);
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
  const autosave = useAutosave<Draft>({
    initial: toDraft(row.note),
    save,
    journal: { write: (d: Draft) => journal.write(d, revision.current), clear: journal.clear },
  });

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
      onCommentChange={(h, comment) => void updateHighlight(db, h.id, { comment })}
    >
      <DraftNoteEditor autosave={autosave} suggestions={[...knownTags, ...row.drugs]} />
    </ArticleDetail>
  );
}
