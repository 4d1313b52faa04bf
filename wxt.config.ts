import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Sites JAK Lens annotates; nothing else is requested (see tests/e2e/manifest.e2e.ts and its allow-list). */
export const ANNOTATED_SITES = [
  'https://pubmed.ncbi.nlm.nih.gov/*',
  'https://pmc.ncbi.nlm.nih.gov/*',
];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'JAK Lens',
    description:
      'Recognises JDM / myositis and JAK-inhibitor articles on PubMed, highlights drugs and targets, and keeps your notes locally.',
    permissions: ['storage'],
    host_permissions: ANNOTATED_SITES,
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Show or hide the JAK Lens summary panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jak-lens@jak-lens.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
  webExt: {
    startUrls: ['https://pubmed.ncbi.nlm.nih.gov/34563217/'],
  },
});
