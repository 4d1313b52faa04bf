/**
 * fast-check arbitraries for the background's message protocol (utils/messaging/messages.ts): a valid message of
 * every type, built field by field from the schema's limits. Malformed ones: message-mutations.ts.
 */
import fc from 'fast-check';
import {
  MAX_COMMENT,
  MAX_CONTEXT,
  MAX_NOTE_BODY,
  MAX_QUOTE,
  type Message,
} from '@/utils/messaging/messages';
import {
  DISEASE_KINDS,
  HIGHLIGHT_COLORS,
  READING_STATUSES,
  RELEVANCES,
} from '@/utils/storage/picklists';
import { MAX_TAG_LENGTH, MAX_TAGS } from '@/utils/storage/tags';

/** Markup, script URLs and prototype keys that must stay inert data wherever they land. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  '\u0000\u202e\ufeff',
  '\ud800',
  '${globalThis}',
] as const;

/** A string of at most `max` characters: random (UTF-16 units included), hostile, or exactly `max` long. */
export function text(max: number, min = 0): fc.Arbitrary<string> {
  const small = Math.min(max, 40);
  return fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: small }), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: small }), weight: 2 },
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length <= max && s.length >= min)),
    fc.constant('x'.repeat(max)),
  );
}

const articleKey = fc.oneof(
  fc.stringMatching(/^pmid:\d{1,9}$/),
  fc.stringMatching(/^doi:10\.[!-~]{1,40}$/),
  fc.stringMatching(/^pmc:PMC\d{1,10}$/),
);
const count = fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER));
const ncbiUrl = fc
  .tuple(
    fc.constantFrom('https://pubmed.ncbi.nlm.nih.gov', 'https://pmc.ncbi.nlm.nih.gov'),
    fc.webPath(),
  )
  .map(([origin, path]) => `${origin}${path.startsWith('/') ? path : `/${path}`}`);

const seenArticle = fc.record(
  {
    key: articleKey,
    pmid: fc.stringMatching(/^\d{1,9}$/),
    doi: text(300),
    pmcid: fc.stringMatching(/^PMC\d{1,10}$/),
    title: text(4000),
    journal: text(500),
    year: fc.integer({ min: 1000, max: 3000 }),
    url: ncbiUrl,
    verdict: fc.record({
      relevance: fc.constantFrom(...RELEVANCES),
      disease: fc.constantFrom(null, ...DISEASE_KINDS),
      drugs: fc.array(text(100), { maxLength: 50 }),
    }),
  },
  { requiredKeys: ['key', 'title', 'url'] },
);

const tags = fc.array(text(MAX_TAG_LENGTH), { maxLength: MAX_TAGS });

type MessageType = Message['type'];

/** One valid message per type, each built field by field from the schema's limits. */
export const VALID: { [T in MessageType]: fc.Arbitrary<Extract<Message, { type: T }>> } = {
  'page/state': fc.record(
    {
      type: fc.constant('page/state' as const),
      pageType: fc.constantFrom('pubmed-article', 'pubmed-search', 'pmc-article', 'other' as const),
      article: seenArticle,
    },
    { requiredKeys: ['type', 'pageType'] },
  ),
  'recent/list': fc.record(
    { type: fc.constant('recent/list' as const), limit: fc.integer({ min: 1, max: 500 }) },
    { requiredKeys: ['type'] },
  ),
  'recent/clear': fc.constant({ type: 'recent/clear' as const }),
  'note/get': fc.record({ type: fc.constant('note/get' as const), articleKey }),
  'note/save': fc.record({
    type: fc.constant('note/save' as const),
    articleKey,
    body: text(MAX_NOTE_BODY),
    tags,
    status: fc.constantFrom(...READING_STATUSES),
    baseRevision: count,
  }),
  'note/resolve-conflict': fc.record({
    type: fc.constant('note/resolve-conflict' as const),
    conflictId: fc.uuid(),
    choice: fc.constantFrom('keep-note', 'use-copy' as const),
  }),
  'tags/list': fc.constant({ type: 'tags/list' as const }),
  'records/get': fc.record({
    type: fc.constant('records/get' as const),
    pmids: fc.array(fc.stringMatching(/^\d{1,9}$/), { minLength: 1, maxLength: 200 }),
  }),
  'notes/which': fc.record({
    type: fc.constant('notes/which' as const),
    keys: fc.array(articleKey, { minLength: 1, maxLength: 200 }),
  }),
  'highlight/add': fc
    .record(
      {
        type: fc.constant('highlight/add' as const),
        articleKey,
        exact: text(MAX_QUOTE, 1),
        prefix: text(MAX_CONTEXT),
        suffix: text(MAX_CONTEXT),
        start: fc.nat({ max: 1_000_000 }),
        length: fc.integer({ min: 1, max: 1_000_000 }),
        color: fc.constantFrom(...HIGHLIGHT_COLORS),
        comment: text(MAX_COMMENT),
      },
      { requiredKeys: ['type', 'articleKey', 'exact', 'prefix', 'suffix', 'start', 'length'] },
    )
    .map(({ length, color, ...m }) => ({ ...m, color: color ?? 'yellow', end: m.start + length })),
  'highlight/update': fc.record(
    {
      type: fc.constant('highlight/update' as const),
      id: fc.uuid(),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      comment: text(MAX_COMMENT),
    },
    { requiredKeys: ['type', 'id'] },
  ),
  'highlight/delete': fc.record({ type: fc.constant('highlight/delete' as const), id: fc.uuid() }),
  'highlight/list': fc.record({ type: fc.constant('highlight/list' as const), articleKey }),
  // ---- sync (issue 19) ----
  'sync/status': fc.constant({ type: 'sync/status' as const }),
  'sync/now': fc.constant({ type: 'sync/now' as const }),
  'sync/remove': fc.constant({ type: 'sync/remove' as const }),
  'sync/test': fc.record({ type: fc.constant('sync/test' as const), ...syncAccount() }),
  'sync/configure': fc.record({
    type: fc.constant('sync/configure' as const),
    ...syncAccount(),
    passphrase: text(1024, 8),
  }),
};

function syncAccount() {
  return { serverUrl: text(2048, 1), folder: text(1024), user: text(256), password: text(1024) };
}

/** Every message type the arbitraries cover (the test checks this is every type in the schema). */
export const MESSAGE_TYPES = Object.keys(VALID);

/** Any valid message. */
export const validMessage: fc.Arbitrary<Message> = fc.oneof(
  ...Object.values(VALID),
) as fc.Arbitrary<Message>;
