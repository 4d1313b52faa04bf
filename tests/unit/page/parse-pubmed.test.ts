// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { parsePubmedArticle } from '../../../utils/page/parse-pubmed';
import { parseMeshHeading } from '../../../utils/article/mesh-heading';
import { loadHtmlFixture, parseHtml, PUBMED_ARTICLE, PUBMED_SEARCH } from '../../support/fixtures';
import {
  ABSTRACT,
  DOI_IDENTIFIER,
  MESH_SECTION,
  META_CITATION_DOI,
} from '../../../utils/page/selectors';

// Captures are 150-500 kB; parsing them on a busy 2-core machine can take seconds.
vi.setConfig({ testTimeout: 30_000 });

// Expected values below were read by hand from tests/fixtures/pubmed-article/PMID-37882686.html.
describe('parsePubmedArticle on the real capture PMID-37882686', () => {
  const article = parsePubmedArticle(loadHtmlFixture(PUBMED_ARTICLE.path), PUBMED_ARTICLE.url);

  it('reads identifiers, title, journal and year from the desktop heading', () => {
    expect(article).not.toBeNull();
    expect(article?.source).toBe('pubmed');
    expect(article?.pmid).toBe('37882686');
    expect(article?.doi).toBe('10.1097/CRD.0000000000000623');
    expect(article?.pmcid).toBeUndefined();
    expect(article?.title).toBe(
      'Aortic Valve Replacement and Repair With or Without Concomitant Ascending Aorta Replacement: Impact on Outcomes: A Systematic Review',
    );
    expect(article?.journal).toBe('Cardiology in review');
    expect(article?.year).toBe(2025);
    expect(article?.url).toBe('https://pubmed.ncbi.nlm.nih.gov/37882686/');
  });

  it('reads the six authors once, although the mobile heading repeats them', () => {
    expect(article?.authors).toEqual([
      'Chen Zhang',
      'Sundas Butt',
      'Hadi Kashif',
      'Clarissa Rowe',
      'Amer Harky',
      'Mohamed Zeinah',
    ]);
  });

  it('reads the plain abstract as one unlabelled section, whitespace collapsed', () => {
    const abstract = article?.abstract ?? '';
    expect(abstract.startsWith('Aortic valve surgery is a common procedure used to treat')).toBe(
      true,
    );
    expect(
      abstract.endsWith(
        'long-term freedom from reoperations, and long-term changes to aorta dimensions.',
      ),
    ).toBe(true);
    expect(abstract).not.toMatch(/\s{2,}|\n/);
    expect(abstract).not.toContain('Keywords');
    expect(article?.abstractSections).toHaveLength(1);
    expect(article?.abstractSections[0]?.label).toBe('');
    expect(article?.abstractSections[0]?.text).toBe(abstract);
  });

  it('reads the Keywords line, split on ";" without the final period', () => {
    expect(article?.keywords).toEqual(['aorta', 'mortality', 'outcomes', 'valve surgery']);
  });

  it('reads 12 MeSH terms as printed, 10 of them major', () => {
    expect(article?.mesh).toHaveLength(12);
    expect(article?.mesh[0]).toBe('Aorta* / surgery');
    expect(article?.mesh).toContain('Aortic Valve Stenosis* / surgery');
    expect(article?.mesh.slice(-2)).toEqual(['Humans', 'Treatment Outcome']);
    expect(article?.meshTerms.filter((t) => t.major)).toHaveLength(10);
    expect(article?.meshTerms[0]).toEqual({
      descriptor: 'Aorta',
      qualifiers: ['surgery'],
      major: true,
    });
    expect(article?.meshTerms[10]).toEqual({ descriptor: 'Humans', qualifiers: [], major: false });
  });

  it('reads publication types from the button text only, and finds no substances', () => {
    expect(article?.publicationTypes).toEqual(['Systematic Review']);
    expect(article?.substances).toEqual([]);
  });

  it('ignores easyScholar markup: no badge or sci-hub text leaks into any field', () => {
    const all = JSON.stringify(article);
    expect(all).not.toMatch(/SCI|IF 2\.3|sci-hub|区/);
  });
});

describe('parsePubmedArticle on pages that are not PubMed articles', () => {
  it('returns null for the real search-results capture', () => {
    expect(parsePubmedArticle(loadHtmlFixture(PUBMED_SEARCH.path), PUBMED_SEARCH.url)).toBeNull();
  });

  it('returns null for an empty document and for a non-NCBI page', () => {
    expect(
      parsePubmedArticle(parseHtml('<html><body></body></html>'), 'https://example.org/'),
    ).toBeNull();
    expect(parsePubmedArticle(parseHtml('<h1>Hello</h1>'), 'about:blank')).toBeNull();
  });
});

describe('parsePubmedArticle on a page with parts missing', () => {
  // The real capture with the abstract, MeSH and DOI removed, as on records that lack them.
  const doc = loadHtmlFixture(PUBMED_ARTICLE.path);
  for (const sel of [ABSTRACT, MESH_SECTION, DOI_IDENTIFIER, META_CITATION_DOI]) {
    doc.querySelectorAll(sel).forEach((el) => el.remove());
  }
  const article = parsePubmedArticle(doc, PUBMED_ARTICLE.url);

  it('returns the rest with empty parts, without throwing', () => {
    expect(article?.pmid).toBe('37882686');
    expect(article?.title.startsWith('Aortic Valve Replacement and Repair')).toBe(true);
    expect(article?.abstract).toBe('');
    expect(article?.abstractSections).toEqual([]);
    expect(article?.keywords).toEqual([]);
    expect(article?.mesh).toEqual([]);
    expect(article?.meshTerms).toEqual([]);
    expect(article?.doi).toBeUndefined();
    expect(article?.publicationTypes).toEqual(['Systematic Review']);
  });
});

describe('parseMeshHeading', () => {
  it.each([
    ['Aorta* / surgery', { descriptor: 'Aorta', qualifiers: ['surgery'], major: true }],
    [
      'Dermatomyositis / drug therapy*',
      { descriptor: 'Dermatomyositis', qualifiers: ['drug therapy'], major: true },
    ],
    [
      'Diabetes Mellitus, Type 2* / blood',
      { descriptor: 'Diabetes Mellitus, Type 2', qualifiers: ['blood'], major: true },
    ],
    ['Humans', { descriptor: 'Humans', qualifiers: [], major: false }],
    ['Thiazolidinediones*', { descriptor: 'Thiazolidinediones', qualifiers: [], major: true }],
  ])('parses %s', (printed, expected) => {
    expect(parseMeshHeading(printed)).toEqual(expected);
  });
});
