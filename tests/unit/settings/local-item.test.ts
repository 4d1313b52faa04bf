import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localItem } from '@/utils/settings/local-item';

describe('localItem (storage.local without WXT storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads null when nothing is stored, then what was stored under its own key', async () => {
    const item = localItem('settings');
    expect(await item.getValue()).toBeNull();
    await item.setValue({ recordRecent: false });
    expect(await item.getValue()).toEqual({ recordRecent: false });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { recordRecent: false },
    });
  });

  it('removes the key when set to null', async () => {
    const item = localItem('panel');
    await item.setValue({ side: 'left' });
    await item.setValue(null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('tells a watcher of real changes to its key only, until stopped', async () => {
    const item = localItem('settings');
    const seen: unknown[] = [];
    const stop = item.watch((value) => seen.push(value));
    await item.setValue({ a: 1 });
    await item.setValue({ a: 1 }); // same value: no change
    await fakeBrowser.storage.local.set({ other: 2 });
    await fakeBrowser.storage.sync.set({ settings: 3 });
    await item.setValue(null);
    stop();
    await item.setValue({ a: 2 });
    expect(seen).toEqual([{ a: 1 }, null]);
  });
});
