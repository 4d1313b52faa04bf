import { useState } from 'preact/hooks';
import { READING_STATUSES, type ReadingStatus } from '@/utils/storage/picklists';
import { normalizeTags, suggestTags } from '@/utils/storage/tags';
import { MarkdownPreview } from './MarkdownPreview';
import type { SaveState } from './use-autosave';

type Props = {
  value: string;
  status: ReadingStatus;
  tags: string[];
  /** Tags to offer: the reader's existing tags, then entities found on the page ("drug:baricitinib"). */
  suggestions: string[];
  saveState: SaveState;
  errorMessage?: string;
  onChange: (value: string) => void;
  onStatusChange: (status: ReadingStatus) => void;
  onTagsChange: (tags: string[]) => void;
  /** Save now instead of waiting for the next automatic retry. */
  onRetry?: () => void;
};

export const STATUS_LABELS: Record<ReadingStatus, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
  'key-paper': 'Key paper',
};

/**
 * The note editor: plain text with light Markdown (and a preview), reading status, tags with
 * suggestions, and a visible save state. Presentational: the text and its saving live in the caller
 * (see use-autosave.ts).
 */
export function NoteEditor(props: Props) {
  const { value, status, tags, suggestions, onTagsChange } = props;
  const [typed, setTyped] = useState('');
  const [preview, setPreview] = useState(false);
  const offered = suggestTags(suggestions, tags, typed, 8);

  const addTag = (tag: string) => {
    const next = normalizeTags([...tags, tag]);
    if (next.length !== tags.length) onTagsChange(next);
    setTyped('');
  };

  return (
    <section class="jak-note-editor" aria-label="Your note">
      <div class="jak-note-toolbar">
        <label>
          Status{' '}
          <select
            value={status}
            onChange={(e) => props.onStatusChange(e.currentTarget.value as ReadingStatus)}
          >
            {READING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
        <SaveIndicator {...props} />
      </div>
      {preview ? (
        <MarkdownPreview source={value} />
      ) : (
        <textarea
          aria-label="Note text"
          value={value}
          rows={8}
          placeholder="Your note (**bold**, *italic*, `code`, - lists, [links](https://…))"
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
      <div class="jak-note-tags">
        <ul aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag}>
              {tag}{' '}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onTagsChange(tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          aria-label="Add a tag"
          value={typed}
          maxLength={64}
          placeholder="Add a tag"
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if ((e.key === 'Enter' || e.key === ',') && typed.trim()) {
              e.preventDefault();
              addTag(typed);
            }
          }}
        />
        {offered.length > 0 && (
          <ul class="jak-tag-suggestions" aria-label="Suggested tags">
            {offered.map((tag) => (
              <li key={tag}>
                <button type="button" onClick={() => addTag(tag)}>
                  {tag}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function SaveIndicator({ saveState, errorMessage, onRetry }: Props) {
  return (
    <div class={`jak-save-state jak-save-${saveState}`} role="status" aria-live="polite">
      {saveState === 'saved' && 'Saved'}
      {saveState === 'saving' && 'Saving…'}
      {saveState === 'error' && (
        <>
          Not saved{errorMessage ? `: ${errorMessage}` : ''}. Your text is kept here and will be
          retried.{' '}
          {onRetry && (
            <button type="button" onClick={onRetry}>
              Retry now
            </button>
          )}
        </>
      )}
      {saveState === 'conflict' &&
        'Another tab saved this note first. Your version was kept as a conflict copy; nothing was lost.'}
    </div>
  );
}
