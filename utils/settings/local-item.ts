import { browser, type Browser } from 'wxt/browser';

/**
 * One key of the extension's `storage.local`, read, written and watched directly. It replaces WXT's
 * storage module (with its lock library, about 3 KB gzipped) where the always-on content script
 * reads settings: the items here are plain values, with no versioning or metadata.
 */
export interface LocalItem {
  /** The stored value, or null when there is none (as WXT's storage gave). */
  getValue(): Promise<unknown>;
  /** Stores `value`; null or undefined removes the key. */
  setValue(value: unknown): Promise<void>;
  /** Calls `onChange` with the new value (null when removed) when it really changed. */
  watch(onChange: (value: unknown) => void): () => void;
}

export function localItem(key: string): LocalItem {
  return {
    async getValue() {
      return (await browser.storage.local.get(key))[key] ?? null;
    },
    async setValue(value) {
      if (value === null || value === undefined) await browser.storage.local.remove(key);
      else await browser.storage.local.set({ [key]: value });
    },
    watch(onChange) {
      const listener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
        const change = area === 'local' ? changes[key] : undefined;
        // A write of the same value is no change (WXT's storage compared the values too).
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        onChange(change.newValue ?? null);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
