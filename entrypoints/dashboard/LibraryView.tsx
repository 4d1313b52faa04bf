import { useMemo, useState } from 'preact/hooks';
import { ExportMenu, type ExportFormat, type ExportScope } from '@/components/library/ExportMenu';
import { FilterBar } from '@/components/library/FilterBar';
import { ImportDialog } from '@/components/library/ImportDialog';
import { LibraryTable } from '@/components/library/LibraryTable';
import { SearchBar } from '@/components/library/SearchBar';
import { TagRename } from '@/components/library/TagRename';
import type { JakLensDB } from '@/utils/storage/db';
import { buildExport } from '@/utils/library/export-file';
import type { LibraryFacets, LibraryFilter, LibraryRow, LibrarySort } from '@/utils/library/query';
import { trashArticles } from '@/utils/storage/trash';
import { restoreFromTrash } from '@/utils/storage/notes-repository';
import { addTagToArticles, renameTag } from '@/utils/storage/tag-operations';
import { DetailView } from './DetailView';
import { downloadFile } from './download';
import { useImport } from './use-import';
import { useLibrary } from './use-library';

type Props = {
  db: JakLensDB;
  /** Called after a download, so the backup reminder can reset. */
  onExported: () => void;
};

/**
 * Rows rendered at once (a screenful and more); more on request, so a keystroke re-renders at most
 * this many rows. The worker's first screen (library.worker.ts) reads as many.
 */
const PAGE = 100;
const NO_ROWS: LibraryRow[] = [];
const NO_FACETS: LibraryFacets = { tags: [], antibodies: [], drugs: [], targets: [] };

/** The library: search, filters, the table, bulk actions, import/export, and an opened article. */
export function LibraryView({ db, onExported }: Props) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [sort, setSort] = useState<LibrarySort>('edited');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openKey, setOpenKey] = useState<string>();
  const [limit, setLimit] = useState(PAGE);
  const [undo, setUndo] = useState<{ ids: string[]; label: string }>();
  const [bulkTag, setBulkTag] = useState('');
  const imports = useImport(db);
  // Search, filter and order run in the library's worker; the page draws the rows it answers with.
  const { result, error, rowsOf } = useLibrary(db, { query, filter, sort, limit, open: openKey });
  const rows = result?.rows ?? NO_ROWS;
  const facets = result?.facets ?? NO_FACETS;
  const shownCount = result?.shown ?? 0;
  // The same element while the rows and the selection are the same: a keystroke re-renders the
  // search field, not a hundred rows, before the worker's answer arrives.
  const table = useMemo(
    () => (
      <LibraryTable
        rows={rows}
        selected={selected}
        onOpen={setOpenKey}
        onToggle={(key) => {
          const next = new Set(selected);
          if (!next.delete(key)) next.add(key);
          setSelected(next);
        }}
        onToggleAll={(on) => setSelected(on ? new Set(rows.map((r) => r.key)) : new Set())}
      />
    ),
    [rows, selected],
  );

  const remove = async (keys: string[], label: string) => {
    const ids = await trashArticles(db, keys);
    setSelected(new Set());
    setOpenKey(undefined);
    setUndo({ ids, label });
  };
  const onExport = async (format: ExportFormat, scope: ExportScope) => {
    const chosen = await rowsOf(scope === 'selected' ? [...selected] : scope);
    downloadFile(await buildExport(db, format, chosen, scope === 'all'));
    onExported();
  };

  // The worker sends the opened row with every answer (so it follows edits); until it has, the
  // row clicked in the table stands in. null: the article left the library (e.g. trashed elsewhere).
  const answered = result?.open?.key === openKey ? result?.open : undefined;
  const open =
    openKey === undefined
      ? undefined
      : answered
        ? (answered.row ?? undefined)
        : rows.find((r) => r.key === openKey);
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
      {error !== undefined && <p role="alert">Could not read the library: {error}</p>}
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
      <SearchBar
        value={query}
        shown={shownCount}
        total={result?.total ?? 0}
        {...(result ? { resultsFor: result.query } : {})}
        {...(result && !result.complete ? { reading: { expected: result.expected } } : {})}
        onInput={setQuery}
      />
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
      {result === undefined ? <p>Loading…</p> : table}
      {shownCount > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          Show more ({shownCount - limit} more)
        </button>
      )}
      <div class="library-tools">
        <ExportMenu
          counts={{ all: result?.total ?? 0, shown: shownCount, selected: selected.size }}
          onExport={(format, scope) => void onExport(format, scope)}
        />
        <TagRename tags={facets.tags} onRename={(from, to) => void renameTag(db, from, to)} />
        <ImportDialog {...imports} />
      </div>
    </section>
  );
}
