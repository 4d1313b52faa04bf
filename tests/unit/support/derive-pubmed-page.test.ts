// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { detectPageType } from '../../../utils/page/page-type';
import { parsePubmedArticle } from '../../../utils/page/parse-pubmed';
import { parsePubmedXml } from '../../../utils/article/parse-pubmed-xml';
import { KEYWORD_BUTTON, MAJOR_CLASS, MESH_SECTION } from '../../../utils/page/selectors';
import { derivedPageName, derivePubmedPage } from '../../support/derive-pubmed-page';
import { loadDevRecord } from '../../support/dev-set';
import { parseHtml, readFixture } from '../../support/fixtures';

// Captures are 150-500 kB; parsing them on a busy 2-core machine can take seconds.
vi.setConfig({ testTimeout: 30_000 });

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('derived PubMed page for dev-set record dev-seed (PMID 34563217)', () => {
  const record = loadDevRecord('dev-seed');
  const html = derivePubmedPage(record);
  const url = 'https://pubmed.ncbi.nlm.nih.gov/34563217/';
  const article = parsePubmedArticle(parseHtml(html), url);

  it('is detected as a PubMed article and reads back the record', () => {
    expect(detectPageType(parseHtml(html), url)).toBe('pubmed-article');
    expect(article?.pmid).toBe('34563217');
    expect(article?.title).toBe(
      'JAK inhibitors: a potential treatment for JDM in the context of the role of interferon-driven pathology',
    );
    expect(article?.doi).toBe('10.1186/s12969-021-00637-8');
    // Two paragraphs in the record ("\n\n"), two unlabelled sections on the page.
    expect(article?.abstractSections).toHaveLength(2);
    expect(collapse(article?.abstract ?? '')).toBe(collapse(record.abstract));
    expect(article?.keywords).toEqual([
      'Juvenile dermatomyositis',
      'JDM',
      'IIM',
      'JAK inhibitors',
      'IFN',
      'JAK/STAT pathway',
      'Treatment',
    ]);
    expect(article?.mesh).toEqual([
      'Child',
      'Dermatomyositis / drug therapy*',
      'Dermatomyositis / etiology*',
      'Humans',
      'Interferon Type I / physiology*',
      'Janus Kinase Inhibitors / therapeutic use*',
    ]);
    expect(article?.meshTerms.filter((t) => t.major)).toHaveLength(4);
    expect(article?.substances).toEqual(['Interferon Type I', 'Janus Kinase Inhibitors']);
    expect(article?.publicationTypes).toEqual(['Review']);
  });

  it('keeps nothing of the template record that the new record does not have', () => {
    expect(article?.authors).toEqual([]);
    expect(article?.journal).toBeUndefined();
    expect(article?.year).toBeUndefined();
    expect(html).not.toContain('37882686');
    expect(html.toLowerCase()).not.toContain('crd.0000000000000623');
    expect(html).not.toMatch(/Aortic|Cardiol|easyScholar|sci-hub/i);
  });

  it('is deterministic and named derived-*', () => {
    expect(derivePubmedPage(record)).toBe(html);
    expect(derivedPageName(record)).toBe('derived-PMID-34563217.html');
  });
});

describe('derived PubMed page for PMID-38909159.xml (structured abstract, substances)', () => {
  const [record] = parsePubmedXml(readFixture('eutils-xml/PMID-38909159.xml'));
  const html = derivePubmedPage(record!);
  const article = parsePubmedArticle(parseHtml(html), 'https://pubmed.ncbi.nlm.nih.gov/38909159/');

  it('reads back title, PMID, DOI, journal, year and authors', () => {
    expect(article?.pmid).toBe('38909159');
    expect(article?.title).toBe('Cardiac evaluation of patients with juvenile dermatomyositis.');
    expect(article?.doi).toBe('10.1038/s41390-024-03336-8');
    expect(article?.journal).toBe('Pediatric research');
    expect(article?.year).toBe(2025);
    expect(article?.authors).toHaveLength(13);
    expect(article?.authors[0]).toBe('Akgün G');
    expect(article?.authors.at(-1)).toBe('Sönmez HE');
  });

  it('reads back the structured abstract with PubMed-style labels', () => {
    expect(article?.abstractSections.map((s) => s.label)).toEqual([
      'Background',
      'Methods',
      'Results',
      'Conclusion',
      'Impact',
    ]);
    expect(article?.abstractSections.map((s) => s.text)).toEqual(
      record!.abstractSections.map((s) => s.text),
    );
    expect(article?.abstract.startsWith('Background: The present study aims to evaluate')).toBe(
      true,
    );
  });

  it('reads back MeSH (with major classes), substances and publication types', () => {
    expect(article?.mesh).toEqual(record!.mesh);
    expect(article?.mesh).toContain('Dermatomyositis* / complications');
    expect(article?.meshTerms).toEqual(record!.meshTerms);
    expect(article?.substances).toEqual(['Contrast Media']);
    expect(article?.publicationTypes).toEqual(['Journal Article', 'Systematic Review']);
    expect(article?.keywords).toEqual([]);
    const majorButtons = parseHtml(html).querySelectorAll(
      `${MESH_SECTION} ${KEYWORD_BUTTON}.${MAJOR_CLASS}`,
    );
    expect(majorButtons).toHaveLength(4);
  });
});
