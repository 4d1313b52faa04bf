import type { TrashedNote } from '@/utils/storage/entities';
import { formatWhen } from './format';

type Props = {
  items: TrashedNote[];
  onRestore: (id: string) => void;
  onEmpty: () => void;
  now?: number;
};

const REASONS: Record<TrashedNote['reason'], string> = {
  deleted: 'deleted',
  'conflict-discarded': 'discarded conflict copy',
  'replaced-by-conflict-copy': 'replaced by a conflict copy',
};

/** The trash: deleted notes (and articles' highlights) that can be restored until it is emptied. */
export function TrashList({ items, onRestore, onEmpty, now }: Props) {
  return (
    <section aria-labelledby="trash-heading">
      <div class="section-head">
        <h2 id="trash-heading">Trash</h2>
        <button type="button" onClick={onEmpty} disabled={items.length === 0}>
          Empty trash
        </button>
      </div>
      {items.length === 0 ? (
        <p class="empty">The trash is empty.</p>
      ) : (
        <ul class="trash-list">
          {items.map((item) => (
            <li key={item.id} class="trash-item">
              <strong>{item.articleKey}</strong>{' '}
              <span class="library-meta">
                {REASONS[item.reason]} {formatWhen(item.deletedAt, now)}
                {item.highlights?.length ? ` · ${item.highlights.length} highlights` : ''}
              </span>
              <p class="library-snippet">{item.body.slice(0, 200)}</p>
              <button type="button" onClick={() => onRestore(item.id)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
