import { RecentList } from '@/components/RecentList';
import { useLiveQuery } from '@/components/use-live-query';
import type { JakLensDB } from '@/utils/db';
import { clearRecent, listRecent } from '@/utils/recent-articles';

type Props = { db: JakLensDB };

/** The library page: the recent-articles list, live from the extension's database. */
export function App({ db }: Props) {
  const { value: entries, error } = useLiveQuery(() => listRecent(db), [db]);
  const onClear = () => {
    if (confirm('Clear the list of recent articles? Your notes are kept.')) void clearRecent(db);
  };
  return (
    <main class="library">
      <header>
        <h1>JAK Lens library</h1>
      </header>
      <section aria-labelledby="recent-heading">
        <div class="section-head">
          <h2 id="recent-heading">Recent articles</h2>
          <button type="button" onClick={onClear} disabled={!entries?.length}>
            Clear list
          </button>
        </div>
        {error !== undefined && <p role="alert">Could not read the library: {String(error)}</p>}
        {entries === undefined ? <p>Loading…</p> : <RecentList entries={entries} />}
      </section>
    </main>
  );
}
