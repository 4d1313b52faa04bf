import { useEffect, useState } from 'preact/hooks';
import { RecentList } from '@/components/library/RecentList';
import { useLiveQuery } from '@/components/library/use-live-query';
import type { JakLensDB } from '@/utils/storage/db';
import { countNotesCreatedSince } from '@/utils/library/load-rows';
import { clearRecent, listRecent } from '@/utils/storage/recent-articles';
import { DEFAULT_SETTINGS, isBackupDue, type Settings } from '@/utils/settings/settings';
import {
  loadLastExportAt,
  loadSettings,
  recordExport,
  watchSettings,
} from '@/utils/settings/store';
import { LibraryView } from './LibraryView';
import { NewPapersView } from './NewPapersView';
import { SettingsView } from './SettingsView';
import { SyncStatusSection } from './SyncView';
import { TrashView } from './TrashView';

type Props = { db: JakLensDB };

const TABS = {
  library: 'Library',
  'new-papers': 'New papers',
  trash: 'Trash',
  settings: 'Settings',
} as const;
type Tab = keyof typeof TABS;

/** `dashboard.html#new-papers` opens that tab (the popup's link to new papers). */
const initialTab = (): Tab => (location.hash === '#new-papers' ? 'new-papers' : 'library');

/** The library page: notes library (with the recent list below it), trash and settings. */
export function App({ db }: Props) {
  const [tab, setTab] = useState<Tab>(initialTab);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [lastExportAt, setLastExportAt] = useState<number>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    void loadLastExportAt().then(setLastExportAt);
    return watchSettings(setSettings);
  }, []);
  const { value: newNotes } = useLiveQuery(
    () => (lastExportAt === undefined ? 0 : countNotesCreatedSince(db, lastExportAt)),
    [db, lastExportAt],
  );
  const onExported = () => {
    const now = Date.now();
    setLastExportAt(now);
    void recordExport(now);
  };

  return (
    <main class="library">
      <header>
        <h1>JAK Lens library</h1>
        <nav class="tabs" aria-label="Library sections">
          {(Object.keys(TABS) as Tab[]).map((t) => (
            <button
              key={t}
              type="button"
              aria-current={tab === t ? 'page' : undefined}
              onClick={() => setTab(t)}
            >
              {TABS[t]}
            </button>
          ))}
        </nav>
      </header>
      {newNotes !== undefined && isBackupDue(settings, newNotes) && (
        <p class="backup-reminder" role="note">
          {newNotes} new notes since your last backup. Consider exporting a JSON backup.
        </p>
      )}
      {tab === 'library' && (
        <>
          <SyncStatusSection />
          <LibraryView db={db} onExported={onExported} />
          <RecentSection db={db} />
        </>
      )}
      {tab === 'new-papers' && <NewPapersView db={db} />}
      {tab === 'trash' && <TrashView db={db} confirm={(m) => confirm(m)} />}
      {tab === 'settings' && (
        <SettingsView settings={settings} storageManager={navigator.storage} />
      )}
    </main>
  );
}

/** The recent-articles list, live, with its "Clear list" button. */
function RecentSection({ db }: { db: JakLensDB }) {
  const { value: entries, error } = useLiveQuery(() => listRecent(db), [db]);
  const onClear = () => {
    if (confirm('Clear the list of recent articles? Your notes are kept.')) void clearRecent(db);
  };
  return (
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
  );
}
