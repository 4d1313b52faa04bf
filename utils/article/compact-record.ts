/**
 * The part of a PubMed record the search-results badges need: what the classifier reads, nothing
 * else (no authors, no affiliations). It is what the cache keeps and what 'records/get' returns.
 */
import * as v from 'valibot';
import type { Article } from '../article';
import { parseMeshHeading } from './mesh-heading';

const LIMITS = { title: 4000, abstract: 30_000, item: 500, items: 300 } as const;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const List = v.pipe(v.array(Text(LIMITS.item)), v.maxLength(LIMITS.items));

/** Strict shape of a compact record, used to validate replies from the background. */
export const CompactRecordSchema = v.strictObject({
  title: Text(LIMITS.title),
  abstract: Text(LIMITS.abstract),
  mesh: List,
  substances: List,
  keywords: List,
  publicationTypes: List,
});

export type CompactRecord = v.InferOutput<typeof CompactRecordSchema>;

/** Shrinks an Article to a CompactRecord, cutting over-long fields so it always validates. */
export function toCompactRecord(article: Article): CompactRecord {
  const list = (items: string[]) =>
    items.slice(0, LIMITS.items).map((s) => s.slice(0, LIMITS.item));
  return {
    title: article.title.slice(0, LIMITS.title),
    abstract: article.abstract.slice(0, LIMITS.abstract),
    mesh: list(article.mesh),
    substances: list(article.substances),
    keywords: list(article.keywords),
    publicationTypes: list(article.publicationTypes),
  };
}

/** Rebuilds an Article the classifier can read (labelled abstract kept as one block). */
export function fromCompactRecord(pmid: string, record: CompactRecord): Article {
  return {
    source: 'eutils',
    pmid,
    title: record.title,
    abstract: record.abstract,
    abstractSections: record.abstract ? [{ label: '', text: record.abstract }] : [],
    keywords: [...record.keywords],
    mesh: [...record.mesh],
    meshTerms: record.mesh.map(parseMeshHeading),
    substances: [...record.substances],
    publicationTypes: [...record.publicationTypes],
    authors: [],
  };
}
