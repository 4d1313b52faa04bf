import { localItem } from './local-item';
import { normalizeSettings, type Settings } from './settings';

/** The settings item in extension storage (`storage.local`, key "settings"). */
export const settingsItem = localItem('settings');

/** When the reader last exported a backup (epoch ms); drives the gentle backup reminder. */
export const lastExportItem = localItem('lastExport');

/** Reads the settings, repaired to valid values. */
export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Merges a change into the stored settings. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `onChange` with repaired settings whenever another page changes them; returns the stop function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(normalizeSettings(raw)));
}

/** The time of the last export, or 0 when the reader never exported (or the value is damaged). */
export async function loadLastExportAt(): Promise<number> {
  const raw = await lastExportItem.getValue();
  return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw : 0;
}

/** Remembers that the reader exported now. */
export function recordExport(now = Date.now()): Promise<void> {
  return lastExportItem.setValue(now);
}
