import type { Article } from '../../utils/article';

/** An Article with only the given fields filled (everything else empty): for tests of one sentence or field. */
export function articleWith(fields: Partial<Article>): Article {
  return {
    source: 'pubmed',
    title: '',
    abstract: '',
    abstractSections: [],
    keywords: [],
    mesh: [],
    meshTerms: [],
    substances: [],
    publicationTypes: [],
    authors: [],
    ...fields,
  };
}
