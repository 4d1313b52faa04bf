// @vitest-environment happy-dom
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article';
import { classifyArticle } from '@/utils/classify';
import { SeenArticleSchema } from '@/utils/messaging/messages';
import { isNcbiArticleUrl } from '@/utils/page/sites';
import { readPage } from '@/entrypoints/pubmed.content/read-page';
import { detectPageType } from '@/utils/page/page-type';
import { parsePmcArticle } from '@/utils/page/parse-pmc';
import { parsePubmedArticle } from '@/utils/page/parse-pubmed';
import { parsePubmedXml } from '@/utils/article/parse-pubmed-xml';
import { parseSearchResults } from '../../support/search-results';
import { RELEVANCES } from '@/utils/storage/picklists';
import { derivePubmedPage } from '../../support/derive-pubmed-page';
import { loadDevRecord } from '../../support/dev-set';
import {
  applyDomMutations,
  domMutations,
  mutationPools,
  replacementText,
} from '../../support/dom-mutations';
import {
  parseHtml,
  PMC_PAGES,
  PUBMED_ARTICLE,
  PUBMED_SEARCH,
  readFixture,
} from '../../support/fixtures';

/**
 * Parser fuzzing: every real capture, mutated (elements removed, moved, duplicated, text and attributes
 * replaced by random or hostile strings). The parsers, the page-type detector and the classifier never
 * throw; they return an Article (or null) whose fields have the right types, and what the content script
 * would report about the page is still a message the background accepts.
 */

// Captures are 150-500 kB: each is parsed once, and every run undoes its mutations afterwards.
vi.setConfig({ testTimeout: 60_000 });
// FUZZ_RUNS=500 npx vitest run tests/unit/page/parser-fuzz.test.ts digs deeper, locally.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const CAPTURES = [
  { name: 'pubmed-article', ...PUBMED_ARTICLE, html: readFixture(PUBMED_ARTICLE.path) },
  { name: 'pubmed-search', ...PUBMED_SEARCH, html: readFixture(PUBMED_SEARCH.path) },
  ...PMC_PAGES.map((page) => ({ name: page.path, ...page, html: readFixture(page.path) })),
  {
    name: 'derived JDM review (real capture + dev-seed record)',
    path: 'derived-PMID-34563217.html',
    url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
    html: derivePubmedPage(loadDevRecord('dev-seed')),
  },
];

const isStringArray = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** An Article whose every field has the type utils/article.ts declares. */
function expectArticle(article: Article): void {
  expect(['pubmed', 'pmc', 'eutils']).toContain(article.source);
  for (const key of ['title', 'abstract'] as const) expect(typeof article[key]).toBe('string');
  for (const key of ['pmid', 'pmcid', 'doi', 'journal', 'bodyText', 'url'] as const) {
    if (article[key] !== undefined) expect(typeof article[key], key).toBe('string');
  }
  for (const key of ['keywords', 'mesh', 'substances', 'publicationTypes', 'authors'] as const) {
    expect(isStringArray(article[key]), key).toBe(true);
  }
  for (const section of article.abstractSections) {
    expect(typeof section.label).toBe('string');
    expect(typeof section.text).toBe('string');
  }
  for (const term of article.meshTerms) {
    expect(typeof term.descriptor).toBe('string');
    expect(isStringArray(term.qualifiers)).toBe(true);
    expect(typeof term.major).toBe('boolean');
  }
  if (article.pmid !== undefined) expect(article.pmid).toMatch(/^\d+$/);
  if (article.year !== undefined) expect(Number.isInteger(article.year)).toBe(true);
  expect(RELEVANCES).toContain(classifyArticle(article).relevance);
}

describe.each(CAPTURES)('parser fuzzing on $name', ({ html, url }) => {
  it('never throws on a mutated page and returns well-typed partial results', () => {
    const doc = parseHtml(html);
    const pools = mutationPools(doc);
    const pristine = fingerprint(doc);
    fc.assert(
      fc.property(domMutations, (mutations) => {
        const undo = applyDomMutations(pools, mutations);
        try {
          checkParsers(doc, url);
        } finally {
          undo();
        }
        // The undo really restores the capture, so every run starts from the real page.
        expect(fingerprint(doc)).toBe(pristine);
      }),
      { numRuns: RUNS },
    );
  });
});

function fingerprint(doc: Document): string {
  const all = doc.getElementsByTagName('*');
  return `${all.length}:${doc.documentElement.textContent?.length}:${all[all.length - 1]?.tagName}`;
}

function checkParsers(doc: Document, url: string): void {
  expect(['pubmed-article', 'pubmed-search', 'pmc-article', 'other']).toContain(
    detectPageType(doc, url),
  );
  for (const parse of [parsePubmedArticle, parsePmcArticle]) {
    const article = parse(doc, url);
    if (article) expectArticle(article);
  }
  for (const result of parseSearchResults(doc)) {
    expect(result.pmid).toMatch(/^\d+$/);
    for (const key of ['title', 'snippet', 'journalCitation'] as const) {
      expect(typeof result[key]).toBe('string');
    }
  }
  // What the content script reports is still a message the background accepts (on the sites it
  // runs on: the legacy PMC captures come from www.ncbi.nlm.nih.gov, where it does not).
  const state = readPage(doc, url, { includeReferences: false });
  if (state.seen && isNcbiArticleUrl(url)) {
    expect(v.safeParse(SeenArticleSchema, state.seen).issues).toBeUndefined();
  }
}

describe('parsePubmedXml fuzzing on every E-utilities capture', () => {
  const files = ['33474827', '38747095', '38763967', '38909159', '39382274'].map((pmid) =>
    readFixture(`eutils-xml/PMID-${pmid}.xml`),
  );
  const xmlMutation = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: replacementText }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), length: fc.nat(200) }),
    fc.record({ kind: fc.constant('text' as const), node: fc.nat(), text: replacementText }),
    fc.record({ kind: fc.constant('element' as const), node: fc.nat(), duplicate: fc.boolean() }),
  );

  type XmlMutation = typeof xmlMutation extends fc.Arbitrary<infer M> ? M : never;

  /** Mutates the XML as text (may break it) or through the DOM (stays well-formed). */
  function mutate(xml: string, m: XmlMutation): string {
    const at = 'at' in m ? m.at % (xml.length + 1) : 0;
    if (m.kind === 'insert') return xml.slice(0, at) + m.text + xml.slice(at);
    if (m.kind === 'truncate') return xml.slice(0, at);
    if (m.kind === 'drop') return xml.slice(0, at) + xml.slice(at + m.length);
    let doc: Document;
    try {
      doc = new DOMParser().parseFromString(xml, 'text/xml');
    } catch {
      // happy-dom's own parser throws on some broken XML; the product's parser catches that itself.
      return xml;
    }
    const elements = [...doc.getElementsByTagName('*')].slice(1);
    const el = elements[m.node % elements.length];
    if (!el) return xml;
    if (m.kind === 'text') el.textContent = m.text;
    else if (m.duplicate) el.after(el.cloneNode(true));
    else el.remove();
    return new XMLSerializer().serializeToString(doc);
  }

  it('never throws and returns well-typed articles', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(xmlMutation, { minLength: 1, maxLength: 6 }),
        (xml, mutations) => {
          const mutated = mutations.reduce(mutate, xml);
          const articles = parsePubmedXml(mutated);
          expect(Array.isArray(articles)).toBe(true);
          for (const article of articles) expectArticle(article);
        },
      ),
      { numRuns: Math.ceil(RUNS * 2.5) },
    );
  });
});
