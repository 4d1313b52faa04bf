import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import type { TabState } from '@/utils/messages';

/** Asks the current tab's content script what it sees; no content script there means not a PubMed page. */
async function queryTab(): Promise<TabState | null> {
  const tabId =
    requestedTabId() ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  try {
    const state = (await browser.tabs.sendMessage(tabId, { type: 'tab/get-state' })) as
      TabState | undefined;
    return state ?? null;
  } catch {
    return null; // "Receiving end does not exist": JAK Lens does not run in this tab.
  }
}

/**
 * `popup.html?tab=<id>` describes that tab instead of the active one: the end-to-end tests open the popup
 * in a tab of its own, where the active tab would be the popup itself.
 */
function requestedTabId(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function App() {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    queryTab().then(setState, () => setState(null));
  }, []);
  const openLibrary = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    window.close();
  };
  return <PopupView state={state} onOpenLibrary={openLibrary} />;
}
