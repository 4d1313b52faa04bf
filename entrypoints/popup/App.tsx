import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import { SITE_NAMES, siteOf } from '@/utils/term-marks/settings-css';
import { createMessageClient } from '@/utils/messaging/client';
import type { Message, TabState } from '@/utils/messaging/messages';
import type { ReadingStatus } from '@/utils/storage/picklists';
import type { Settings } from '@/utils/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings/store';

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

/** The tab's URL (readable for the sites JAK Lens has host access to, which are the ones that matter). */
async function tabUrl(tabId: number | undefined): Promise<string | undefined> {
  if (tabId === undefined) return undefined;
  return browser.tabs.get(tabId).then(
    (tab) => tab.url,
    () => undefined,
  );
}

/** Asks the tab again until its content script answers (a session starts a moment after the switch). */
async function queryTabUntil(tabId: number | undefined, wanted: boolean): Promise<TabState | null> {
  let tab = await queryTab(tabId);
  for (let i = 0; i < 20 && (tab !== null) !== wanted; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    tab = await queryTab(tabId);
  }
  return tab;
}

export function App() {
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [noteStatus, setNoteStatus] = useState<ReadingStatus | null | undefined>(undefined);
  const [site, setSite] = useState<keyof Settings['sites'] | null>(null);
  const [sites, setSites] = useState<Settings['sites']>();

  const describeTab = async (tab: TabState | null) => {
    setState(tab);
    if (tab?.article) {
      const reply = await request({ type: 'note/get', articleKey: tab.article.key }).catch(
        () => null,
      );
      setNoteStatus(reply?.note?.status ?? null);
    }
  };

  useEffect(() => {
    const stop = watchSettings((next) => setSites(next.sites));
    void (async () => {
      const id = await findTabId();
      setTabId(id);
      setSite(siteOf(await tabUrl(id)));
      setSites((await loadSettings()).sites);
      await describeTab(await queryTab(id));
    })();
    return stop;
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
  const toggleSite = async () => {
    if (!site || !sites) return;
    const enabled = !sites[site];
    const next = await saveSettings({ sites: { ...sites, [site]: enabled } });
    setSites(next.sites);
    await describeTab(await queryTabUntil(tabId, enabled));
  };
  return (
    <PopupView
      state={state}
      noteStatus={noteStatus}
      onOpenLibrary={openLibrary}
      onTogglePanel={togglePanel}
      {...(site && sites
        ? {
            site: { name: SITE_NAMES[site], enabled: sites[site] },
            onToggleSite: () => void toggleSite(),
          }
        : {})}
    />
  );
}
