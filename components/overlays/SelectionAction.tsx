import { NOTE_MARK_COLORS } from '@/utils/reader-highlights/style';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/storage/picklists';
import { whenTrusted } from '@/components/trusted';

type Props = {
  busy?: boolean;
  errorMessage?: string;
  onHighlight: (color: HighlightColor) => void;
  /** Highlights (yellow) and opens the comment editor in the panel, an extension frame. */
  onComment: () => void;
};

/** Styles for the bar; rendered inside its own shadow root, so nothing leaks to or from the page. */
export const SELECTION_ACTION_CSS = `
:host { all: initial; position: absolute; z-index: 2147483646; }
.jl-sel { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; max-width: 260px;
  font: 13px/1.3 system-ui, sans-serif; color: #1b1f24; background: #fff;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 4px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); }
.jl-sel button { font: inherit; cursor: pointer; }
.jl-sel-swatch { width: 18px; height: 18px; border-radius: 50%; border: 1px solid #57606a; padding: 0; }
.jl-sel-error { flex-basis: 100%; margin: 0; color: #9a1c1c; }
button:focus-visible { outline: 2px solid #0969da; }
@media (prefers-color-scheme: dark) {
  .jl-sel { color: #e6edf3; background: #161b22; border-color: #30363d; }
}
`;

/**
 * The small bar shown next to a text selection: "Highlight" (yellow), one swatch per other colour, and
 * "Comment…", which highlights and opens the comment editor in the panel (comments are never typed in
 * the page). Presentational; it acts only on the reader's own (trusted) clicks and keys.
 */
export function SelectionAction(props: Props) {
  return (
    <div class="jl-sel" role="toolbar" aria-label="JAK Lens highlight">
      <button
        type="button"
        class="jl-sel-highlight"
        disabled={props.busy}
        onClick={whenTrusted(() => props.onHighlight('yellow'))}
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
          style={{ background: NOTE_MARK_COLORS[c] }}
          disabled={props.busy}
          onClick={whenTrusted(() => props.onHighlight(c))}
        />
      ))}
      <button
        type="button"
        class="jl-sel-comment"
        disabled={props.busy}
        onClick={whenTrusted(() => props.onComment())}
      >
        Comment…
      </button>
      {props.errorMessage && (
        <p role="alert" class="jl-sel-error">
          {props.errorMessage}
        </p>
      )}
    </div>
  );
}
