import type { LibraryRow } from '@/utils/library/query';
import { RELEVANCE_LABELS } from './FilterBar';
import { formatWhen, httpHref } from './format';
import { STATUS_LABELS } from '../notes/NoteEditor';

type Props = {
  rows: LibraryRow[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: (select: boolean) => void;
  onOpen: (key: string) => void;
  now?: number;
};

/** The library: one row per annotated article, with a checkbox for bulk actions. */
export function LibraryTable({ rows, selected, onToggle, onToggleAll, onOpen, now }: Props) {
  if (rows.length === 0) {
    return <p class="empty">No annotated articles match.</p>;
  }
  const allSelected = rows.every((r) => selected.has(r.key));
  return (
    <table class="library-table">
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label="Select all shown"
              checked={allSelected}
              onChange={() => onToggleAll(!allSelected)}
            />
          </th>
          <th scope="col">Article</th>
          <th scope="col">Verdict</th>
          <th scope="col">Tags</th>
          <th scope="col">Note</th>
          <th scope="col">Edited</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} class="library-row" data-key={row.key}>
            <td>
              <input
                type="checkbox"
                aria-label={`Select ${row.title}`}
                checked={selected.has(row.key)}
                onChange={() => onToggle(row.key)}
              />
            </td>
            <td>
              <a
                class="library-title"
                href={httpHref(row.url)}
                target="_blank"
                rel="noopener noreferrer"
              >
                {row.title}
              </a>
              <div class="library-meta">
                {row.journal && <span>{row.journal}</span>}
                {row.year !== undefined && <span>{row.year}</span>}
                {row.status && <span class="status">{STATUS_LABELS[row.status]}</span>}
                {row.highlights.length > 0 && (
                  <span>
                    {row.highlights.length} highlight{row.highlights.length === 1 ? '' : 's'}
                  </span>
                )}
                {row.conflicts > 0 && <span class="conflicts">{row.conflicts} conflict</span>}
              </div>
            </td>
            <td>
              {row.verdict && (
                <span class={`verdict verdict-${row.verdict.relevance}`}>
                  {RELEVANCE_LABELS[row.verdict.relevance]}
                </span>
              )}
              {row.drugs.length > 0 && (
                <div class="library-drugs">
                  {row.drugs.map((d) => d.replace(/^drug:/, '')).join(', ')}
                </div>
              )}
            </td>
            <td>
              <ul class="tag-list">
                {row.tags.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </td>
            <td class="library-snippet">{row.snippet}</td>
            <td>
              <time dateTime={new Date(row.lastEdited).toISOString()}>
                {formatWhen(row.lastEdited, now)}
              </time>{' '}
              <button
                type="button"
                onClick={() => onOpen(row.key)}
                aria-label={`Open ${row.title}`}
              >
                Open
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
