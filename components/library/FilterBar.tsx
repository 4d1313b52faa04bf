import type { LibraryFacets, LibraryFilter, LibrarySort } from '@/utils/library/query';
import {
  READING_STATUSES,
  RELEVANCES,
  type ReadingStatus,
  type Relevance,
} from '@/utils/storage/picklists';
import { STATUS_LABELS } from '../notes/NoteEditor';

type Props = {
  filter: LibraryFilter;
  sort: LibrarySort;
  facets: LibraryFacets;
  onFilterChange: (filter: LibraryFilter) => void;
  onSortChange: (sort: LibrarySort) => void;
};

const RELEVANCE_LABELS: Record<Relevance, string> = {
  core: 'Myositis + JAK',
  disease: 'Myositis only',
  jak: 'JAK only',
  none: 'Neither',
};

const SORT_LABELS: Record<LibrarySort, string> = {
  edited: 'Last edited',
  year: 'Year',
  title: 'Title',
};

/** Filter menus (tag, inhibitor, target, relevance, status) and the sort order. */
export function FilterBar({ filter, sort, facets, onFilterChange, onSortChange }: Props) {
  const set = (field: keyof LibraryFilter, value: string) => {
    const next = { ...filter };
    if (value) (next as Record<string, string>)[field] = value;
    else delete next[field];
    onFilterChange(next);
  };
  const menu = (field: keyof LibraryFilter, label: string, options: [string, string][]) => (
    <label>
      {label}{' '}
      <select value={filter[field] ?? ''} onChange={(e) => set(field, e.currentTarget.value)}>
        <option value="">All</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="filter-bar">
      {menu(
        'tag',
        'Tag',
        facets.tags.map((t) => [t, t]),
      )}
      {menu(
        'drug',
        'Inhibitor',
        facets.drugs.map((d) => [d, d.replace(/^drug:/, '')]),
      )}
      {menu(
        'target',
        'Target',
        facets.targets.map((t) => [t, t]),
      )}
      {menu(
        'relevance',
        'Relevance',
        RELEVANCES.map((r) => [r, RELEVANCE_LABELS[r]]),
      )}
      {menu(
        'status',
        'Status',
        READING_STATUSES.map((s: ReadingStatus) => [s, STATUS_LABELS[s]]),
      )}
      <label>
        Sort{' '}
        <select value={sort} onChange={(e) => onSortChange(e.currentTarget.value as LibrarySort)}>
          {(Object.keys(SORT_LABELS) as LibrarySort[]).map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export { RELEVANCE_LABELS };
