import MiniSearch from 'minisearch';
import type { LibraryRow } from '@/utils/library/query';

/**
 * The contender the library's search was measured against: MiniSearch over the same fields, prefix
 * search on every word (what "search as you type" needs), AND across words. Kept in the bench so
 * the choice in utils/library-search.ts can be re-checked with `npm run bench`.
 */
export function miniSearchContender(rows: readonly LibraryRow[]) {
  const search = new MiniSearch({
    fields: ['title', 'note', 'highlights', 'comments', 'tags'],
    storeFields: [],
  });
  search.addAll(
    rows.map((row) => ({
      id: row.key,
      title: row.title,
      note: row.note?.body ?? '',
      highlights: row.highlights.map((h) => h.textQuote.exact).join('\n'),
      comments: row.highlights.map((h) => h.comment ?? '').join('\n'),
      tags: row.tags.join(' '),
    })),
  );
  return (query: string): Set<string> | null =>
    query.trim()
      ? new Set(
          search
            .search(query, {
              prefix: (_term, i, terms) => i === terms.length - 1,
              combineWith: 'AND',
            })
            .map((r) => String(r.id)),
        )
      : null;
}
