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

interface Arrow {
  arrow: string;
  code: string;
  /** Files that may not contain `code`, and the words the error must contain. */
  forbidden: { path: string; says: string }[];
  /** Files that may. */
  allowed: string[];
}

const ARROWS: Arrow[] = [
  {
    arrow: 'utils ↛ components',
    code: "import { SummaryPanel } from '@/components/panel/SummaryPanel';\nexport { SummaryPanel };",
    forbidden: [
      { path: 'utils/panel/model.ts', says: 'must not import components/' },
      { path: 'utils/storage/db.ts', says: 'must not import components/' },
    ],
    allowed: ['entrypoints/pubmed.content/panel.tsx', 'components/notes/NoteEditor.tsx'],
  },
  {
    arrow: 'utils ↛ entrypoints (alias and relative paths)',
    code: "import { readPage } from '../../entrypoints/pubmed.content/read-page';\nexport { readPage };",
    forbidden: [
      { path: 'utils/page/roots.ts', says: 'Only entrypoints/ may import entrypoints/' },
      { path: 'utils/settings/store.ts', says: 'Only entrypoints/ may import entrypoints/' },
    ],
    allowed: ['entrypoints/pubmed.content/session.ts'],
  },
  {
    arrow: 'components ↛ entrypoints',
    code: "import { mountPanel } from '@/entrypoints/pubmed.content/panel';\nexport { mountPanel };",
    forbidden: [
      { path: 'components/panel/SummaryPanel.tsx', says: 'Only entrypoints/ may import' },
      { path: 'components/PopupView.tsx', says: 'Only entrypoints/ may import' },
    ],
    allowed: ['entrypoints/pubmed.content/article-page.tsx'],
  },
  {
    arrow: 'components ↛ the message client',
    code: "import { createMessageClient } from '@/utils/messaging/client';\nexport { createMessageClient };",
    forbidden: [
      { path: 'components/notes/NotesSection.tsx', says: 'requests to the background live in' },
      { path: 'components/library/use-live-query.ts', says: 'requests to the background' },
    ],
    allowed: ['entrypoints/pubmed.content/index.ts', 'entrypoints/note-frame/note-requests.ts'],
  },
  {
    arrow: 'Dexie only in utils/storage/',
    code: "import Dexie from 'dexie';\nexport { Dexie };",
    forbidden: [
      { path: 'utils/library/search.ts', says: 'only in utils/storage/' },
      { path: 'components/library/LibraryTable.tsx', says: 'only in utils/storage/' },
      { path: 'entrypoints/background.ts', says: 'only in utils/storage/' },
    ],
    allowed: ['utils/storage/db.ts', 'utils/storage/notes-repository.ts'],
  },
  {
    arrow: 'dexie-react-hooks only in the one live-query hook',
    code: "import { useLiveQuery } from 'dexie-react-hooks';\nexport { useLiveQuery };",
    forbidden: [
      { path: 'components/library/RecentList.tsx', says: 'only in utils/storage/' },
      { path: 'entrypoints/dashboard/App.tsx', says: 'only in utils/storage/' },
    ],
    allowed: ['components/library/use-live-query.ts'],
  },
  ...['wxt/browser', '#imports', 'webextension-polyfill'].map((source) => ({
    arrow: `${source} only in entrypoints/ and utils/settings/`,
    code: `import { browser } from '${source}';\nexport { browser };`,
    forbidden: [
      { path: 'utils/page/sites.ts', says: 'The browser API belongs to entrypoints/' },
      { path: 'utils/storage/trash.ts', says: 'The browser API belongs to entrypoints/' },
      { path: 'components/panel/DrugCard.tsx', says: 'The browser API belongs to entrypoints/' },
    ],
    allowed: ['entrypoints/background.ts', 'utils/settings/store.ts'],
  })),
  ...['browser', 'chrome'].map((global) => ({
    arrow: `the ${global} global only in entrypoints/ and utils/settings/`,
    code: `export const id = ${global}.runtime.id;`,
    forbidden: [
      {
        path: 'utils/messaging/sender.ts',
        says: `no-restricted-globals: Unexpected use of '${global}'`,
      },
      { path: 'components/PopupView.tsx', says: `Unexpected use of '${global}'` },
    ],
    allowed: ['entrypoints/popup/App.tsx', 'utils/settings/site-switch.ts'],
  })),
];

describe.each(ARROWS)('layering: $arrow', ({ code, forbidden, allowed }) => {
  it.each(forbidden)('is an error in $path', async ({ path, says }) => {
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
