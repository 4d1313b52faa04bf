// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { classifyArticle } from '../../../utils/classify';
import { parsePubmedXml } from '../../../utils/article/parse-pubmed-xml';
import { parseSearchResults } from '../../support/search-results';
import {
  classifySearchResult,
  isRelevant,
  summariseResults,
  summarySentence,
  visibleArticle,
} from '../../../utils/classify/search-verdicts';
import { loadHtmlFixture, PUBMED_SEARCH, readFixture } from '../../support/fixtures';

const JDM_RECORD = parsePubmedXml(readFixture('eutils-xml/PMID-38909159.xml'))[0]!;

describe('classifySearchResult on the real search capture', () => {
  const results = parseSearchResults(loadHtmlFixture(PUBMED_SEARCH.path));

  it('finds no myositis or JAK-inhibitor result among the hypertension-and-food results', () => {
    expect(results).toHaveLength(10);
    const verdicts = results.map((r) => classifySearchResult(r));
    expect(verdicts.map((v) => v.relevance)).toEqual(Array(10).fill('none'));
    expect(summariseResults(verdicts)).toEqual({
      relevant: 0,
      total: 10,
      byRelevance: { core: 0, disease: 0, jak: 0, none: 10 },
    });
  });

  it('reads the title and the snippet (without its trailing ellipsis) as the article', () => {
    const first = results[0]!;
    const article = visibleArticle(first);
    expect(article).toMatchObject({ pmid: first.pmid, title: first.title, mesh: [] });
    expect(first.snippet.endsWith('…')).toBe(true);
    expect(article.abstract).toBe(first.snippet.slice(0, -1).trimEnd());
  });
});

describe('classifySearchResult', () => {
  const seed = {
    pmid: '34563217',
    title:
      'JAK inhibitors: a potential treatment for JDM in the context of the role of interferon-driven pathology.',
    snippet:
      'Juvenile dermatomyositis (JDM) is a rare inflammatory myositis. … baricitinib, tofacitinib and ruxolitinib …',
  };

  it('classifies a core paper from its visible text', () => {
    const verdict = classifySearchResult(seed);
    expect(verdict.relevance).toBe('core');
    expect(isRelevant(verdict)).toBe(true);
    expect(verdict.drugs.map((d) => d.name).sort()).toEqual([
      'baricitinib',
      'ruxolitinib',
      'tofacitinib',
    ]);
  });

  it('uses the fetched record when there is one (MeSH says JDM where the page text does not)', () => {
    const visible = { pmid: '38909159', title: 'Cardiac evaluation of patients.', snippet: '' };
    expect(classifySearchResult(visible).relevance).toBe('none');
    const upgraded = classifySearchResult(visible, JDM_RECORD);
    expect(upgraded).toEqual(classifyArticle(JDM_RECORD));
    expect(upgraded).toMatchObject({ relevance: 'disease', disease: 'jdm' });
    expect(isRelevant(upgraded)).toBe(false);
  });
});

describe('summarySentence', () => {
  it.each([
    [7, 10, '7 of 10 results on this page concern JDM/myositis and JAK inhibition'],
    [0, 10, '0 of 10 results on this page concern JDM/myositis and JAK inhibition'],
    [1, 10, '1 of 10 results on this page concerns JDM/myositis and JAK inhibition'],
    [1, 1, '1 of 1 result on this page concerns JDM/myositis and JAK inhibition'],
  ])('%i of %i', (relevant, total, sentence) => {
    expect(summarySentence({ relevant, total })).toBe(sentence);
  });

  it('counts each relevance', () => {
    const s = summariseResults(
      ['core', 'core', 'disease', 'jak', 'none'].map((relevance) => ({
        relevance: relevance as 'core',
      })),
    );
    expect(s).toEqual({
      relevant: 2,
      total: 5,
      byRelevance: { core: 2, disease: 1, jak: 1, none: 1 },
    });
  });
});
