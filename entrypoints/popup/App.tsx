import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import { createMessageClient } from '@/utils/message-client';
import type { Message, TabState } from '@/utils/messages';
import type { ReadingStatus } from '@/utils/picklists';

const request = createMessageClient((message: Message) => browser.runtime.sendMessage(message));

/**
 * `popup.html?tab=<id>` describes that tab instead of the active one: the end-to-end tests open the popup
 * in a tab of its own, where the active tab would be the popup itself.
 */
function requestedTabId(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

async function findTabId(): Promise<number | undefined> {
  return (
    requestedTabId() ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id
  );
}

/** Asks the tab's content script what it sees; no content script there means not a page we annotate. */
async function queryTab(tabId: number | undefined): Promise<TabState | null> {
  if (tabId === undefined) return null;
  try {
    const state = (await browser.tabs.sendMessage(tabId, { type: 'tab/get-state' })) as
      TabState | undefined;
    return state ?? null;
  } catch {
    return null; // "Receiving end does not exist": JAK Lens does not run in this tab.
  }
}

export function App() {
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [noteStatus, setNoteStatus] = useState<ReadingStatus | null | undefined>(undefined);

  useEffect(() => {
    void (async () => {
      const id = await findTabId();
      setTabId(id);
      const tab = await queryTab(id);
      setState(tab);
      if (tab?.article) {
        const reply = await request({ type: 'note/get', articleKey: tab.article.key }).catch(
          () => null,
        );
        setNoteStatus(reply?.note?.status ?? null);
      }
    })();
  }, []);

  const openLibrary = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    window.close();
  };
  const togglePanel = () => {
    if (tabId === undefined) return;
    void browser.tabs.sendMessage(tabId, { type: 'panel/toggle' }).catch(() => undefined);
    window.close();
  };
  return (
    <PopupView
      state={state}
      noteStatus={noteStatus}
      onOpenLibrary={openLibrary}
      onTogglePanel={togglePanel}
    />
  );
}
