import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight } from '@/utils/storage/db';
import type { MessageClient } from '@/utils/messaging/client';
import { MAX_COMMENT } from '@/utils/messaging/messages';
import { commentSubject, recoverCommentDrafts } from '@/utils/reader-highlights/comment-drafts';
import { createDraftJournal } from '@/utils/storage/draft-journal';
import type { NoteDrafts } from './NotesSection';
import { useAutosave } from './use-autosave';

type Props = {
  articleKey: string;
  highlightId: string;
  request: MessageClient;
  drafts?: NoteDrafts;
  /** A comment was stored (the panel's list shows comments, and reloads them). */
  onSaved?: () => void;
};

/**
 * The comment of one highlight, typed in the note frame (extension origin), never in the page: the
 * page's scripts see neither the text nor its key events. Journaled and autosaved like the note.
 */
export function CommentEditor({ articleKey, highlightId, request, drafts, onSaved }: Props) {
  const [stored, setStored] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    void (async () => {
      try {
        if (drafts) {
          const recovered = await recoverCommentDrafts(
            drafts.store,
            articleKey,
            await drafts.isAlive(),
            request,
          );
          if (recovered > 0) onSaved?.();
        }
        const list: Highlight[] = await request({ type: 'highlight/list', articleKey });
        const highlight = list.find((h) => h.id === highlightId);
        if (!highlight) throw new Error('This highlight no longer exists.');
        setStored(highlight.comment ?? '');
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    })();
  }, [articleKey, highlightId]);

  if (error)
    return (
      <p role="alert" class="jak-note-error">
        Could not load the comment: {error}
      </p>
    );
  if (stored === null) return <p class="jak-note-loading">Loading the comment…</p>;
  return (
    <LoadedComment {...{ articleKey, highlightId, request, drafts, onSaved }} initial={stored} />
  );
}

function LoadedComment(props: Props & { initial: string }) {
  const { articleKey, highlightId, request, drafts, onSaved } = props;
  // The comment the typed text replaces: a recovered draft is judged against it.
  const base = useRef(props.initial);
  const [journal] = useState(() =>
    drafts
      ? createDraftJournal<string>(drafts.store, {
          kind: 'comment',
          subject: commentSubject(articleKey, highlightId),
          editorId: drafts.editorId,
        })
      : null,
  );
  const field = useRef<HTMLTextAreaElement>(null);
  // Opened by the reader's click on "Comment": the caret goes to the box once.
  useEffect(() => field.current?.focus(), []);
  const autosave = useAutosave<string>({
    initial: props.initial,
    save: async (text) => {
      const updated = await request({
        type: 'highlight/update',
        id: highlightId,
        comment: text.trim(),
      });
      base.current = updated.comment ?? '';
      onSaved?.();
      return 'saved';
    },
    ...(journal
      ? {
          journal: {
            write: (text: string) => journal.write(text, base.current),
            clear: journal.clear,
          },
        }
      : {}),
  });
  return (
    <div class="jak-comment-editor">
      <textarea
        aria-label="Comment on this highlight"
        placeholder="Add a comment"
        maxLength={MAX_COMMENT}
        rows={2}
        value={autosave.value}
        onInput={(e) => autosave.setValue(e.currentTarget.value)}
        ref={field}
      />
      <p class={`jak-save-state jak-save-${autosave.saveState}`} role="status" aria-live="polite">
        {autosave.saveState === 'saved' && 'Saved'}
        {autosave.saveState === 'saving' && 'Saving…'}
        {autosave.saveState === 'error' &&
          `Not saved${autosave.errorMessage ? `: ${autosave.errorMessage}` : ''}. Your text is kept here and will be retried.`}
      </p>
    </div>
  );
}
