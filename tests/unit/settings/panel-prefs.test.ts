import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_PANEL_PREFS,
  loadPanelPrefs,
  normalizePanelPrefs,
  panelPrefsItem,
  savePanelPrefs,
} from '@/utils/settings/panel-prefs';

describe('panel prefs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to an open panel on the right', () => {
    expect(DEFAULT_PANEL_PREFS).toEqual({ collapsed: false, side: 'right' });
    expect(normalizePanelPrefs(undefined)).toEqual(DEFAULT_PANEL_PREFS);
  });

  it.each([
    [
      { collapsed: true, side: 'left' },
      { collapsed: true, side: 'left' },
    ],
    [
      { collapsed: 'yes', side: 'left' },
      { collapsed: false, side: 'left' },
    ],
    [
      { collapsed: true, side: 'top', extra: '<script>' },
      { collapsed: true, side: 'right' },
    ],
    ['garbage', { collapsed: false, side: 'right' }],
    [null, { collapsed: false, side: 'right' }],
  ])('repairs %j field by field', (raw, expected) => {
    expect(normalizePanelPrefs(raw)).toEqual(expected);
  });

  it('saves to extension storage under "panel" and reads back validated', async () => {
    expect(await loadPanelPrefs()).toEqual(DEFAULT_PANEL_PREFS);
    await savePanelPrefs({ collapsed: true });
    expect(await fakeBrowser.storage.local.get('panel')).toEqual({
      panel: { collapsed: true, side: 'right' },
    });
    await panelPrefsItem.setValue({ collapsed: 'broken', side: 'left' });
    expect(await loadPanelPrefs()).toEqual({ collapsed: false, side: 'left' });
  });
});
