import { describe, expect, it } from 'vitest';
import { isSiteEnabled, siteOf } from '@/utils/settings/site-switch';

describe('site switch', () => {
  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/1/', { pubmed: false, pmc: true }, false],
    ['https://pubmed.ncbi.nlm.nih.gov/1/', { pubmed: true, pmc: false }, true],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC1/', { pubmed: true, pmc: false }, false],
    ['https://example.org/', { pubmed: true, pmc: true }, false],
  ])('%s with %o runs: %s', (url, sites, expected) => {
    expect(isSiteEnabled(sites, url)).toBe(expected);
  });

  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/?term=jdm', 'pubmed'],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC1/', 'pmc'],
    ['https://pubmed.ncbi.nlm.nih.gov.evil.example/1/', null],
    ['chrome://extensions/', null],
    ['not a url', null],
    [undefined, null],
  ])('the site switch for %s is %s', (url, expected) => {
    expect(siteOf(url)).toBe(expected);
  });
});
