import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { NOTE_MARK_COLORS } from '@/utils/reader-highlights/style';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/storage/picklists';
import { whenTrusted } from '@/components/trusted';

/** One highlight as the list shows it. */
export interface HighlightListItem {
  id: string;
  /** The highlighted text, exactly as stored. */
  quote: string;
  color: HighlightColor;
  comment?: string;
  /** True when the text was not found on this page (the highlight is kept, not drawn). */
  orphaned: boolean;
}

type Props = {
  items: readonly HighlightListItem[];
  /**
   * The comment editor of one highlight: an extension frame, so the words and their key events never
   * reach the page. Shown below the quote while the reader edits that comment.
   */
  renderCommentEditor: (item: HighlightListItem) => ComponentChildren;
  /** A highlight whose comment editor opens now (the selection bar's "Comment…"). */
  commentingId?: string;
  onDelete: (id: string) => void;
  onColorChange?: (id: string, color: HighlightColor) => void;
  /** Scroll the page to the highlight (anchored ones only). */
  onReveal?: (id: string) => void;
  /** The last failed action, shown once above the list. */
  errorMessage?: string;
};

// Rendered as a text child of <style>, inside the panel's shadow root only.
const CSS = `
.jl-hl-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.jl-hl-item { border-left: 4px solid var(--jl-hl); padding: 4px 0 4px 8px; }
.jl-hl-quote { margin: 0 0 4px; font-style: italic; overflow-wrap: anywhere; }
.jl-hl-quote button { all: unset; cursor: pointer; }
.jl-hl-quote button:focus-visible { outline: 2px solid var(--jl-focus); }
.jl-hl-comment { margin: 0 0 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.jl-hl-actions { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.jl-hl-swatch { width: 18px; height: 18px; border: 1px solid var(--jl-border); border-radius: 50%; padding: 0; background: var(--jl-hl); cursor: pointer; }
.jl-hl-swatch[aria-pressed='true'] { outline: 2px solid var(--jl-fg); }
.jl-hl-orphans h5 { margin: 8px 0 4px; }
`;

/**
 * The reader's highlights on this article: quote, comment, colour and delete; those whose text is no
 * longer on the page are listed apart as orphans, with their text, so nothing the reader marked
 * disappears silently. Presentational: changes go out through callbacks, and only for the reader's
 * own (trusted) clicks and keys; comments are typed in the editor the caller renders.
 */
export function HighlightList(props: Props) {
  const [editing, setEditing] = useState<string | undefined>(props.commentingId);
  useEffect(() => {
    if (props.commentingId) setEditing(props.commentingId);
  }, [props.commentingId]);
  const shared = { ...props, editing, setEditing };
  const anchored = props.items.filter((item) => !item.orphaned);
  const orphans = props.items.filter((item) => item.orphaned);
  return (
    <section class="jl-highlights" aria-labelledby="jl-highlights-h">
      <style>{CSS}</style>
      <h4 id="jl-highlights-h">Your highlights</h4>
      {props.errorMessage && (
        <p role="alert" class="jak-note-error">
          {props.errorMessage}
        </p>
      )}
      {props.items.length === 0 && (
        <p class="jl-hl-empty">
          Select text in the article and choose “Highlight” to keep it here.
        </p>
      )}
      {anchored.length > 0 && (
        <ul class="jl-hl-list">
          {anchored.map((item) => (
            <Item key={item.id} item={item} {...shared} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <div class="jl-hl-orphans">
          <h5>Orphaned — text not found on this page</h5>
          <ul class="jl-hl-list">
            {orphans.map((item) => (
              <Item key={item.id} item={item} {...shared} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

type ItemProps = Props & {
  item: HighlightListItem;
  editing: string | undefined;
  setEditing: (id: string | undefined) => void;
};

function Item({ item, editing, setEditing, ...props }: ItemProps) {
  const shade = { '--jl-hl': NOTE_MARK_COLORS[item.color] };
  const { onReveal } = props;
  const isEditing = editing === item.id;
  return (
    <li
      class="jl-hl-item"
      data-jl-highlight={item.id}
      data-orphaned={String(item.orphaned)}
      style={shade}
    >
      <blockquote class="jl-hl-quote">
        {onReveal && !item.orphaned ? (
          <button type="button" title="Show on the page" onClick={() => onReveal(item.id)}>
            {item.quote}
          </button>
        ) : (
          item.quote
        )}
      </blockquote>
      {isEditing
        ? props.renderCommentEditor(item)
        : item.comment && <p class="jl-hl-comment">{item.comment}</p>}
      <div class="jl-hl-actions">
        {props.onColorChange &&
          HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              class="jl-hl-swatch"
              style={{ '--jl-hl': NOTE_MARK_COLORS[color] }}
              aria-label={`Colour ${color}`}
              aria-pressed={color === item.color}
              onClick={whenTrusted(() => props.onColorChange?.(item.id, color))}
            />
          ))}
        <button
          type="button"
          class="jl-hl-edit-comment"
          aria-expanded={isEditing}
          onClick={whenTrusted(() => setEditing(isEditing ? undefined : item.id))}
        >
          {isEditing ? 'Done' : item.comment ? 'Edit comment' : 'Comment'}
        </button>
        <button
          type="button"
          class="jl-hl-delete"
          onClick={whenTrusted(() => props.onDelete(item.id))}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
