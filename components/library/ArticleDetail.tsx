import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Highlight } from '@/utils/storage/entities';
import type { LibraryRow } from '@/utils/library/query';
import { httpHref } from './format';

type Props = {
  row: LibraryRow;
  /** The note editor, connected by the caller (it autosaves). */
  children?: ComponentChildren;
  onCommentChange: (highlight: Highlight, comment: string) => void;
  /** The box's whole text on every input, before it is left: journaled at once by the caller. */
  onCommentDraft?: (highlight: Highlight, comment: string) => void;
  onDelete: () => void;
  onClose: () => void;
  /** Downloads this article as one Markdown file. */
  onExportMarkdown: () => void;
};

/** One article opened from the library: details, the note editor, highlights with editable comments. */
export function ArticleDetail(props: Props) {
  const { row, children, onCommentChange, onCommentDraft, onDelete, onClose } = props;
  return (
    <article class="article-detail" aria-labelledby="detail-title">
      <div class="section-head">
        <h2 id="detail-title">
          <a href={httpHref(row.url)} target="_blank" rel="noopener noreferrer">
            {row.title}
          </a>
        </h2>
        <button type="button" onClick={onClose}>
          Back to library
        </button>
      </div>
      <p class="library-meta">
        {[row.journal, row.year, row.pmid && `PMID ${row.pmid}`, row.doi && `DOI ${row.doi}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {children}
      <section aria-labelledby="highlights-heading">
        <h3 id="highlights-heading">Highlights</h3>
        {row.highlights.length === 0 ? (
          <p class="empty">No highlights on this article.</p>
        ) : (
          <ul class="highlight-list">
            {row.highlights.map((h) => (
              <HighlightItem
                key={h.id}
                highlight={h}
                onCommentChange={onCommentChange}
                {...(onCommentDraft ? { onCommentDraft } : {})}
              />
            ))}
          </ul>
        )}
      </section>
      <button type="button" onClick={props.onExportMarkdown}>
        Download as Markdown
      </button>{' '}
      <button type="button" class="danger" onClick={onDelete}>
        Delete note and highlights
      </button>
    </article>
  );
}

function HighlightItem({
  highlight,
  onCommentChange,
  onCommentDraft,
}: {
  highlight: Highlight;
  onCommentChange: Props['onCommentChange'];
  onCommentDraft?: Props['onCommentDraft'];
}) {
  const [comment, setComment] = useState(highlight.comment ?? '');
  const commit = () => {
    if (comment !== (highlight.comment ?? '')) onCommentChange(highlight, comment);
  };
  return (
    <li class={`highlight-item highlight-${highlight.color}`}>
      <blockquote>{highlight.textQuote.exact}</blockquote>
      <label>
        Comment
        <textarea
          rows={2}
          value={comment}
          onInput={(e) => {
            setComment(e.currentTarget.value);
            onCommentDraft?.(highlight, e.currentTarget.value);
          }}
          onBlur={commit}
        />
      </label>
    </li>
  );
}
