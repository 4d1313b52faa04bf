import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HighlightList, type HighlightListItem } from '@/components/notes/HighlightList';
import { NoteFrame } from './note-frame';
import type { PageHighlight, UserHighlights } from './user-highlights';

type Props = {
  articleKey: string;
  /** The note editor (NotesSection). */
  note: ComponentChildren;
  /** The page's highlights; absent when they could not be loaded. */
  highlights?: UserHighlights;
};

/** What the list shows for one page highlight. */
export function toListItem(item: PageHighlight): HighlightListItem {
  const { highlight } = item;
  return {
    id: highlight.id,
    quote: highlight.textQuote.exact,
    color: highlight.color,
    ...(highlight.comment ? { comment: highlight.comment } : {}),
    orphaned: item.state === 'orphaned',
  };
}

/**
 * The panel's notes slot: the reader's note, then their highlights on this article, kept in step
 * with the page's highlight controller (creating one on the page adds it here at once).
 */
export function ArticleNotes({ articleKey, note, highlights }: Props) {
  const [items, setItems] = useState(() => highlights?.highlights ?? []);
  const [errorMessage, setErrorMessage] = useState<string>();
  const [commentingId, setCommentingId] = useState<string>();
  useEffect(() => {
    if (!highlights) return undefined;
    setItems(highlights.highlights);
    const unsubscribe = highlights.subscribe(setItems);
    const unrequest = highlights.onCommentRequest(setCommentingId);
    return () => {
      unsubscribe();
      unrequest();
    };
  }, [highlights]);

  const attempt = (action: Promise<unknown>) =>
    action.then(
      () => setErrorMessage(undefined),
      (error: unknown) => setErrorMessage(error instanceof Error ? error.message : String(error)),
    );

  return (
    <>
      {note}
      {highlights && (
        <HighlightList
          items={items.map(toListItem)}
          {...(errorMessage ? { errorMessage } : {})}
          {...(commentingId ? { commentingId } : {})}
          renderCommentEditor={(item) => (
            // The comment is typed in an extension frame, out of the page's reach.
            <NoteFrame
              articleKey={articleKey}
              entityTags={[]}
              highlightId={item.id}
              onCommentsChanged={() => void attempt(highlights.refresh())}
            />
          )}
          onColorChange={(id, color) => void attempt(highlights.setColor(id, color))}
          onDelete={(id) => void attempt(highlights.remove(id))}
          onReveal={(id) => highlights.reveal(id)}
        />
      )}
    </>
  );
}
