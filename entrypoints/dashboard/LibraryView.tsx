import { useMemo, useRef, useState } from 'preact/hooks';
import { ExportMenu, type ExportFormat, type ExportScope } from '@/components/library/ExportMenu';
import { FilterBar } from '@/components/library/FilterBar';
import { ImportDialog } from '@/components/library/ImportDialog';
import { LibraryTable } from '@/components/library/LibraryTable';
import { SearchBar } from '@/components/library/SearchBar';
import { TagRename } from '@/components/library/TagRename';
import { useLiveQuery } from '@/components/library/use-live-query';
import type { JakLensDB } from '@/utils/storage/db';
import { buildExport } from '@/utils/library/export-file';
import {
  facetsOf,
  filterRows,
  loadLibraryRows,
  sortRows,
  type LibraryFilter,
  type LibrarySort,
} from '@/utils/library/query';
import { createLibraryIndex, searchLibrary, syncLibraryIndex } from '@/utils/library/search';
import { trashArticles } from '@/utils/storage/trash';
import { restoreFromTrash } from '@/utils/storage/notes-repository';
import { addTagToArticles, renameTag } from '@/utils/storage/tag-operations';
import { DetailView } from './DetailView';
import { downloadFile } from './download';
import { useImport } from './use-import';

type Props = {
  db: JakLensDB;
  /** Called after a download, so the backup reminder can reset. */
  onExported: () => void;
};

/** Rows rendered at once; more on request, so a keystroke never re-renders 10,000 rows. */
const PAGE = 200;

/** The library: search, filters, the table, bulk actions, import/export, and an opened article. */
export function LibraryView({ db, onExported }: Props) {
  const { value: rows, error } = useLiveQuery(() => loadLibraryRows(db), [db]);
  const index = useRef(createLibraryIndex());
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [sort, setSort] = useState<LibrarySort>('edited');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openKey, setOpenKey] = useState<string>();
  const [limit, setLimit] = useState(PAGE);
  const [undo, setUndo] = useState<{ ids: string[]; label: string }>();
  const [bulkTag, setBulkTag] = useState('');
  const imports = useImport(db);

  const all = rows ?? [];
  // Keep the index in step with the live rows (only changed rows are re-indexed).
  useMemo(() => syncLibraryIndex(index.current, all), [all]);
  const hits = useMemo(() => searchLibrary(index.current, query), [all, query]);
  // Sorted once per change of rows or order; a keystroke only filters (order is kept).
  const sorted = useMemo(() => sortRows(all, sort), [all, sort]);
  const shown = useMemo(
    () => filterRows(hits ? sorted.filter((r) => hits.has(r.key)) : sorted, filter),
    [sorted, hits, filter],
  );
  const facets = useMemo(() => facetsOf(all), [all]);
  const selectedRows = all.filter((r) => selected.has(r.key));

  const remove = async (keys: string[], label: string) => {
    const ids = await trashArticles(db, keys);
    setSelected(new Set());
    setOpenKey(undefined);
    setUndo({ ids, label });
  };
  const onExport = async (format: ExportFormat, scope: ExportScope) => {
    const chosen = scope === 'all' ? all : scope === 'shown' ? shown : selectedRows;
    downloadFile(await buildExport(db, format, chosen, scope === 'all'));
    onExported();
  };

  const open = all.find((r) => r.key === openKey);
  if (open) {
    return (
      <DetailView
        key={open.key}
        db={db}
        row={open}
        knownTags={facets.tags}
        onClose={() => setOpenKey(undefined)}
        onDelete={() => void remove([open.key], `“${open.title}”`)}
      />
    );
  }
  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading">Notes library</h2>
      {error !== undefined && <p role="alert">Could not read the library: {String(error)}</p>}
      {undo && (
        <p role="status" class="undo">
          Moved {undo.label} to the trash.{' '}
          <button
            type="button"
            onClick={async () => {
              for (const id of undo.ids) await restoreFromTrash(db, id);
              setUndo(undefined);
            }}
          >
            Undo
          </button>
        </p>
      )}
      <SearchBar value={query} shown={shown.length} total={all.length} onInput={setQuery} />
      <FilterBar
        filter={filter}
        sort={sort}
        facets={facets}
        onFilterChange={setFilter}
        onSortChange={setSort}
      />
      {selected.size > 0 && (
        <div class="bulk-bar" role="group" aria-label="Selected articles">
          <span>{selected.size} selected</span>{' '}
          <input
            aria-label="Tag to add to the selected articles"
            value={bulkTag}
            maxLength={64}
            onInput={(e) => setBulkTag(e.currentTarget.value)}
          />{' '}
          <button
            type="button"
            disabled={!bulkTag.trim()}
            onClick={() =>
              void addTagToArticles(db, [...selected], bulkTag).then(() => setBulkTag(''))
            }
          >
            Add tag
          </button>{' '}
          <button
            type="button"
            onClick={() => void remove([...selected], `${selected.size} articles`)}
          >
            Delete selected
          </button>
        </div>
      )}
      {rows === undefined ? (
        <p>Loading…</p>
      ) : (
        <LibraryTable
          rows={shown.slice(0, limit)}
          selected={selected}
          onOpen={setOpenKey}
          onToggle={(key) => {
            const next = new Set(selected);
            if (!next.delete(key)) next.add(key);
            setSelected(next);
          }}
          onToggleAll={(on) =>
            setSelected(on ? new Set(shown.slice(0, limit).map((r) => r.key)) : new Set())
          }
        />
      )}
      {shown.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          Show more ({shown.length - limit} more)
        </button>
      )}
      <div class="library-tools">
        <ExportMenu
          counts={{ all: all.length, shown: shown.length, selected: selected.size }}
          onExport={(format, scope) => void onExport(format, scope)}
        />
        <TagRename tags={facets.tags} onRename={(from, to) => void renameTag(db, from, to)} />
        <ImportDialog {...imports} />
      </div>
    </section>
  );
}
