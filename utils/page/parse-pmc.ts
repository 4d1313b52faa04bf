import type { AbstractSection, Article } from '../article';
import { detectPageType, type PageType } from './page-type';
import {
  LINK_CANONICAL,
  META_CITATION_AUTHOR,
  META_CITATION_DOI,
  META_CITATION_JOURNAL,
  META_CITATION_PMID,
  META_CITATION_PUBLICATION_DATE,
  META_CITATION_TITLE,
  META_NCBI_APP,
  PMC_ABSTRACT,
  PMC_ABSTRACT_SUBSECTION,
  PMC_ASSOCIATED_DATA,
  PMC_AUTHOR,
  PMC_BODY,
  PMC_CITATION,
  PMC_CITATION_JOURNAL,
  PMC_FRONT_MATTER,
  PMC_KEYWORDS,
  PMC_LEGACY_ABSTRACT,
  PMC_LEGACY_AUTHOR,
  PMC_LEGACY_CITATION,
  PMC_LEGACY_KEYWORDS,
  PMC_LEGACY_KEYWORDS_LABEL,
  PMC_LEGACY_PMCID,
  PMC_LEGACY_PMID_LINK,
  PMC_LEGACY_REF_LIST,
  PMC_LEGACY_SECTION,
  PMC_LEGACY_TITLE,
  PMC_PUBMED_LINK,
  PMC_REF_LIST,
  PMC_SUBSECTION_HEADING,
  PMC_TITLE,
} from './selectors';
import {
  collapseWhitespace,
  firstYear,
  formatAbstract,
  splitList,
  textOf,
  uniqueNonEmpty,
} from '../article/text';

// Everything inside an abstract that is not abstract text: headings and the keyword lines.
const NOT_ABSTRACT_TEXT = [
  PMC_SUBSECTION_HEADING,
  PMC_KEYWORDS,
  PMC_LEGACY_KEYWORDS,
  PMC_LEGACY_KEYWORDS_LABEL,
].join(', ');

/**
 * Reads a PMC full-text page into an Article, for both the current design (cloudpmc-viewer,
 * since October 2024) and the legacy one (pmc-frontend). Adds `bodyText`: the body sections
 * without the abstract and the reference list. Returns null when `doc` is not a PMC article.
 * `pageType`: the page type when the caller has detected it already (the page is read once).
 */
export function parsePmcArticle(
  doc: Document,
  url: string,
  pageType: PageType = detectPageType(doc, url),
): Article | null {
  if (pageType !== 'pmc-article') return null;
  const legacy = meta(doc, META_NCBI_APP) === 'pmc-frontend' || !doc.querySelector(PMC_BODY);
  const title =
    meta(doc, META_CITATION_TITLE) ||
    textOf(doc.querySelector(PMC_TITLE)) ||
    textOf(doc.querySelector(PMC_LEGACY_TITLE));
  const pmid = readPmid(doc);
  const pmcid = readPmcid(doc, url);
  if (!title && !pmid && !pmcid) return null;

  const abstractEl = doc.querySelector(PMC_ABSTRACT) ?? doc.querySelector(PMC_LEGACY_ABSTRACT);
  const abstractSections = readAbstractSections(abstractEl);
  const article: Article = {
    source: 'pmc',
    title,
    abstract: formatAbstract(abstractSections),
    abstractSections,
    keywords: readKeywords(doc),
    mesh: [],
    meshTerms: [],
    substances: [],
    publicationTypes: [],
    authors: readAuthors(doc),
    bodyText: legacy ? readLegacyBody(doc) : readCurrentBody(doc),
    url,
  };
  const citation = textOf(
    doc.querySelector(PMC_CITATION) ?? doc.querySelector(PMC_LEGACY_CITATION),
  );
  const doi =
    meta(doc, META_CITATION_DOI) || /\bdoi:\s*(10\.\S+\/\S+?)\.?(?:\s|$)/i.exec(citation)?.[1];
  const journal =
    meta(doc, META_CITATION_JOURNAL) || textOf(doc.querySelector(PMC_CITATION_JOURNAL));
  const year = firstYear(meta(doc, META_CITATION_PUBLICATION_DATE)) ?? firstYear(citation);
  if (pmid) article.pmid = pmid;
  if (pmcid) article.pmcid = pmcid;
  // A page's meta can hold anything: keep only what is shaped like a DOI (and fits the message schema).
  if (doi && doi.length <= 300 && /^10\.\S+\/\S+$/.test(doi)) article.doi = doi;
  if (journal) article.journal = journal;
  if (year) article.year = year;
  return article;
}

function meta(doc: Document, selector: string): string {
  return collapseWhitespace(doc.querySelector(selector)?.getAttribute('content') ?? '');
}

function readPmid(doc: Document): string | undefined {
  const fromMeta = meta(doc, META_CITATION_PMID);
  if (/^\d+$/.test(fromMeta)) return fromMeta;
  // "PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/35243479/">": the only front-matter link
  // to PubMed whose path is a bare number (the others are author searches).
  const links = [
    ...Array.from(doc.querySelectorAll(PMC_PUBMED_LINK)),
    ...Array.from(doc.querySelectorAll(PMC_LEGACY_PMID_LINK)),
  ];
  for (const a of links) {
    const m = /^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/(\d+)\/?$/.exec(
      a.getAttribute('href') ?? '',
    );
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function readPmcid(doc: Document, url: string): string | undefined {
  const candidates = [
    doc.querySelector(LINK_CANONICAL)?.getAttribute('href') ?? '',
    textOf(doc.querySelector(PMC_LEGACY_PMCID)),
    /PMCID:\s*PMC\d+/.exec(textOf(doc.querySelector(PMC_FRONT_MATTER)))?.[0] ?? '',
    url,
  ];
  for (const c of candidates) {
    const m = /PMC\d+/.exec(c);
    if (m) return m[0];
  }
  return undefined;
}

function readAuthors(doc: Document): string[] {
  const fromMeta = uniqueNonEmpty(
    Array.from(doc.querySelectorAll(META_CITATION_AUTHOR), (m) =>
      collapseWhitespace(m.getAttribute('content') ?? ''),
    ),
  );
  if (fromMeta.length > 0) return fromMeta;
  const links = doc.querySelectorAll(`${PMC_AUTHOR}, ${PMC_LEGACY_AUTHOR}`);
  return uniqueNonEmpty(Array.from(links, (a) => textOf(a)));
}

function readKeywords(doc: Document): string[] {
  const current = doc.querySelector(PMC_KEYWORDS);
  if (current) return splitList(textOf(current).replace(/^key\s*words\s*:?\s*/i, ''), /[,;]/);
  return splitList(textOf(doc.querySelector(PMC_LEGACY_KEYWORDS)), /[,;]/);
}

function readAbstractSections(abstractEl: Element | null): AbstractSection[] {
  if (!abstractEl) return [];
  // Structured abstracts nest one headed sub-section per label (section > h3 / div.sec > h3).
  const labelled = Array.from(abstractEl.querySelectorAll(PMC_ABSTRACT_SUBSECTION))
    .map((sub) => ({
      sub,
      heading: Array.from(sub.children).find((c) => c.matches(PMC_SUBSECTION_HEADING)),
    }))
    .filter((x) => x.heading && textOf(x.heading));
  if (labelled.length > 0) {
    return labelled
      .map(({ sub, heading }) => ({
        label: textOf(heading).replace(/[.:]\s*$/, ''),
        text: textOf(sub, NOT_ABSTRACT_TEXT),
      }))
      .filter((s) => s.text);
  }
  const text = textOf(abstractEl, NOT_ABSTRACT_TEXT);
  return text ? [{ label: '', text }] : [];
}

function readCurrentBody(doc: Document): string {
  const body = doc.querySelector(PMC_BODY);
  if (!body) return '';
  const skip = [PMC_ABSTRACT, PMC_REF_LIST, PMC_ASSOCIATED_DATA].join(', ');
  return Array.from(body.children)
    .filter((el) => !el.matches(skip))
    .map((el) => textOf(el))
    .filter(Boolean)
    .join('\n\n');
}

function readLegacyBody(doc: Document): string {
  return Array.from(doc.querySelectorAll(PMC_LEGACY_SECTION))
    .filter((el) => !el.matches(PMC_LEGACY_ABSTRACT) && !el.querySelector(PMC_LEGACY_REF_LIST))
    .filter((el) => !el.parentElement?.closest(PMC_LEGACY_SECTION))
    .map((el) => textOf(el))
    .filter(Boolean)
    .join('\n\n');
}
