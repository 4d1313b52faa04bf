import { TrashList } from '@/components/library/TrashList';
import { useLiveQuery } from '@/components/library/use-live-query';
import type { JakLensDB } from '@/utils/storage/db';
import { emptyTrash } from '@/utils/storage/trash';
import { listTrash, restoreFromTrash } from '@/utils/storage/notes-repository';

type Props = { db: JakLensDB; confirm: (message: string) => boolean };

/** The trash, live: restore an item, or empty the trash after confirmation. */
export function TrashView({ db, confirm }: Props) {
  const { value: items } = useLiveQuery(() => listTrash(db), [db]);
  if (!items) return <p>Loading…</p>;
  return (
    <TrashList
      items={items}
      onRestore={(id) => void restoreFromTrash(db, id)}
      onEmpty={() => {
        if (confirm(`Delete ${items.length} items for good? This cannot be undone.`)) {
          void emptyTrash(db);
        }
      }}
    />
  );
}
