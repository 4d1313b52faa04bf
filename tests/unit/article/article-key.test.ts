// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { articleKey } from '../../../utils/article/article-key';
import { parsePmcArticle } from '../../../utils/page/parse-pmc';
import { parsePubmedXml } from '../../../utils/article/parse-pubmed-xml';
import { loadHtmlFixture, PMC_PAGES, readFixture } from '../../support/fixtures';

// Captures are 150-500 kB; parsing them on a busy 2-core machine can take seconds.
vi.setConfig({ testTimeout: 30_000 });

describe('articleKey', () => {
  it.each([
    [{ pmid: '34563217', doi: '10.1186/s12969-021-00637-8', pmcid: 'PMC8466894' }, 'pmid:34563217'],
    [{ doi: '10.1097/CRD.0000000000000623' }, 'doi:10.1097/crd.0000000000000623'],
    [{ doi: ' 10.1097/crd.0000000000000623 ', pmcid: 'PMC1' }, 'doi:10.1097/crd.0000000000000623'],
    [{ pmcid: 'PMC8885717' }, 'pmc:PMC8885717'],
    [{ pmcid: '8885717' }, 'pmc:PMC8885717'],
    [{ pmid: '', doi: '', pmcid: '' }, null],
    [{ pmid: 'abc' }, null],
    [{}, null],
  ])('%j → %s', (ids, expected) => {
    expect(articleKey(ids)).toBe(expected);
  });

  it('maps the PMC page and the E-utilities record of one article to one key', () => {
    // Same article, two designs of its PMC page: both print PMID 35243479.
    const current = parsePmcArticle(loadHtmlFixture(PMC_PAGES[0].path), PMC_PAGES[0].url);
    const legacy = parsePmcArticle(loadHtmlFixture(PMC_PAGES[2].path), PMC_PAGES[2].url);
    expect(articleKey(current!)).toBe('pmid:35243479');
    expect(articleKey(legacy!)).toBe('pmid:35243479');
    // The efetch record of PMID 38909159 carries PMC11798830; keyed by PMID like its pages would be.
    const [record] = parsePubmedXml(readFixture('eutils-xml/PMID-38909159.xml'));
    expect(articleKey(record!)).toBe('pmid:38909159');
    expect(articleKey({ pmcid: record!.pmcid, doi: record!.doi })).toBe(
      'doi:10.1038/s41390-024-03336-8',
    );
  });
});
