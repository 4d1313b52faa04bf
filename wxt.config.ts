import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Sites JAK Lens annotates; nothing else is requested (see tests/e2e/manifest.e2e.ts and its allow-list). */
export const ANNOTATED_SITES = [
  'https://pubmed.ncbi.nlm.nih.gov/*',
  'https://pmc.ncbi.nlm.nih.gov/*',
];
/** Fetched by the background only: PubMed records (MeSH, abstracts) for search-result badges. */
export const FETCHED_SITES = ['https://eutils.ncbi.nlm.nih.gov/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'JAK Lens',
    description:
      'Recognises JDM / myositis and JAK-inhibitor articles on PubMed, highlights drugs and targets, and keeps your notes locally.',
    // contextMenus: the "Highlight with JAK Lens" item on a selection (Firefox accepts the same name).
    permissions: ['storage', 'contextMenus'],
    host_permissions: [...ANNOTATED_SITES, ...FETCHED_SITES],
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
  vite: () => ({ plugins: [preact()] }),
  webExt: {
    startUrls: ['https://pubmed.ncbi.nlm.nih.gov/34563217/'],
  },
});
