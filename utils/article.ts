/**
 * The article model: what JAK Lens knows about one paper, whatever page or record it came from.
 * Pure: the parsers take a Document (or XML string) as an argument and never touch browser globals.
 */

export type ArticleSource = 'pubmed' | 'pmc' | 'eutils';

/** One MeSH heading as PubMed prints it, e.g. "Dermatomyositis* / drug therapy". */
export interface MeshTerm {
  /** Descriptor name without the asterisk, e.g. "Dermatomyositis". */
  descriptor: string;
  /** Qualifiers (subheadings) without asterisks, e.g. ["drug therapy"]. */
  qualifiers: string[];
  /** True when the descriptor or one of its qualifiers is a major topic. */
  major: boolean;
}

export interface AbstractSection {
  /** Section label as printed ("Background", "METHODS"), or '' for an unstructured abstract. */
  label: string;
  text: string;
}

export interface Article {
  source: ArticleSource;
  pmid?: string;
  pmcid?: string;
  doi?: string;
  title: string;
  /** Plain text; a structured abstract keeps its labels ("Background: …\nMethods: …"). */
  abstract: string;
  abstractSections: AbstractSection[];
  keywords: string[];
  /** MeSH headings as shown ("Dermatomyositis* / drug therapy"); `meshTerms` holds them parsed. */
  mesh: string[];
  meshTerms: MeshTerm[];
  substances: string[];
  publicationTypes: string[];
  journal?: string;
  year?: number;
  authors: string[];
  /** Full text of the body (PMC pages only), sections separated by blank lines. */
  bodyText?: string;
  /** The page URL the article was read from (absent for E-utilities records). */
  url?: string;
}

export { parsePubmedArticle } from './page/parse-pubmed';
export { parsePmcArticle } from './page/parse-pmc';
export { parsePubmedXml } from './article/parse-pubmed-xml';
export { articleKey } from './article/article-key';
