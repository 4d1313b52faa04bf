// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { parseSearchResults, searchResultContainer } from '../../support/search-results';
import { loadHtmlFixture, parseHtml, PUBMED_ARTICLE, PUBMED_SEARCH } from '../../support/fixtures';
import { SEARCH_RESULT, SEARCH_RESULTS_CHUNK } from '../../../utils/page/selectors';

// Captures are 150-500 kB; parsing them on a busy 2-core machine can take seconds.
vi.setConfig({ testTimeout: 30_000 });

// PMIDs in page order, as listed in tests/fixtures/README.md (log_displayeduids of the capture).
const PMIDS = [
  '34601963',
  '38325949',
  '33201873',
  '37068598',
  '24967882',
  '28930524',
  '36646911',
  '31621777',
  '33000593',
  '39179503',
];

describe('parseSearchResults on the real search capture', () => {
  const doc = loadHtmlFixture(PUBMED_SEARCH.path);
  const results = parseSearchResults(doc);

  it('finds the ten docsums in page order', () => {
    expect(results.map((r) => r.pmid)).toEqual(PMIDS);
    results.forEach((r) => expect(r.element.matches(SEARCH_RESULT)).toBe(true));
  });

  it('reads titles with the <b> highlights flattened and no easyScholar badges', () => {
    expect(results[0]?.title).toBe(
      'Circadian Rhythm, Clock Genes, and Hypertension: Recent Advances in Hypertension.',
    );
    expect(results[2]?.title).toBe(
      'Food insecurity and hypertension: A systematic review and meta-analysis.',
    );
    expect(results[8]?.title).toBe('Hypertension in childhood.');
    expect(results.map((r) => r.title).join(' ')).not.toMatch(/SCI|SWJTU|IF \d/);
  });

  it('reads the full journal citation without the injected DOI link', () => {
    expect(results[0]?.journalCitation).toBe(
      'Hypertension. 2021 Nov;78(5):1185-1196. doi: 10.1161/HYPERTENSIONAHA.121.14519. Epub 2021 Oct 4.',
    );
    expect(results[4]?.journalCitation).toBe('BMJ Clin Evid. 2014 Jun 26;2014:0608.');
  });

  it('reads the full snippet, and an empty one for result 8', () => {
    expect(
      results[0]?.snippet.startsWith('Circadian rhythms are controlled by the central clock'),
    ).toBe(true);
    expect(results[0]?.snippet.endsWith('important for the circadian rhythm of …')).toBe(true);
    expect(
      results[2]?.snippet.startsWith(
        'BACKGROUND: Food insecurity (FIS) is an important public health issue',
      ),
    ).toBe(true);
    expect(results[7]?.pmid).toBe('31621777');
    expect(results[7]?.snippet).toBe('');
  });

  it('reads results inside the container, and inside a chunk appended later', () => {
    const container = searchResultContainer(doc);
    expect(container?.id).toBe('search-results');
    expect(parseSearchResults(container!)).toHaveLength(10);
    // Infinite scroll appends a chunk: simulate it with a copy of the first chunk.
    const chunk = container!.querySelector(SEARCH_RESULTS_CHUNK)!.cloneNode(true) as Element;
    container!.appendChild(chunk);
    expect(parseSearchResults(chunk).map((r) => r.pmid)).toEqual(PMIDS);
    expect(parseSearchResults(container!)).toHaveLength(20);
  });
});

describe('parseSearchResults elsewhere', () => {
  it('finds nothing on the article capture or an empty page', () => {
    const article = loadHtmlFixture(PUBMED_ARTICLE.path);
    expect(parseSearchResults(article)).toEqual([]);
    expect(searchResultContainer(article)).toBeNull();
    expect(parseSearchResults(parseHtml('<p></p>'))).toEqual([]);
  });

  it('falls back to the PMID text, then the checkbox, and skips results without a PMID', () => {
    const doc = parseHtml(
      '<article class="full-docsum"><a class="docsum-title">A</a><span class="docsum-pmid">111</span></article>' +
        '<article class="full-docsum"><input class="search-result-selector" value="222"><a class="docsum-title">B</a></article>' +
        '<article class="full-docsum"><a class="docsum-title">C</a></article>',
    );
    expect(parseSearchResults(doc).map((r) => [r.pmid, r.title])).toEqual([
      ['111', 'A'],
      ['222', 'B'],
    ]);
  });
});
