import { useState } from 'preact/hooks';
import { MAX_COMMENT } from '@/utils/messaging/messages';
import { onlyTrusted } from '@/utils/page/trusted';
import { READER_HIGHLIGHT_COLORS } from '@/utils/reader-highlights/style';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/storage/picklists';

type Props = {
  /** True while the comment box is open (the caller then keeps the bar where it is). */
  commenting: boolean;
  busy?: boolean;
  errorMessage?: string;
  onHighlight: (color: HighlightColor, comment?: string) => void;
  onStartComment: () => void;
  /**
   * The comment box's whole text on every input, before "Highlight" is pressed: the caller journals it
   * at once, so closing the tab mid-sentence loses nothing (utils/storage/journals/comment-journal.ts).
   */
  onCommentInput?: (text: string) => void;
  onCancel: () => void;
};

/** Styles for the bar; rendered inside its own shadow root, so nothing leaks to or from the page. */
export const SELECTION_ACTION_CSS = `
:host { all: initial; position: absolute; z-index: 2147483646; }
.jl-sel { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; max-width: 260px;
  font: 13px/1.3 system-ui, sans-serif; color: #1b1f24; background: #fff;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 4px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); }
.jl-sel button { font: inherit; cursor: pointer; }
.jl-sel-swatch { width: 18px; height: 18px; border-radius: 50%; border: 1px solid #57606a; padding: 0; }
.jl-sel textarea { flex-basis: 100%; font: inherit; min-height: 3em; box-sizing: border-box; }
.jl-sel-error { flex-basis: 100%; margin: 0; color: #9a1c1c; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #0969da; }
@media (prefers-color-scheme: dark) {
  .jl-sel { color: #e6edf3; background: #161b22; border-color: #30363d; }
}
`;

/**
 * The small bar shown next to a text selection: "Highlight" (yellow), one swatch per other colour,
 * and "Comment…" which opens a box to highlight with a comment. Presentational; it acts only on the
 * reader's own input (trusted events), so a page script cannot highlight, type a comment or save one.
 */
export function SelectionAction(props: Props) {
  const [comment, setComment] = useState('');
  // A commented highlight starts yellow; the panel's list changes its colour later.
  const submit = () => props.onHighlight('yellow', comment);
  return (
    <div class="jl-sel" role="toolbar" aria-label="JAK Lens highlight">
      {props.commenting ? (
        <>
          <textarea
            aria-label="Comment for the highlight"
            maxLength={MAX_COMMENT}
            value={comment}
            onInput={onlyTrusted((e) => {
              setComment(e.currentTarget.value);
              props.onCommentInput?.(e.currentTarget.value);
            })}
            onKeyDown={onlyTrusted((e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
              if (e.key === 'Escape') props.onCancel();
            })}
            ref={(el) => el?.focus()}
          />
          <button
            type="button"
            class="jl-sel-save"
            disabled={props.busy}
            onClick={onlyTrusted(submit)}
          >
            Highlight with comment
          </button>
          <button type="button" onClick={onlyTrusted(props.onCancel)}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            class="jl-sel-highlight"
            disabled={props.busy}
            onClick={onlyTrusted(() => props.onHighlight('yellow'))}
          >
            Highlight
          </button>
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              class="jl-sel-swatch"
              data-color={c}
              aria-label={`Highlight ${c}`}
              style={{ background: READER_HIGHLIGHT_COLORS[c] }}
              disabled={props.busy}
              onClick={onlyTrusted(() => props.onHighlight(c))}
            />
          ))}
          <button type="button" class="jl-sel-comment" onClick={onlyTrusted(props.onStartComment)}>
            Comment…
          </button>
        </>
      )}
      {props.errorMessage && (
        <p role="alert" class="jl-sel-error">
          {props.errorMessage}
        </p>
      )}
    </div>
  );
}
