import { useEffect, useState } from 'preact/hooks';
import { SettingsForm, type StorageInfo } from '@/components/library/SettingsForm';
import { loadPanelPrefs, savePanelPrefs } from '@/utils/settings/panel-prefs';
import type { Settings } from '@/utils/settings/settings';
import { saveSettings } from '@/utils/settings/store';

type Props = {
  settings: Settings;
  /** navigator.storage, or undefined where the browser lacks it. */
  storageManager?: Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;
};

/** Settings, connected: extension storage for the settings and panel side, navigator.storage for usage. */
export function SettingsView({ settings, storageManager }: Props) {
  const [side, setSide] = useState<'left' | 'right'>('right');
  const [storage, setStorage] = useState<StorageInfo>({});
  const refreshStorage = async () => {
    if (!storageManager) return;
    const [estimate, persisted] = await Promise.all([
      storageManager.estimate(),
      storageManager.persisted(),
    ]);
    setStorage({ usage: estimate.usage, quota: estimate.quota, persisted });
  };
  useEffect(() => {
    void loadPanelPrefs().then((prefs) => setSide(prefs.side));
    void refreshStorage();
  }, []);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <SettingsForm
        settings={settings}
        panelSide={side}
        storage={storage}
        onChange={(change) => void saveSettings(change)}
        onPanelSideChange={(next) => {
          setSide(next);
          void savePanelPrefs({ side: next });
        }}
        onRequestPersist={() => void storageManager?.persist().then(refreshStorage)}
      />
    </section>
  );
}
