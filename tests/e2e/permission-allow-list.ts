/**
 * Everything the built manifests may ask for, each with the reason JAK Lens needs it. The manifest test
 * (manifest.e2e.ts) fails on any permission, host or web-accessible resource of the Chrome or Firefox
 * build that is not listed here. An entry the manifest does not (yet) use is fine: add the reason first,
 * then the permission. Removing a feature? Remove its entry too.
 */

/** API permissions (`permissions`, `optional_permissions`). */
export const ALLOWED_PERMISSIONS: Record<string, string> = {
  storage:
    'extension storage for settings and the panel layout (utils/settings/settings.ts, utils/settings/panel-prefs.ts)',
  contextMenus:
    'planned: the "Highlight with JAK Lens" item on selected text in PubMed/PMC pages (Chrome name)',
  menus: 'planned: the same context-menu item under the name Firefox also accepts',
  scripting:
    'Chrome only: the background injects the panel and mark-card script (entrypoints/pubmed-ui.ts) into a PubMed/PMC frame whose always-on content script asks for it (a relevant article, a first mark hover, a keyboard command); only files of the extension, only into the hosts above',
  alarms:
    "PubMed watches' scheduled check for new papers (utils/topic-watch/) and the background sync schedule with the reader's WebDAV server (utils/sync/)",
};

/**
 * Optional hosts (`optional_host_permissions`; inside `optional_permissions` in Firefox's MV2 build):
 * granted for nothing at install. When the reader sets sync up, the settings page asks for the ONE
 * origin of their WebDAV server (permissions.request, a click being the gesture), and removing sync
 * gives it back. The patterns must be this wide because the server can be anywhere (Nextcloud, a
 * hospital share); the extension never requests them whole.
 */
export const ALLOWED_OPTIONAL_HOSTS: Record<string, string> = {
  'https://*/*': "sync: the reader's own WebDAV server, requested per origin at set-up",
  'http://*/*': "sync: a WebDAV server on the reader's own machine or network, per origin",
};

/**
 * Hosts (`host_permissions` in MV3; match patterns inside `permissions` in Firefox's MV2 build). Only the
 * sites JAK Lens annotates, plus NCBI's E-utilities when records are fetched from there.
 */
export const ALLOWED_HOSTS: Record<string, string> = {
  'https://pubmed.ncbi.nlm.nih.gov/*': 'annotated site: PubMed article and search pages',
  'https://pmc.ncbi.nlm.nih.gov/*': 'annotated site: PMC full-text articles',
  'https://eutils.ncbi.nlm.nih.gov/*':
    'planned: fetching article records (efetch XML) from NCBI E-utilities, nothing else on that host',
};

/** Where the content script may run: exactly the annotated sites. */
export const ALLOWED_CONTENT_SCRIPT_MATCHES: Record<string, string> = {
  'https://pubmed.ncbi.nlm.nih.gov/*': 'reads, classifies and highlights PubMed articles',
  'https://pmc.ncbi.nlm.nih.gov/*': 'reads, classifies and highlights PMC full text',
};

/**
 * Files pages may load from the extension. The panel's CSS is inlined into its shadow root; the only file
 * exposed is the note editor's page, which the panel frames so that the note's text and keystrokes live
 * in the extension's origin, out of reach of PubMed's scripts. Chrome exposes it to the annotated sites
 * only (`matches`); Firefox's MV2 list has no matches, but its extension URLs carry a random per-install
 * UUID. The frame does nothing the page can observe beyond its height.
 */
export const ALLOWED_WEB_ACCESSIBLE_RESOURCES: Record<string, string> = {
  'note-frame.html':
    'the note editor framed in the panel on PubMed/PMC (entrypoints/note-frame/): keeps the note being typed out of the page',
};

/**
 * Never allowed, whatever a later entry above says: these give access to every site or every tab.
 * (`scripting` left this list with issue 17: it reaches only the hosts granted, which the host tests
 * keep to NCBI, and the background uses it for one file of its own; see ALLOWED_PERMISSIONS.)
 */
export const FORBIDDEN = [
  '<all_urls>',
  '*://*/*',
  'http://*/*',
  'https://*/*',
  'tabs',
  'webRequest',
  'webRequestBlocking',
  'debugger',
  'management',
  'nativeMessaging',
  'cookies',
  'history',
];
