import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HighlightList, type HighlightListItem } from '@/components/notes/HighlightList';
import type { PageHighlight, ReaderHighlights } from '../reader-highlights/page-highlights';

type Props = {
  /** The note editor (NotesSection). */
  note: ComponentChildren;
  /** The page's highlights; absent when they could not be loaded. */
  highlights?: ReaderHighlights;
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
export function ArticleNotes({ note, highlights }: Props) {
  const [items, setItems] = useState(() => highlights?.highlights ?? []);
  const [errorMessage, setErrorMessage] = useState<string>();
  useEffect(() => {
    if (!highlights) return undefined;
    setItems(highlights.highlights);
    return highlights.subscribe(setItems);
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
          onCommentChange={(id, text) => void attempt(highlights.setComment(id, text))}
          onCommentDraft={(id, text) =>
            highlights.draftComment(id, text, (error) =>
              setErrorMessage(error instanceof Error ? error.message : String(error)),
            )
          }
          onColorChange={(id, color) => void attempt(highlights.setColor(id, color))}
          onDelete={(id) => void attempt(highlights.remove(id))}
          onReveal={(id) => highlights.reveal(id)}
        />
      )}
    </>
  );
}
