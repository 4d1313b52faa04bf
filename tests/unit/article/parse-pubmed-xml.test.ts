// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePubmedXml } from '../../../utils/article/parse-pubmed-xml';
import { readFixture } from '../../support/fixtures';

const xml = (pmid: string) => readFixture(`eutils-xml/PMID-${pmid}.xml`);
const one = (pmid: string) => {
  const articles = parsePubmedXml(xml(pmid));
  expect(articles).toHaveLength(1);
  return articles[0]!;
};

// Expected values read by hand from the efetch XML files in tests/fixtures/eutils-xml/.
describe('parsePubmedXml on PMID-38909159 (juvenile dermatomyositis, structured abstract)', () => {
  const a = one('38909159');

  it('reads identifiers, title, journal, year', () => {
    expect(a.source).toBe('eutils');
    expect(a.pmid).toBe('38909159');
    expect(a.doi).toBe('10.1038/s41390-024-03336-8');
    expect(a.pmcid).toBe('PMC11798830');
    expect(a.title).toBe('Cardiac evaluation of patients with juvenile dermatomyositis.');
    expect(a.journal).toBe('Pediatric research');
    expect(a.year).toBe(2025);
    expect(a.url).toBeUndefined();
  });

  it('keeps the five labelled sections, and the labels in the plain abstract', () => {
    expect(a.abstractSections.map((s) => s.label)).toEqual([
      'BACKGROUND',
      'METHODS',
      'RESULTS',
      'CONCLUSION',
      'IMPACT',
    ]);
    expect(
      a.abstractSections[0]?.text.startsWith(
        'The present study aims to evaluate possible cardiac involvement',
      ),
    ).toBe(true);
    expect(a.abstract.startsWith('BACKGROUND: The present study aims')).toBe(true);
    expect(a.abstract).toContain('\nMETHODS: The study group consisted of JDM patients');
    expect(a.abstract.endsWith('may improve the long-term prognosis of patients with JDM.')).toBe(
      true,
    );
  });

  it('prints MeSH one line per qualifier, "*" after the major descriptor', () => {
    expect(a.mesh).toEqual([
      'Child',
      'Humans',
      'Contrast Media',
      'Dermatomyositis* / complications',
      'Dermatomyositis* / diagnostic imaging',
      'Echocardiography',
      'Electrocardiography',
      'Heart* / diagnostic imaging',
      'Heart* / physiopathology',
      'Magnetic Resonance Imaging',
      'Myocardium / pathology',
    ]);
    expect(a.meshTerms[3]).toEqual({
      descriptor: 'Dermatomyositis',
      qualifiers: ['complications'],
      major: true,
    });
    expect(a.meshTerms.filter((t) => t.major)).toHaveLength(4);
  });

  it('reads substances, publication types, no keywords, 13 authors', () => {
    expect(a.substances).toEqual(['Contrast Media']);
    expect(a.publicationTypes).toEqual(['Journal Article', 'Systematic Review']);
    expect(a.keywords).toEqual([]);
    expect(a.authors).toHaveLength(13);
    expect(a.authors[0]).toBe('Akgün G');
    expect(a.authors[2]).toBe('Başar EZ');
    expect(a.authors.at(-1)).toBe('Sönmez HE');
  });
});

describe('parsePubmedXml on the other four records', () => {
  it('PMID-33474827: "*" after a major qualifier, keywords, PMC id', () => {
    const a = one('33474827');
    expect(a.mesh.slice(0, 4)).toEqual([
      'Biomarkers, Tumor / metabolism*',
      'Blood Platelets / metabolism*',
      'Carcinoma, Non-Small-Cell Lung / blood*',
      'Carcinoma, Non-Small-Cell Lung / pathology',
    ]);
    expect(a.mesh).toHaveLength(9);
    expect(a.keywords).toEqual(['SNORD55', 'TEP', 'biomarker', 'diagnosis', 'snoRNA']);
    expect(a.substances).toEqual(['Biomarkers, Tumor']);
    expect(a.abstractSections.map((s) => s.label)).toEqual([
      'BACKGROUND',
      'METHODS',
      'RESULTS',
      'CONCLUSIONS',
      'KEY POINTS',
    ]);
    expect(a.pmcid).toBe('PMC7919130');
    expect(a.doi).toBe('10.1111/1759-7714.13823');
    expect(a.year).toBe(2021);
    expect(a.authors).toHaveLength(9);
    expect(a.authors[0]).toBe('Dong X');
    // Two different co-authors print as "Song X"; both are kept.
    expect(a.authors.filter((n) => n === 'Song X')).toHaveLength(2);
  });

  it('PMID-38747095: inline <sup> flattened into the section text; no PMC id', () => {
    const a = one('38747095');
    expect(a.abstractSections[1]?.label).toBe('METHODS');
    expect(a.abstractSections[1]?.text).toContain('22.8 ± 1.8 kg/m2) on five home match days');
    expect(a.pmcid).toBeUndefined();
    expect(a.mesh).toHaveLength(17);
    expect(a.mesh).toContain('Energy Intake*');
    expect(a.mesh).toContain('Dietary Carbohydrates / administration & dosage');
    expect(a.substances).toEqual(['Dietary Carbohydrates', 'Dietary Proteins']);
    expect(a.publicationTypes).toEqual([
      'Journal Article',
      'Observational Study',
      'Comparative Study',
    ]);
    expect(a.authors).toEqual(['Otte CJ', 'Mantzioris E', 'Salagaras BS', 'Hill AM']);
    expect(a.journal).toBe(
      'Nutrition & dietetics : the journal of the Dietitians Association of Australia',
    );
  });

  it('PMID-38763967: unstructured abstract, case report, three qualifiers under one descriptor', () => {
    const a = one('38763967');
    expect(a.abstractSections).toHaveLength(1);
    expect(a.abstractSections[0]?.label).toBe('');
    expect(
      a.abstract.startsWith('Kidney transplantation is the encouraged kidney replacement'),
    ).toBe(true);
    expect(a.mesh).toContain('Granuloma* / microbiology');
    expect(a.mesh).toHaveLength(17);
    expect(a.keywords).toEqual([
      'Dermatophytosis',
      'Immunosuppression',
      'Kidney transplantation',
      'Majocchi’s granuloma',
    ]);
    expect(a.substances).toEqual(['Antifungal Agents', 'Terbinafine', 'Immunosuppressive Agents']);
    expect(a.publicationTypes).toEqual(['Case Reports', 'Journal Article']);
    expect(a.year).toBe(2024);
  });

  it('PMID-39382274: 25 substances, a collective author, DOI from PubmedData not references', () => {
    const a = one('39382274');
    expect(a.substances).toHaveLength(25);
    expect(a.substances[0]).toBe('Azabicyclo Compounds');
    expect(a.substances).toContain('avibactam, ceftazidime drug combination');
    expect(a.mesh).toHaveLength(28);
    expect(a.meshTerms.filter((t) => t.major)).toHaveLength(11);
    expect(a.mesh[0]).toBe('Microbial Sensitivity Tests*');
    expect(a.authors).toHaveLength(18);
    expect(a.authors.at(-1)).toMatch(/^GEMARA-SEIMC\/CIBERINFEC Study Group/);
    expect(a.doi).toBe('10.1128/aac.00924-24');
    expect(a.pmcid).toBe('PMC11539232');
    expect(a.title).toContain('β-lactams and the novel β-lactamase inhibitors');
    expect(a.keywords).toHaveLength(7);
  });
});

describe('parsePubmedXml robustness', () => {
  it.each([
    ['truncated', xml('38909159').slice(0, 5000)],
    ['not XML', 'Error: too many requests'],
    ['empty', ''],
    ['another root', '<eSearchResult><Count>0</Count></eSearchResult>'],
  ])('returns [] for %s input', (_name, input) => {
    expect(parsePubmedXml(input)).toEqual([]);
  });

  it('returns [] when the injected parser throws, and uses the injected parser', () => {
    const throwing = {
      parseFromString: () => {
        throw new Error('boom');
      },
    };
    expect(parsePubmedXml(xml('38909159'), throwing)).toEqual([]);
    expect(parsePubmedXml(xml('38909159'), new DOMParser())[0]?.pmid).toBe('38909159');
  });

  it('reads several articles and MedlineDate years (inline minimal record)', () => {
    const record = (pmid: string, date: string) =>
      `<PubmedArticle><MedlineCitation><PMID>${pmid}</PMID><Article><Journal><JournalIssue><PubDate>${date}</PubDate></JournalIssue></Journal><ArticleTitle>T${pmid}</ArticleTitle></Article></MedlineCitation></PubmedArticle>`;
    const set = `<PubmedArticleSet>${record('1', '<MedlineDate>1998 Dec-1999 Jan</MedlineDate>')}${record('2', '<Year>2001</Year>')}</PubmedArticleSet>`;
    const articles = parsePubmedXml(set);
    expect(articles.map((a) => [a.pmid, a.year, a.title, a.abstract])).toEqual([
      ['1', 1998, 'T1', ''],
      ['2', 2001, 'T2', ''],
    ]);
  });

  it('takes only digits as a PMID, falling back to the ArticleIdList (found by parser fuzzing)', () => {
    const real = xml('33474827');
    const broken = real.replace('<PMID Version="1">33474827</PMID>', '<PMID Version="1">:</PMID>');
    expect(broken).not.toBe(real);
    expect(parsePubmedXml(broken)[0]?.pmid).toBe('33474827');
    const noIds = broken.replace(/<ArticleId IdType="pubmed">33474827<\/ArticleId>/, '');
    expect(parsePubmedXml(noIds)[0]?.pmid).toBeUndefined();
  });
});
