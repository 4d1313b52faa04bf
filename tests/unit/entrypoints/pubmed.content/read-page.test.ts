// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage } from '@/entrypoints/pubmed.content/read-page';
import { classifyArticle } from '@/utils/classify';
import { parsePmcArticle } from '@/utils/page/parse-pmc';
import {
  PMC_BODY,
  PMC_LEGACY_REF_LIST,
  PMC_LEGACY_SECTION,
  PMC_REF_LIST,
} from '@/utils/page/selectors';
import { textOf } from '@/utils/article/text';
import {
  loadHtmlFixture,
  PMC_PAGES,
  PUBMED_ARTICLE,
  PUBMED_SEARCH,
} from '../../../support/fixtures';

const REF_LIST = `${PMC_REF_LIST}, ${PMC_LEGACY_REF_LIST}`;

/** Reads a page as the content script does, with the reference list left out unless asked for. */
const read = (doc: Document, url: string, includeReferences = false) =>
  readPage(doc, url, { includeReferences });

describe.each(PMC_PAGES)('readPage on PMC $path', (page) => {
  const doc = loadHtmlFixture(page.path);
  const { article, roots } = read(doc, page.url);

  it('gives the parsed article', () => {
    expect(article).toEqual(parsePmcArticle(doc, page.url));
    expect(article!.bodyText?.length).toBeGreaterThan(1000);
  });

  it('gives disjoint roots: the title first, then body text with the abstract', () => {
    expect(roots.length).toBeGreaterThan(1);
    expect(textOf(roots[0])).toBe(article!.title);
    for (const a of roots) {
      for (const b of roots) if (a !== b) expect(a.contains(b)).toBe(false);
    }
    const text = roots.map((r) => textOf(r)).join(' ');
    const abstractStart = article!.abstractSections[0]!.text.slice(0, 60);
    expect(text).toContain(abstractStart);
  });

  it('leaves the reference list out by default, and puts it in on request', () => {
    const refs = doc.querySelector(REF_LIST)!;
    expect(refs).not.toBeNull();
    const touches = (roots: Element[]) =>
      roots.some((r) => r.contains(refs) || refs.contains(r) || r === refs);
    expect(touches(roots)).toBe(false);
    expect(touches(read(doc, page.url, true).roots)).toBe(true);
  });
});

describe('readPage on PMC: drugs in the body count, drugs in the reference list do not', () => {
  it.each(PMC_PAGES)('$path', (page) => {
    const doc = loadHtmlFixture(page.path);
    const cite = doc.createElement('li');
    cite.textContent =
      'Tofacitinib and baricitinib in juvenile dermatomyositis. Rheumatology. 2020.';
    doc.querySelector(REF_LIST)!.append(cite);
    const before = read(doc, page.url);
    expect(before.roots.some((r) => r.contains(cite))).toBe(false);
    expect(classifyArticle(before.article!).drugs).toEqual([]);

    const para = doc.createElement('p');
    para.textContent =
      'Baricitinib, a JAK1/JAK2 inhibitor, was given to three children with juvenile dermatomyositis.';
    const body = doc.querySelector(PMC_BODY) ?? doc.querySelectorAll(PMC_LEGACY_SECTION)[1]!;
    body.append(para);
    const after = read(doc, page.url);
    expect(after.roots.some((r) => r.contains(para))).toBe(true);
    const verdict = classifyArticle(after.article!);
    expect(verdict.drugs.map((d) => d.name)).toEqual(['baricitinib']);
    expect(verdict.drugs[0]!.fields).toEqual(['body']);
  });
});

describe('readPage on other pages', () => {
  it.each([PUBMED_ARTICLE, PUBMED_SEARCH])('reads no PMC article on $path', (page) => {
    expect(read(loadHtmlFixture(page.path), page.url).article?.source).not.toBe('pmc');
  });

  it('reads no article and no roots on a search page', () => {
    const page = read(loadHtmlFixture(PUBMED_SEARCH.path), PUBMED_SEARCH.url);
    expect([page.pageType, page.article, page.roots]).toEqual(['pubmed-search', undefined, []]);
  });
});
