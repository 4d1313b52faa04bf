import { describe, expect, it } from 'vitest';
import { buildLibraryRows, facetsOf, filterRows, snippetOf, sortRows } from '@/utils/library/query';
import { generateLibrary } from '../../support/library-data';

describe('library rows', () => {
  const data = generateLibrary(9);
  const rows = buildLibraryRows(data.articles, data.notes, data.highlights);

  it('has one row per article with a note or highlight, joined with its record', () => {
    expect(rows).toHaveLength(9);
    const first = rows.find((r) => r.key === 'pmid:10000000')!;
    expect(first.title).toBe(data.articles[0]!.title);
    expect(first.highlights).toHaveLength(2);
    expect(first.targets).toEqual(expect.arrayContaining(['JAK1', 'JAK2']));
    expect(first.lastEdited).toBe(
      Math.max(data.notes[0]!.updatedAt, data.highlights[0]!.updatedAt),
    );
  });

  it('skips articles that were only visited, and keeps notes whose article is unknown', () => {
    const visitedOnly = { ...data.articles[0]!, key: 'pmid:1', pmid: '1' };
    const orphan = { ...data.notes[0]!, articleKey: 'doi:10.1/x' };
    const joined = buildLibraryRows([visitedOnly], [orphan], []);
    expect(joined.map((r) => r.key)).toEqual(['doi:10.1/x']);
    expect(joined[0]!.title).toBe('doi:10.1/x');
    expect(joined[0]!.url).toBe('https://doi.org/10.1/x');
  });

  it.each([
    [{ tag: 'REVIEW' }, (r: (typeof rows)[number]) => r.tags.includes('review')],
    [
      { drug: 'drug:tofacitinib' },
      (r: (typeof rows)[number]) => r.drugs.includes('drug:tofacitinib'),
    ],
    [{ target: 'JAK3' }, (r: (typeof rows)[number]) => r.targets.includes('JAK3')],
    [
      { relevance: 'disease' as const },
      (r: (typeof rows)[number]) => r.verdict?.relevance === 'disease',
    ],
    [{ status: 'read' as const }, (r: (typeof rows)[number]) => r.status === 'read'],
  ])('filters by %o', (filter, predicate) => {
    const kept = filterRows(rows, filter);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(rows.filter(predicate));
  });

  it('sorts by last edited, year and title', () => {
    const edited = sortRows(rows, 'edited').map((r) => r.lastEdited);
    expect(edited).toEqual([...edited].sort((a, b) => b - a));
    const years = sortRows(rows, 'year').map((r) => r.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const titles = sortRows(rows, 'title').map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  it('collects facets and snippets', () => {
    expect(facetsOf(rows).drugs).toContain('drug:baricitinib');
    expect(snippetOf('\n first \n\n second \n third')).toBe('first · second');
    expect(snippetOf('x'.repeat(500)).length).toBe(160);
  });
});
