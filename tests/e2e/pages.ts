import { derivePubmedPage } from '../support/derive-pubmed-page';
import { loadDevRecord, loadRound2Record } from '../support/dev-set';
import { deriveSearchPage, derivePmcPage } from '../support/derive-other-pages';
import { readFixture } from '../support/fixtures';
import type { Routes } from './drivers/types';

/** The review this product grew from, as a derived PubMed page (template: the real capture). */
export const SEED_URL = 'https://pubmed.ncbi.nlm.nih.gov/34563217/';
/**
 * Baricitinib for anti-MDA5 DM-ILD (PMID 38456909, round-2 record r2-009) on the real capture:
 * a page whose abstract names the antibody.
 */
export const ANTIBODY_URL = 'https://pubmed.ncbi.nlm.nih.gov/38456909/';
/** A real capture on an unrelated subject (aortic valve surgery). */
export const UNRELATED_URL = 'https://pubmed.ncbi.nlm.nih.gov/37882686/';
export const SEARCH_URL =
  'https://pubmed.ncbi.nlm.nih.gov/?term=%28hypertension%5BTitle%5D%29+AND+%28food%5BText+Word%5D%29&sort=';
export const PMC_URL = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/';
/** The search capture with its first result replaced by the real JDM record PMID 38909159. */
export const DERIVED_SEARCH_URL = 'https://pubmed.ncbi.nlm.nih.gov/?term=juvenile+dermatomyositis';
export const JDM_RECORD_PMID = '38909159';
/** The PMC capture carrying the dev-seed review (PMID 34563217): same article as SEED_URL. */
export const DERIVED_PMC_URL = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/?derived=seed';
/** E-utilities efetch, routed by prefix to the real XML record of JDM_RECORD_PMID. */
export const EFETCH_PREFIX = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi';

/** Every page the suites serve, at its real URL. */
export function buildRoutes(): Routes {
  const seed = loadDevRecord('dev-seed');
  return {
    [SEED_URL]: { body: derivePubmedPage(seed) },
    [ANTIBODY_URL]: { body: derivePubmedPage(loadRound2Record('r2-009')) },
    [UNRELATED_URL]: { body: readFixture('pubmed-article/PMID-37882686.html') },
    [SEARCH_URL]: {
      body: readFixture('pubmed-search/term-hypertension-Title-AND-food-TextWord.html'),
    },
    [PMC_URL]: { body: readFixture('pmc-article/PMC8885717.html') },
    [DERIVED_SEARCH_URL]: {
      body: deriveSearchPage({
        pmid: JDM_RECORD_PMID,
        title: 'Cardiac evaluation of patients with juvenile dermatomyositis',
        abstract: '',
      }),
    },
    [DERIVED_PMC_URL]: { body: derivePmcPage({ ...seed, pmid: seed.pmid ?? '' }) },
    [`${EFETCH_PREFIX}*`]: {
      body: readFixture(`eutils-xml/PMID-${JDM_RECORD_PMID}.xml`),
      contentType: 'text/xml; charset=utf-8',
    },
  };
}
