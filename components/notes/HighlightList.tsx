import { MAX_COMMENT } from '@/utils/messaging/messages';
import { onlyTrusted } from '@/utils/page/trusted';
import { READER_HIGHLIGHT_COLORS } from '@/utils/reader-highlights/style';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/storage/picklists';

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
  /** Called with the new text when the reader leaves a changed comment box ('' clears it). */
  onCommentChange: (id: string, text: string) => void;
  /**
   * Called with the box's text on every input, before the reader leaves it: the caller stores it at
   * once so a comment survives the tab closing mid-sentence (see `draftComment` in entrypoints/pubmed.content/reader-highlights/controller.ts).
   */
  onCommentDraft?: (id: string, text: string) => void;
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
.jl-hl-item textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 2.4em; }
.jl-hl-actions { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.jl-hl-swatch { width: 18px; height: 18px; border: 1px solid var(--jl-border); border-radius: 50%; padding: 0; background: var(--jl-hl); cursor: pointer; }
.jl-hl-swatch[aria-pressed='true'] { outline: 2px solid var(--jl-fg); }
.jl-hl-orphans h5 { margin: 8px 0 4px; }
`;

/**
 * The reader's highlights on this article: quote, colour, an inline comment box and delete; those
 * whose text is no longer on the page are listed apart as orphans, with their text, so nothing the
 * reader marked disappears silently. Presentational: changes go out through callbacks, and only for
 * the reader's own input (trusted events; a page script's synthetic ones are ignored).
 */
export function HighlightList(props: Props) {
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
            <Item key={item.id} item={item} {...props} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <div class="jl-hl-orphans">
          <h5>Orphaned — text not found on this page</h5>
          <ul class="jl-hl-list">
            {orphans.map((item) => (
              <Item key={item.id} item={item} {...props} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Item({ item, ...props }: Props & { item: HighlightListItem }) {
  const shade = { '--jl-hl': READER_HIGHLIGHT_COLORS[item.color] };
  const { onReveal } = props;
  return (
    <li
      class="jl-hl-item"
      data-jl-highlight={item.id}
      data-orphaned={String(item.orphaned)}
      style={shade}
    >
      <blockquote class="jl-hl-quote">
        {onReveal && !item.orphaned ? (
          <button
            type="button"
            title="Show on the page"
            onClick={onlyTrusted(() => onReveal(item.id))}
          >
            {item.quote}
          </button>
        ) : (
          item.quote
        )}
      </blockquote>
      <textarea
        aria-label="Comment on this highlight"
        placeholder="Add a comment"
        maxLength={MAX_COMMENT}
        value={item.comment ?? ''}
        onInput={onlyTrusted((e) => props.onCommentDraft?.(item.id, e.currentTarget.value))}
        onChange={onlyTrusted((e) => {
          const text = e.currentTarget.value;
          // Drafts already stored the text as typed; leaving the box still tidies its outer spaces.
          if (text !== (item.comment ?? '') || text !== text.trim())
            props.onCommentChange(item.id, text);
        })}
      />
      <div class="jl-hl-actions">
        {props.onColorChange &&
          HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              class="jl-hl-swatch"
              style={{ '--jl-hl': READER_HIGHLIGHT_COLORS[color] }}
              aria-label={`Colour ${color}`}
              aria-pressed={color === item.color}
              onClick={onlyTrusted(() => props.onColorChange?.(item.id, color))}
            />
          ))}
        <button
          type="button"
          class="jl-hl-delete"
          onClick={onlyTrusted(() => props.onDelete(item.id))}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
