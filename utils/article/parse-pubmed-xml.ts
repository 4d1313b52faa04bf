import type { AbstractSection, Article } from '../article';
import { formatMeshHeading, parseMeshHeading } from './mesh-heading';
import { collapseWhitespace, firstYear, formatAbstract, uniqueNonEmpty } from './text';

/** What the parser needs from a DOMParser; pass one in where there is no global DOMParser. */
export interface XmlParser {
  parseFromString(s: string, type: string): Document;
}

/**
 * Reads an E-utilities efetch `PubmedArticleSet` (retmode=xml) into Articles, one per
 * PubmedArticle. MeSH lines are printed as PubMed prints them. Malformed XML gives [];
 * this never throws. XML element names are matched exactly (XML is case-sensitive).
 */
export function parsePubmedXml(xml: string, parser?: XmlParser): Article[] {
  try {
    const p = parser ?? defaultParser();
    if (!p) return [];
    const doc = p.parseFromString(xml, 'text/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return [];
    const root = doc.documentElement;
    if (!root || root.nodeName !== 'PubmedArticleSet') return [];
    return children(root, 'PubmedArticle')
      .map(readArticle)
      .filter((a): a is Article => a !== null);
  } catch {
    return [];
  }
}

function defaultParser(): XmlParser | undefined {
  const Ctor = (globalThis as { DOMParser?: new () => XmlParser }).DOMParser;
  return Ctor ? new Ctor() : undefined;
}

function readArticle(pa: Element): Article | null {
  const citation = child(pa, 'MedlineCitation');
  const art = child(citation, 'Article');
  if (!citation || !art) return null;
  const abstractSections = children(child(art, 'Abstract'), 'AbstractText')
    .map((at) => ({ label: collapseWhitespace(at.getAttribute('Label') ?? ''), text: text(at) }))
    .filter((s: AbstractSection) => s.text);
  const mesh = children(child(citation, 'MeshHeadingList'), 'MeshHeading').flatMap(
    printMeshHeading,
  );
  const ids = children(child(child(pa, 'PubmedData'), 'ArticleIdList'), 'ArticleId');
  const idOf = (type: string) => text(ids.find((e) => e.getAttribute('IdType') === type));
  const pubDate = child(child(child(art, 'Journal'), 'JournalIssue'), 'PubDate');

  const article: Article = {
    source: 'eutils',
    title: text(child(art, 'ArticleTitle')),
    abstract: formatAbstract(abstractSections),
    abstractSections,
    keywords: uniqueNonEmpty(children(child(citation, 'KeywordList'), 'Keyword').map(text)),
    mesh,
    meshTerms: mesh.map(parseMeshHeading),
    substances: uniqueNonEmpty(
      children(child(citation, 'ChemicalList'), 'Chemical').map((c) =>
        text(child(c, 'NameOfSubstance')),
      ),
    ),
    publicationTypes: uniqueNonEmpty(
      children(child(art, 'PublicationTypeList'), 'PublicationType').map(text),
    ),
    // Not deduplicated: two co-authors can share a short name ("Song X" twice in PMID 33474827).
    authors: children(child(art, 'AuthorList'), 'Author').map(authorName).filter(Boolean),
  };
  // Digits only, like the HTML parsers: anything else is not a PMID (and would make a bad article key).
  const pmid = [text(child(citation, 'PMID')), idOf('pubmed')].find((c) => /^\d+$/.test(c));
  // ArticleIdList is read only under PubmedData: ReferenceList entries carry their own lists.
  const doi =
    idOf('doi') ||
    text(children(art, 'ELocationID').find((e) => e.getAttribute('EIdType') === 'doi'));
  const pmcid = idOf('pmc');
  const journal = text(child(child(art, 'Journal'), 'Title'));
  const year =
    firstYear(text(child(pubDate, 'Year'))) ?? firstYear(text(child(pubDate, 'MedlineDate')));
  if (pmid) article.pmid = pmid;
  if (doi) article.doi = doi;
  if (pmcid) article.pmcid = pmcid;
  if (journal) article.journal = journal;
  if (year) article.year = year;
  return article;
}

/** One printed line per qualifier, as on PubMed: "Heart* / diagnostic imaging". */
function printMeshHeading(heading: Element): string[] {
  const descriptor = child(heading, 'DescriptorName');
  const name = text(descriptor);
  if (!name) return [];
  const descriptorMajor = descriptor?.getAttribute('MajorTopicYN') === 'Y';
  const qualifiers = children(heading, 'QualifierName');
  if (qualifiers.length === 0) return [formatMeshHeading(name, descriptorMajor)];
  return qualifiers.map((q) =>
    formatMeshHeading(name, descriptorMajor, {
      name: text(q),
      major: q.getAttribute('MajorTopicYN') === 'Y',
    }),
  );
}

function authorName(author: Element): string {
  const collective = text(child(author, 'CollectiveName'));
  if (collective) return collective;
  return [text(child(author, 'LastName')), text(child(author, 'Initials'))]
    .filter(Boolean)
    .join(' ');
}

function child(parent: Element | null | undefined, name: string): Element | null {
  return children(parent, name)[0] ?? null;
}

function children(parent: Element | null | undefined, name: string): Element[] {
  return parent ? Array.from(parent.children).filter((c) => c.nodeName === name) : [];
}

/** Text content with inline markup (<i>, <sup>, <sub>) flattened and whitespace collapsed. */
function text(el: Element | null | undefined): string {
  return collapseWhitespace(el?.textContent ?? '');
}
