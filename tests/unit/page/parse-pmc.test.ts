// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { parsePmcArticle } from '../../../utils/page/parse-pmc';
import {
  loadHtmlFixture,
  parseHtml,
  PMC_PAGES,
  PUBMED_ARTICLE,
  readFixture,
} from '../../support/fixtures';

// Captures are 150-500 kB; parsing them on a busy 2-core machine can take seconds.
vi.setConfig({ testTimeout: 30_000 });

// Expected values read by hand from each capture (citation_* metas, front matter, first and last
// sentences of the abstract and body, a phrase found only in the reference list).
const CASES = [
  {
    page: PMC_PAGES[0],
    title:
      'Auto-CORPus: A Natural Language Processing Tool for Standardizing and Reusing Biomedical Literature',
    pmid: '35243479',
    pmcid: 'PMC8885717',
    doi: '10.3389/fdgth.2022.788124',
    journal: 'Frontiers in Digital Health',
    year: 2022,
    authors: { count: 11, first: 'Tim Beck', sixth: 'Casiana M Popovici', last: 'Joram M Posma' },
    keywords: [
      'natural language processing',
      'text mining',
      'biomedical literature',
      'semantics',
      'health data',
    ],
    abstractStart: 'To analyse large corpora using machine learning',
    abstractEnd: 'detailed instructions from GitHub at: https://github.com/omicsNLP/Auto-CORPus.',
    bodyStart:
      'Introduction Natural language processing (NLP) is a branch of artificial intelligence',
    referenceOnly: 'Natural language processing of clinical notes on chronic diseases',
  },
  {
    page: PMC_PAGES[1],
    title: 'GenBank',
    pmid: '23193287',
    pmcid: 'PMC3531190',
    doi: '10.1093/nar/gks1195',
    journal: 'Nucleic Acids Research',
    year: 2012,
    authors: { count: 7, first: 'Dennis A Benson', sixth: 'James Ostell', last: 'Eric W Sayers' },
    keywords: [],
    abstractStart: 'GenBank® (http://www.ncbi.nlm.nih.gov) is a comprehensive database',
    abstractEnd: 'begin at the NCBI home page: www.ncbi.nlm.nih.gov.',
    bodyStart:
      'INTRODUCTION GenBank (1) is a comprehensive public database of nucleotide sequences',
    referenceOnly: 'D48–D53',
  },
  {
    page: PMC_PAGES[2],
    title:
      'Auto-CORPus: A Natural Language Processing Tool for Standardizing and Reusing Biomedical Literature',
    pmid: '35243479',
    pmcid: 'PMC8885717',
    doi: '10.3389/fdgth.2022.788124',
    journal: 'Frontiers in Digital Health',
    year: 2022,
    authors: { count: 11, first: 'Tim Beck', sixth: 'Casiana M. Popovici', last: 'Joram M. Posma' },
    keywords: [
      'natural language processing',
      'text mining',
      'biomedical literature',
      'semantics',
      'health data',
    ],
    abstractStart: 'To analyse large corpora using machine learning',
    abstractEnd: 'detailed instructions from GitHub at: https://github.com/omicsNLP/Auto-CORPus.',
    bodyStart:
      'Introduction Natural language processing (NLP) is a branch of artificial intelligence',
    referenceOnly: 'Natural language processing of clinical notes on chronic diseases',
  },
  {
    page: PMC_PAGES[3],
    title:
      'Comparison of Blood and Brain Mercury Levels in Infant Monkeys Exposed to Methylmercury or Vaccines Containing Thimerosal',
    pmid: '16079072',
    pmcid: 'PMC1280342',
    doi: '10.1289/ehp.7712',
    journal: 'Environmental Health Perspectives',
    year: 2005,
    authors: {
      count: 6,
      first: 'Thomas M. Burbacher',
      sixth: 'Thomas Clarkson',
      last: 'Thomas Clarkson',
    },
    keywords: [
      'brain and blood distribution',
      'elimination half-life',
      'ethylmercury',
      'infant nonhuman primates',
      'methylmercury',
      'thimerosal',
    ],
    abstractStart:
      'Thimerosal is a preservative that has been used in manufacturing vaccines since the 1930s.',
    abstractEnd: 'the developmental effects of thimerosal-containing vaccines.',
    bodyStart: 'Public perception of the safety and efficacy of childhood vaccines',
    referenceOnly: 'MMWR Morb Mortal Wkly Rep',
  },
];

describe.each(CASES)('parsePmcArticle on $page.path', (c) => {
  const article = parsePmcArticle(loadHtmlFixture(c.page.path), c.page.url);

  it('reads title and identifiers; the PMID comes from the page', () => {
    expect(article?.source).toBe('pmc');
    expect(article?.title).toBe(c.title);
    expect(article?.pmid).toBe(c.pmid);
    expect(article?.pmcid).toBe(c.pmcid);
    expect(article?.doi).toBe(c.doi);
    expect(article?.url).toBe(c.page.url);
  });

  it('reads journal, year, authors and keywords', () => {
    expect(article?.journal).toBe(c.journal);
    expect(article?.year).toBe(c.year);
    expect(article?.authors).toHaveLength(c.authors.count);
    expect(article?.authors[0]).toBe(c.authors.first);
    expect(article?.authors[5]).toBe(c.authors.sixth);
    expect(article?.authors.at(-1)).toBe(c.authors.last);
    expect(article?.keywords).toEqual(c.keywords);
  });

  it('reads the abstract without its heading or the keyword line', () => {
    expect(article?.abstract.startsWith(c.abstractStart)).toBe(true);
    expect(article?.abstract.endsWith(c.abstractEnd)).toBe(true);
    expect(article?.abstract).not.toMatch(/^Abstract|Keywords/);
    expect(article?.abstractSections).toEqual([{ label: '', text: article?.abstract }]);
  });

  it('reads the body without the abstract and without the reference list', () => {
    const body = article?.bodyText ?? '';
    expect(body.startsWith(c.bodyStart)).toBe(true);
    expect(body.length).toBeGreaterThan(20_000);
    expect(body).not.toContain(c.abstractStart);
    expect(body).not.toContain(c.referenceOnly);
    // The phrase is on the page, so its absence from bodyText is the exclusion at work.
    expect(readFixture(c.page.path)).toContain(c.referenceOnly.slice(0, 12));
  });

  it('has no MeSH, substances or publication types (PMC pages do not show them)', () => {
    expect(article?.mesh).toEqual([]);
    expect(article?.substances).toEqual([]);
    expect(article?.publicationTypes).toEqual([]);
  });
});

describe('parsePmcArticle on other pages', () => {
  it('returns null for the PubMed article capture and for an empty page', () => {
    expect(parsePmcArticle(loadHtmlFixture(PUBMED_ARTICLE.path), PUBMED_ARTICLE.url)).toBeNull();
    expect(parsePmcArticle(parseHtml('<p>x</p>'), 'https://example.org/')).toBeNull();
  });

  it('falls back to the front matter when the citation metas are gone', () => {
    const doc = loadHtmlFixture(PMC_PAGES[0].path);
    doc.querySelectorAll('meta').forEach((m) => m.remove());
    const article = parsePmcArticle(doc, PMC_PAGES[0].url);
    expect(article?.pmid).toBe('35243479');
    expect(article?.title).toBe(CASES[0]?.title);
    expect(article?.authors[0]).toBe('Tim Beck');
    expect(article?.authors).toHaveLength(11);
    expect(article?.doi).toBe('10.3389/fdgth.2022.788124');
    expect(article?.journal).toBe('Front Digit Health');
    expect(article?.year).toBe(2022);
  });
});
