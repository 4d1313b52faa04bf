import type { Highlight } from '../storage/db';
import type { LibraryRow } from './query';

/**
 * The reader's highlights as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/):
 * one AnnotationCollection with a single AnnotationPage. Each highlight targets the article's PubMed
 * page with a TextQuoteSelector and a TextPositionSelector; a comment becomes a TextualBody.
 */

/** One highlight as a Web Annotation. */
export function highlightToAnnotation(row: LibraryRow, h: Highlight): Record<string, unknown> {
  return {
    id: `urn:uuid:${h.id}`,
    type: 'Annotation',
    motivation: h.comment ? 'commenting' : 'highlighting',
    created: new Date(h.createdAt).toISOString(),
    modified: new Date(h.updatedAt).toISOString(),
    ...(h.comment
      ? {
          body: {
            type: 'TextualBody',
            value: h.comment,
            format: 'text/plain',
            purpose: 'commenting',
          },
        }
      : {}),
    target: {
      source: row.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${row.pmid}/` : row.url,
      selector: [
        { type: 'TextQuoteSelector', ...h.textQuote },
        { type: 'TextPositionSelector', ...h.textPosition },
      ],
    },
  };
}

/** Every highlight of the rows as one JSON-LD AnnotationCollection. */
export function rowsToAnnotations(rows: readonly LibraryRow[], now = Date.now()) {
  const items = rows.flatMap((row) => row.highlights.map((h) => highlightToAnnotation(row, h)));
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'http://www.w3.org/ns/ldp.jsonld'],
    type: 'AnnotationCollection',
    label: `JAK Lens highlights, exported ${new Date(now).toISOString()}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
