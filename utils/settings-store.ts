import { storage } from '#imports';
import { normalizeSettings, type Settings } from './settings';

/** The settings item in extension storage (`storage.local`, key "settings"). */
export const settingsItem = storage.defineItem<unknown>('local:settings');

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
