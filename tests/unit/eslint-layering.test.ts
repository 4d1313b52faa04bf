// @vitest-environment node
import { ESLint } from 'eslint';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering in eslint.config.js, proven with ESLint itself: each arrow a newcomer relies on is
// linted once from a folder where it is forbidden (an error naming why) and once from a folder where
// it is allowed (no layering error), so a rule that silently stopped matching fails here.

const ROOT = fileURLToPath(new NodeURL('../../', import.meta.url));
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: fileURLToPath(new NodeURL('../../eslint.config.js', import.meta.url)),
});
const LAYERING_RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);

/** The layering errors ESLint reports for `code` as if it were the file at `path` (repo-relative). */
async function layeringErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result!.messages
    .filter((m) => m.ruleId !== null && LAYERING_RULES.has(m.ruleId))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

/**
 * One arrow: `code` (an import, or a use of a global) as written in each of `forbidden` is one
 * layering error containing `says`; in each of `allowed` it is none. Written as
 * `arrow | code | says | forbidden paths | allowed paths`.
 */
interface Arrow {
  arrow: string;
  code: string;
  says: string;
  forbidden: string[];
  allowed: string[];
}

const importing = (names: string, source: string) =>
  `import { ${names} } from '${source}';\nexport { ${names} };`;
const BROWSER_API = 'The browser API belongs to entrypoints/';
const STORAGE_ONLY = 'Dexie is used only in utils/storage/';
const ENTRYPOINTS_ONLY = 'Only entrypoints/ may import entrypoints/';

const ARROWS: Arrow[] = [
  [
    'utils ↛ components',
    importing('SummaryPanel', '@/components/panel/SummaryPanel'),
    'utils/ holds domain logic and must not import components/',
    'utils/panel/model.ts utils/storage/db.ts',
    'entrypoints/pubmed.content/panel/panel.tsx components/notes/NoteEditor.tsx',
  ],
  [
    'utils ↛ entrypoints (relative path)',
    importing('readPage', '../../entrypoints/pubmed.content/read-page'),
    ENTRYPOINTS_ONLY,
    'utils/page/roots.ts utils/settings/store.ts',
    'entrypoints/pubmed.content/session.ts',
  ],
  [
    'components ↛ entrypoints (alias)',
    importing('mountPanel', '@/entrypoints/pubmed.content/panel/panel'),
    ENTRYPOINTS_ONLY,
    'components/panel/SummaryPanel.tsx components/PopupView.tsx',
    'entrypoints/pubmed.content/article-page.tsx',
  ],
  [
    'components ↛ the message client',
    importing('createMessageClient', '@/utils/messaging/client'),
    'requests to the background live in entrypoints/',
    'components/notes/NotesSection.tsx components/library/use-live-query.ts',
    'entrypoints/pubmed.content/index.ts entrypoints/note-frame/note-requests.ts',
  ],
  [
    'Dexie only in utils/storage/',
    "import Dexie from 'dexie';\nexport { Dexie };",
    STORAGE_ONLY,
    'utils/library/search.ts components/library/LibraryTable.tsx entrypoints/background.ts',
    'utils/storage/db.ts utils/storage/notes-repository.ts utils/storage/sync/sync-state.ts',
  ],
  [
    'dexie-react-hooks only in the one live-query hook',
    importing('useLiveQuery', 'dexie-react-hooks'),
    STORAGE_ONLY,
    'components/library/RecentList.tsx entrypoints/dashboard/App.tsx',
    'components/library/use-live-query.ts',
  ],
  ...['wxt/browser', '#imports', 'webextension-polyfill'].map((source) => [
    `${source} only in entrypoints/ and utils/settings/`,
    importing('browser', source),
    BROWSER_API,
    'utils/page/sites.ts utils/storage/trash.ts components/panel/DrugCard.tsx',
    'entrypoints/background.ts utils/settings/store.ts entrypoints/pubmed.content/reader-highlights/start.ts',
  ]),
  ...['browser', 'chrome'].map((global) => [
    `the ${global} global only in entrypoints/ and utils/settings/`,
    `export const id = ${global}.runtime.id;`,
    `no-restricted-globals: Unexpected use of '${global}'`,
    'utils/messaging/sender.ts components/PopupView.tsx',
    'entrypoints/popup/App.tsx utils/settings/site-switch.ts',
  ]),
].map(([arrow, code, says, forbidden, allowed]) => ({
  arrow: arrow!,
  code: code!,
  says: says!,
  forbidden: forbidden!.split(' '),
  allowed: allowed!.split(' '),
}));

describe.each(ARROWS)('layering: $arrow', ({ code, says, forbidden, allowed }) => {
  it.each(forbidden)('is an error in %s', async (path) => {
    const errors = await layeringErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(says);
  });

  it.each(allowed)('is allowed in %s', async (path) => {
    expect(await layeringErrors(path, code)).toEqual([]);
  });
});

describe('layering: what every layer may do', () => {
  it('lets components import utils/ and the message types, and utils/ import utils/', async () => {
    const code =
      "import type { Message } from '@/utils/messaging/messages';\n" +
      "import { findMentions } from '@/utils/match/find-mentions';\n" +
      'export type { Message };\nexport { findMentions };';
    for (const path of ['components/notes/NotesSection.tsx', 'utils/classify/scan.ts']) {
      expect(await layeringErrors(path, code)).toEqual([]);
    }
  });
});
