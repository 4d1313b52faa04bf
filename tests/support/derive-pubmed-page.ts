/**
 * Makes a `derived-*` PubMed article page: the real capture PMID-37882686.html as the template,
 * with one real record's data written in through DOM APIs (textContent, cloneNode, attributes).
 * Parts of the template that belong to its own record and have no counterpart in the new record
 * (references, similar articles, affiliations, easyScholar badges…) are removed, not left stale.
 * See tests/fixtures/README.md, "Derived pages".
 */
import type { AbstractSection, Article } from '../../utils/article';
import {
  AFFILIATION_LINKS,
  AFFILIATIONS,
  ARTICLE_PAGE,
  ARTICLE_SOURCE,
  AUTHOR_COMMA,
  AUTHOR_ITEM,
  AUTHOR_NAME,
  AUTHORS_LIST,
  CITATION_DETAILS,
  CITATION_DOI_LINE,
  DOI_IDENTIFIER,
  DOI_LINK,
  FOREIGN_MARKUP,
  FULL_VIEW_HEADING,
  HEADING_TITLE,
  JOURNAL_BUTTON,
  MESH_SECTION,
  META_CITATION_DOI,
  PUBLICATION_TYPES_SECTION,
  RECORD_EXTRAS,
  SECONDARY_DATE,
  SHORT_CITATION_JOURNAL,
  SHORT_CITATION_YEAR,
  SHORT_VIEW_HEADING,
} from '../../utils/page/selectors';
import {
  buildSubstancesSection,
  writeAbstract,
  writeKeywords,
  writeListSection,
} from './derive-pubmed-sections';
import { parseHtml, PUBMED_ARTICLE, readFixture } from './fixtures';

/** `meta[name=…]` for the few head tags only this generator rewrites. */
function metaNamed(name: string): string {
  return `meta[name="${name}"]`;
}
/** `meta[property=…]` (Open Graph tags). */
function metaProperty(property: string): string {
  return `meta[property="${property}"]`;
}

/** A real record: an efetch Article, or a dev-set JSONL record (abstract paragraphs split on blank lines). */
export interface PageRecord {
  /** Required: a derived page is a PubMed article page, which always has one. */
  pmid?: string | null;
  title: string;
  doi?: string | null;
  abstract?: string;
  abstractSections?: AbstractSection[];
  keywords?: readonly string[];
  mesh?: readonly string[];
  substances?: readonly string[];
  publicationTypes?: readonly string[];
  journal?: string;
  year?: number;
  authors?: readonly string[];
}

/** File name for a derived page, so it can never be mistaken for a capture. */
export function derivedPageName(record: Pick<PageRecord, 'pmid'>): string {
  return `derived-PMID-${record.pmid ?? 'unknown'}.html`;
}

/** Returns the HTML of a derived PubMed article page for `record`. */
export function derivePubmedPage(
  record: PageRecord | Article,
  template = readFixture(PUBMED_ARTICLE.path),
): string {
  const doc = parseHtml(template);
  const oldPmid = doc.querySelector(ARTICLE_PAGE)?.getAttribute('data-article-pmid') ?? '';
  const oldDoi = doc.querySelector(META_CITATION_DOI)?.getAttribute('content') ?? '';
  const pmid = record.pmid;
  if (!pmid) throw new Error('derivePubmedPage needs a record with a PMID');
  const doi = record.doi ?? '';
  const sections = record.abstractSections?.length
    ? record.abstractSections
    : paragraphs(record.abstract ?? '');
  const authors = record.authors ?? [];

  doc
    .querySelectorAll(
      [RECORD_EXTRAS, FOREIGN_MARKUP, SECONDARY_DATE, AFFILIATION_LINKS, AFFILIATIONS].join(', '),
    )
    .forEach((el) => el.remove());
  writeHead(doc, record, sections, authors);
  for (const heading of doc.querySelectorAll(`${FULL_VIEW_HEADING}, ${SHORT_VIEW_HEADING}`)) {
    writeHeading(heading, record, authors);
  }
  writeAbstract(doc, sections);
  writeKeywords(doc, record.keywords ?? []);

  const pubTypes = doc.querySelector(PUBLICATION_TYPES_SECTION);
  const substances = pubTypes ? buildSubstancesSection(pubTypes) : null;
  writeListSection(
    pubTypes,
    record.publicationTypes ?? [],
    (_, i) => `keyword-actions-publication-types-${i}`,
  );
  const mesh = doc.querySelector(MESH_SECTION);
  if (substances) (mesh ?? pubTypes)?.after(substances);
  writeListSection(mesh, record.mesh ?? [], (term, i) =>
    term.includes('*')
      ? `keyword-actions-mesh-terms-major-${i}`
      : `keyword-actions-mesh-terms-${i}`,
  );
  writeListSection(
    substances,
    record.substances ?? [],
    (_, i) => `keyword-actions-substances-${i}`,
  );

  // The template's PMID and DOI also sit in dozens of links and data attributes.
  replaceEverywhere(doc, oldPmid, pmid);
  if (oldDoi) replaceEverywhere(doc, oldDoi, doi);
  return '<!DOCTYPE html>' + doc.documentElement.outerHTML;
}

function paragraphs(abstract: string): AbstractSection[] {
  return abstract
    .split(/\n\s*\n/)
    .map((text) => ({ label: '', text: text.replace(/\s+/g, ' ').trim() }))
    .filter((s) => s.text);
}

function setMeta(doc: Document, selector: string, content: string | undefined): void {
  const meta = doc.querySelector(selector);
  if (!meta) return;
  if (content) meta.setAttribute('content', content);
  else meta.remove();
}

function writeHead(
  doc: Document,
  r: PageRecord,
  sections: AbstractSection[],
  authors: readonly string[],
): void {
  const plain = sections.map((s) => (s.label ? `${s.label}: ${s.text}` : s.text)).join(' ');
  // PubMed's description metas hold the abstract cut near 300 characters, ending in " …".
  const description =
    plain.length > 300 ? `${plain.slice(0, 300).replace(/\s+\S*$/, '')} …` : plain;
  doc.title = `${r.title} - PubMed`;
  setMeta(doc, metaNamed('citation_title'), r.title);
  for (const sel of [metaProperty('og:title'), metaNamed('twitter:title')])
    setMeta(doc, sel, `${r.title} - PubMed`);
  for (const sel of [
    metaNamed('description'),
    metaProperty('og:description'),
    metaNamed('twitter:description'),
  ]) {
    setMeta(doc, sel, description);
  }
  const shortAuthors = authors.length > 3 ? [authors[0]!, authors[1]!, authors.at(-1)!] : authors;
  const keywordsMeta = doc.querySelector(metaNamed('keywords'))?.getAttribute('content') ?? '';
  const siteWords = keywordsMeta.slice(keywordsMeta.indexOf('PubMed Abstract'));
  const ids = [`pmid:${r.pmid}`, ...(r.doi ? [`doi:${r.doi}`] : [])];
  const terms = [
    ...ids,
    ...(r.publicationTypes ?? []),
    ...shortAuthors,
    ...(r.mesh ?? []),
    ...(r.substances ?? []),
  ];
  setMeta(doc, metaNamed('keywords'), [...terms, siteWords].join(', '));
  setMeta(doc, metaNamed('citation_authors'), authors.length ? `${authors.join(';')};` : undefined);
  setMeta(doc, metaNamed('citation_date'), r.year ? String(r.year) : undefined);
  setMeta(doc, metaNamed('citation_journal_title'), r.journal);
  setMeta(doc, metaNamed('citation_doi'), r.doi ?? undefined);
  // Unknown for the new record: drop rather than keep the template's values.
  for (const name of [
    'citation_publisher',
    'citation_volume',
    'citation_issue',
    'citation_issn',
    'citation_firstpage',
  ]) {
    setMeta(doc, metaNamed(name), undefined);
  }
}

function writeHeading(heading: Element, r: PageRecord, authors: readonly string[]): void {
  const title = heading.querySelector(HEADING_TITLE);
  if (title) title.textContent = r.title;
  heading.querySelectorAll(ARTICLE_SOURCE).forEach((source) => {
    const button = source.querySelector(JOURNAL_BUTTON);
    if (!r.journal || !button) return source.remove();
    button.textContent = r.journal;
    button.setAttribute('title', r.journal);
    button.setAttribute('aria-label', `Toggle dropdown menu for journal ${r.journal}`);
    const cit = source.querySelector(CITATION_DETAILS);
    if (cit) cit.textContent = r.year ? `${r.year}.` : '';
  });
  const shortJournal = heading.querySelector(SHORT_CITATION_JOURNAL);
  if (shortJournal) shortJournal.textContent = r.journal ? `${r.journal}.` : '';
  const shortYear = heading.querySelector(SHORT_CITATION_YEAR);
  if (shortYear) shortYear.textContent = r.year ? `${r.year}.` : '';
  heading.querySelectorAll(CITATION_DOI_LINE).forEach((line) => {
    if (r.doi) line.textContent = `doi: ${r.doi}.`;
    else line.remove();
  });
  heading.querySelectorAll(DOI_IDENTIFIER).forEach((id) => {
    const link = id.querySelector(DOI_LINK);
    if (!r.doi || !link) return void (id.closest('li') ?? id).remove();
    link.textContent = r.doi;
    link.setAttribute('href', `https://doi.org/${r.doi.toLowerCase()}`);
  });
  heading.querySelectorAll(AUTHORS_LIST).forEach((list) => writeAuthors(list, authors));
}

function writeAuthors(list: Element, authors: readonly string[]): void {
  const items = Array.from(list.querySelectorAll(AUTHOR_ITEM));
  const template = items[0];
  if (!template || authors.length === 0) return void list.remove();
  // The mobile short citation shows only the first author ("Chen Zhang et al.").
  const names = items.length === 1 ? authors.slice(0, 1) : authors;
  items.forEach((item) => item.remove());
  names.forEach((name, i) => {
    const item = template.cloneNode(true) as Element;
    const link = item.querySelector(AUTHOR_NAME);
    if (link) {
      link.textContent = name;
      if (link.hasAttribute('data-ga-label')) link.setAttribute('data-ga-label', name);
      if (link.hasAttribute('href'))
        link.setAttribute('href', `/?term=${encodeURIComponent(name)}%5BAuthor%5D`);
    }
    if (i === names.length - 1 && items.length > 1) item.querySelector(AUTHOR_COMMA)?.remove();
    list.append(item);
  });
}

/** Replaces `from` (any letter case) by `to` in every attribute value and text node. */
function replaceEverywhere(doc: Document, from: string, to: string): void {
  if (!from) return;
  const pattern = new RegExp(from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'gi');
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (pattern.test(attr.value)) el.setAttribute(attr.name, attr.value.replace(pattern, to));
      pattern.lastIndex = 0;
    }
  }
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue && pattern.test(node.nodeValue))
      node.nodeValue = node.nodeValue.replace(pattern, to);
    pattern.lastIndex = 0;
  }
}
