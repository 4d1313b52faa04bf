import { derivePubmedPage } from '../support/derive-pubmed-page';
import { loadDevRecord } from '../support/dev-set';
import { readFixture } from '../support/fixtures';
import type { Routes } from './drivers/types';

/** The review this product grew from, as a derived PubMed page (template: the real capture). */
export const SEED_URL = 'https://pubmed.ncbi.nlm.nih.gov/34563217/';
/** A real capture on an unrelated subject (aortic valve surgery). */
export const UNRELATED_URL = 'https://pubmed.ncbi.nlm.nih.gov/37882686/';
export const SEARCH_URL =
  'https://pubmed.ncbi.nlm.nih.gov/?term=%28hypertension%5BTitle%5D%29+AND+%28food%5BText+Word%5D%29&sort=';
export const PMC_URL = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/';

/** Every page the suites serve, at its real URL. */
export function buildRoutes(): Routes {
  return {
    [SEED_URL]: { body: derivePubmedPage(loadDevRecord('dev-seed')) },
    [UNRELATED_URL]: { body: readFixture('pubmed-article/PMID-37882686.html') },
    [SEARCH_URL]: {
      body: readFixture('pubmed-search/term-hypertension-Title-AND-food-TextWord.html'),
    },
    [PMC_URL]: { body: readFixture('pmc-article/PMC8885717.html') },
  };
}
