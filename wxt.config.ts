import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Sites JAK Lens annotates or fetches; nothing else is requested (see tests/e2e/manifest.e2e.ts and its
// allow-list).
import { ANNOTATED_SITES, FETCHED_SITES } from './utils/page/sites';
/** Optional only, never granted whole: sync asks for the one origin of the reader's WebDAV server. */
export const SYNC_SERVER_HOSTS = ['https://*/*', 'http://*/*'];

/**
 * `npm run dev` opens a browser with the extension on a JDM article — where there is a screen to show it.
 * Without one (a server, CI) it builds and rebuilds on change, and says where to load the build from.
 */
function devBrowser() {
  const hasDisplay =
    process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  const isDev = !['build', 'zip', 'prepare', 'clean', 'submit', 'init'].includes(command ?? '');
  if (!hasDisplay && isDev && /wxt/.test(process.argv[1] ?? '')) {
    console.info(
      '[JAK Lens] No display: dev mode builds and watches without opening a browser. Load .output/chrome-mv3-dev unpacked.',
    );
  }
  const binaries: Record<string, string> = {};
  const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].find(
    (p) => p && existsSync(p),
  );
  if (chrome) binaries.chrome = chrome;
  if (firefox) binaries.firefox = firefox;
  return {
    disabled: !hasDisplay,
    binaries,
    // Chromium refuses to start its sandbox as root (containers, these build machines).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    startUrls: ['https://pubmed.ncbi.nlm.nih.gov/34563217/'],
  };
}

/** The toolbar button: its title and the icon at the sizes toolbars draw (1× and 2× screens). */
const TOOLBAR_BUTTON = {
  default_title: 'JAK Lens',
  default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' },
};

/**
 * The always-on content script is built without webextension-polyfill (2.5 KB gz of the 30 KB every
 * PubMed page loads, issue 17): `wxt/browser` is WXT's own `browser ?? chrome` there. No browser
 * needs the polyfill for it: Firefox has `browser` natively, and every call the script makes
 * (runtime.sendMessage, storage.local, storage.onChanged, runtime.getURL/id) returns a promise
 * natively in Chrome MV3; its one runtime.onMessage listener answers through `sendResponse`
 * (entrypoints/pubmed.content/index.ts), which both browsers support. The background and the
 * extension pages keep the polyfill: their listeners answer by returning promises, which it makes
 * work in Chrome.
 */
function contentScriptWithoutPolyfill(
  entrypoints: readonly { type: string }[],
  config: { resolve?: { alias?: unknown } },
) {
  if (!entrypoints.every((e) => e.type === 'content-script')) return;
  // WXT's own wxt/browser file, by path, so the polyfill module's alias of the name does not apply.
  const own = {
    find: /^wxt\/browser$/,
    replacement: createRequire(import.meta.url).resolve('wxt/browser'),
  };
  const alias = config.resolve?.alias;
  const list = Array.isArray(alias)
    ? alias
    : Object.entries((alias ?? {}) as Record<string, string>).map(([find, replacement]) => ({
        find,
        replacement,
      }));
  // First match wins: ours before the polyfill module's.
  config.resolve = { ...config.resolve, alias: [own, ...list] };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: { 'vite:build:extendConfig': contentScriptWithoutPolyfill },
  imports: false,
  manifest: ({ browser }) => ({
    name: 'JAK Lens',
    description:
      'Recognises JDM / myositis and JAK-inhibitor articles on PubMed, highlights drugs and targets, and keeps your notes locally.',
    // The toolbar icon (icons at 16/32/48/128 come from public/icon/, rendered from assets/icon.svg by
    // `npm run icons`); WXT adds the popup to this (browser_action in the Firefox MV2 build).
    // (WXT 0.21 drops `action.default_icon` when it writes MV2's browser_action, so Firefox names it.)
    [browser === 'firefox' ? 'browser_action' : 'action']: TOOLBAR_BUTTON,
    // contextMenus: the "Highlight with JAK Lens" item on a selection (Firefox accepts the same name).
    // alarms: the scheduled check of the reader's PubMed watches (utils/topic-watch/) and the background
    // sync schedule (utils/sync/).
    // scripting (Chrome): the background injects the panel and mark-card script into a PubMed/PMC
    // tab's frame when that page first needs it (utils/messaging/ui-load.ts); no warning at install,
    // and it reaches only the hosts granted below. Firefox's MV2 build does the same with
    // tabs.executeScript under those host permissions, so it asks for nothing new.
    permissions: [
      'storage',
      'contextMenus',
      'alarms',
      ...(browser === 'firefox' ? [] : ['scripting']),
    ],
    host_permissions: [...ANNOTATED_SITES, ...FETCHED_SITES],
    // Sync talks to the reader's own WebDAV server, wherever it is: the settings page asks for that one
    // origin at run time (permissions.request), and removing sync gives it back. Nothing is granted at
    // install. Firefox's MV2 lists optional hosts under optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: SYNC_SERVER_HOSTS }
      : { optional_host_permissions: SYNC_SERVER_HOSTS }),
    // The note editor runs in this extension page, framed by the panel on the annotated sites only, so
    // PubMed's scripts cannot read the note or its keystrokes (entrypoints/note-frame/).
    // (WXT turns this into MV2's plain list for Firefox.)
    web_accessible_resources: [{ resources: ['note-frame.html'], matches: ANNOTATED_SITES }],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Show or hide the JAK Lens summary panel',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text with JAK Lens',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jak-lens@jak-lens.org',
              // 140: the first version that reads data_collection_permissions (ESR 140 and later).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    // `npm run bench` (tests/bench/extension.mjs) builds with JL_SOURCEMAP=1 to map its CPU profile to
    // the sources: "hidden" writes .map files without pointing the shipped scripts at them.
    ...(process.env.JL_SOURCEMAP ? { build: { sourcemap: 'hidden' as const } } : {}),
  }),
  webExt: devBrowser(),
});
