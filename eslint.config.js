import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * Layering (issue 13): each arrow a newcomer relies on is a lint error when broken.
 *   entrypoints/ → components/ → utils/   (never the other way)
 *   Dexie only in utils/storage/ (and the one live-query hook in components/library/)
 *   the browser API (`browser`, `#imports`, wxt/browser) only in entrypoints/ and utils/settings/
 *   (settings live in extension storage).
 */
const LAYERS = {
  entrypoints: {
    group: ['@/entrypoints/*', '**/entrypoints/**'],
    message:
      'Only entrypoints/ may import entrypoints/: move what is shared into components/ or utils/.',
  },
  components: {
    group: ['@/components/*', '**/components/**'],
    message: 'utils/ holds domain logic and must not import components/.',
  },
  requests: {
    group: ['**/messaging/client', '**/messaging/background-handler'],
    message:
      'Components take props and call callbacks; requests to the background live in entrypoints/ (or their hooks).',
  },
  dexie: {
    names: ['dexie', 'dexie-react-hooks'],
    group: ['dexie/*'],
    message: 'Dexie is used only in utils/storage/ (the schema and repositories).',
  },
  browser: {
    // Exact names: '#' would start a comment in a gitignore-style pattern.
    names: ['#imports', 'wxt/browser', 'webextension-polyfill'],
    group: ['wxt/utils/*'],
    message: 'The browser API belongs to entrypoints/ (and utils/settings/ for extension storage).',
  },
};
const BROWSER_GLOBALS = ['browser', 'chrome'].map((name) => ({
  name,
  message: 'The browser API belongs to entrypoints/; pass what is needed in as an argument.',
}));

/** A no-restricted-imports rule forbidding the given layers (ESLint does not merge the rule per file). */
function forbid(...layers) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: layers.flatMap((layer) =>
          (LAYERS[layer].names ?? []).map((name) => ({ name, message: LAYERS[layer].message })),
        ),
        patterns: layers.map((layer) => ({
          group: LAYERS[layer].group,
          message: LAYERS[layer].message,
        })),
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'tests/fixtures/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Never build DOM from strings; page and note text stay text.',
        },
        { property: 'outerHTML', message: 'Never build DOM from strings.' },
        { property: 'insertAdjacentHTML', message: 'Never build DOM from strings.' },
      ],
    },
  },
  // utils/: no UI, no entrypoints, no Dexie outside storage/, no browser API outside settings/.
  {
    files: ['utils/**'],
    rules: {
      ...forbid('entrypoints', 'components', 'dexie', 'browser'),
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    files: ['utils/storage/**'],
    rules: forbid('entrypoints', 'components', 'browser'),
  },
  {
    files: ['utils/settings/**'],
    rules: { ...forbid('entrypoints', 'components', 'dexie'), 'no-restricted-globals': 'off' },
  },
  // components/: presentational; no entrypoints, no message client, no Dexie, no browser API.
  {
    files: ['components/**'],
    rules: {
      ...forbid('entrypoints', 'requests', 'dexie', 'browser'),
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    // The one exception: a hook that re-renders on database changes (Dexie's liveQuery).
    files: ['components/library/use-live-query.ts'],
    rules: forbid('entrypoints', 'requests', 'browser'),
  },
  // entrypoints/: glue; may use everything except Dexie directly (go through utils/storage/).
  {
    files: ['entrypoints/**'],
    rules: forbid('dexie'),
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
