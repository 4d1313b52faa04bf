import type { AbstractSection, Article, MeshTerm } from '../article';
import { parseMeshHeading } from '../article/mesh-heading';
import { detectPageType } from './page-type';
import {
  ABSTRACT_CONTENT,
  ABSTRACT_PARAGRAPH,
  ARTICLE_PAGE,
  AUTHOR_NAME,
  CITATION_DETAILS,
  CURRENT_PMID,
  DOI_LINK,
  FOREIGN_MARKUP,
  FULL_VIEW_HEADING,
  HEADING_TITLE,
  JOURNAL_BUTTON,
  KEYWORD_BUTTON,
  KEYWORD_DROPDOWN,
  KEYWORDS_LIST_ITEM,
  MAJOR_CLASS,
  MESH_SECTION,
  META_CITATION_AUTHORS,
  META_CITATION_DATE,
  META_CITATION_DOI,
  META_CITATION_JOURNAL,
  META_CITATION_PMID,
  META_CITATION_TITLE,
  PMCID_IDENTIFIER,
  PUBLICATION_TYPES_SECTION,
  SUB_TITLE,
  SUBSTANCES_SECTION,
} from './selectors';
import {
  collapseWhitespace,
  firstYear,
  formatAbstract,
  splitList,
  stripTrailingColon,
  textOf,
  uniqueNonEmpty,
} from '../article/text';

/**
 * Reads a PubMed article page (pubmed.ncbi.nlm.nih.gov/<PMID>/) into an Article.
 * Returns null when `doc` is not a PubMed article page (e.g. a search page). Missing parts
 * (no abstract, MeSH or DOI) come back empty; nothing here throws on unexpected markup.
 */
export function parsePubmedArticle(doc: Document, url: string): Article | null {
  if (detectPageType(doc, url) !== 'pubmed-article') return null;
  // The page repeats title, authors and IDs in a mobile heading: read the desktop one only.
  const heading = doc.querySelector(FULL_VIEW_HEADING);
  const pmid = readPmid(doc, heading, url);
  const title =
    textOf(heading?.querySelector(HEADING_TITLE), FOREIGN_MARKUP) || meta(doc, META_CITATION_TITLE);
  if (!pmid && !title) return null;

  const abstractSections = readAbstractSections(doc);
  const mesh = readListSection(doc, MESH_SECTION);
  const article: Article = {
    source: 'pubmed',
    title,
    abstract: formatAbstract(abstractSections),
    abstractSections,
    keywords: readKeywords(doc),
    mesh: mesh.map((m) => m.text),
    meshTerms: mesh.map(toMeshTerm),
    substances: readListSection(doc, SUBSTANCES_SECTION).map((s) => s.text),
    publicationTypes: readListSection(doc, PUBLICATION_TYPES_SECTION).map((p) => p.text),
    authors: readAuthors(doc, heading),
    url,
  };
  const doi = readDoi(doc, heading);
  const pmcid = /PMC\d+/.exec(
    textOf(heading?.querySelector(PMCID_IDENTIFIER), FOREIGN_MARKUP),
  )?.[0];
  const journal = readJournal(doc, heading);
  const year =
    firstYear(meta(doc, META_CITATION_DATE)) ??
    firstYear(textOf(heading?.querySelector(CITATION_DETAILS)));
  if (pmid) article.pmid = pmid;
  if (doi) article.doi = doi;
  if (pmcid) article.pmcid = pmcid;
  if (journal) article.journal = journal;
  if (year) article.year = year;
  return article;
}

function meta(doc: Document, selector: string): string {
  return collapseWhitespace(doc.querySelector(selector)?.getAttribute('content') ?? '');
}

function readPmid(doc: Document, heading: Element | null, url: string): string | undefined {
  const candidates = [
    doc.querySelector(ARTICLE_PAGE)?.getAttribute('data-article-pmid') ?? '',
    textOf(heading?.querySelector(CURRENT_PMID)),
    meta(doc, META_CITATION_PMID),
    /pubmed\.ncbi\.nlm\.nih\.gov\/(\d+)\/?(?:[?#]|$)/.exec(url)?.[1] ?? '',
  ];
  return candidates.map((c) => c.trim()).find((c) => /^\d+$/.test(c));
}

function readDoi(doc: Document, heading: Element | null): string | undefined {
  const candidates = [
    textOf(heading?.querySelector(DOI_LINK), FOREIGN_MARKUP),
    meta(doc, META_CITATION_DOI),
  ];
  return candidates.find((c) => /^10\.\S+\/\S+$/.test(c));
}

function readJournal(doc: Document, heading: Element | null): string | undefined {
  const button = heading?.querySelector(JOURNAL_BUTTON);
  const candidates = [
    button?.getAttribute('title')?.trim() ?? '',
    meta(doc, META_CITATION_JOURNAL),
    textOf(button, FOREIGN_MARKUP),
  ];
  return candidates.find(Boolean);
}

function readAuthors(doc: Document, heading: Element | null): string[] {
  const names = uniqueNonEmpty(
    Array.from(heading?.querySelectorAll(AUTHOR_NAME) ?? [], (a) => textOf(a, FOREIGN_MARKUP)),
  );
  // Fallback: the citation meta, "Zhang C;Butt S;…;" (short names, but better than nothing).
  return names.length > 0 ? names : splitList(meta(doc, META_CITATION_AUTHORS), /;/);
}

function readAbstractSections(doc: Document): AbstractSection[] {
  const content = doc.querySelector(ABSTRACT_CONTENT);
  if (!content) return [];
  const paragraphs = Array.from(content.querySelectorAll('p'));
  const blocks = paragraphs.length > 0 ? paragraphs : [content];
  return blocks
    .map((p) => ({
      label: stripTrailingColon(textOf(p.querySelector(SUB_TITLE), FOREIGN_MARKUP)),
      text: textOf(p, `${SUB_TITLE}, ${FOREIGN_MARKUP}`),
    }))
    .filter((s) => s.text);
}

function readKeywords(doc: Document): string[] {
  for (const p of Array.from(doc.querySelectorAll(ABSTRACT_PARAGRAPH))) {
    const label = textOf(p.querySelector(SUB_TITLE));
    if (/^keywords\b/i.test(label)) {
      return splitList(textOf(p, `${SUB_TITLE}, ${FOREIGN_MARKUP}`), /;/);
    }
  }
  return [];
}

interface ListEntry {
  text: string;
  majorClass: boolean;
}

/** Entries of a keyword-style section (publication types, MeSH, substances), as shown. */
function readListSection(doc: Document, sectionSelector: string): ListEntry[] {
  const section = doc.querySelector(sectionSelector);
  if (!section) return [];
  const items = Array.from(section.querySelectorAll(KEYWORDS_LIST_ITEM));
  // Tolerant: #substances is not in any capture, so accept bare buttons or bare list items too.
  const entries =
    items.length > 0
      ? items.map((li) => li.querySelector(KEYWORD_BUTTON) ?? li)
      : Array.from(section.querySelectorAll(KEYWORD_BUTTON));
  const seen = new Set<string>();
  const out: ListEntry[] = [];
  for (const el of entries) {
    // The button text alone; the li also holds a hidden "Search in PubMed…" menu.
    const text = textOf(el, `${KEYWORD_DROPDOWN}, ${FOREIGN_MARKUP}`);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push({ text, majorClass: el.classList.contains(MAJOR_CLASS) });
  }
  return out;
}

function toMeshTerm(entry: ListEntry): MeshTerm {
  const term = parseMeshHeading(entry.text);
  return entry.majorClass ? { ...term, major: true } : term;
}
