// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildEsearchUrl, parseEsearchResult } from '../../../utils/topic-watch/esearch';
import { createXmlParser } from '../../../utils/article/xml-parser';
import { esearchReply } from '../../support/eutils-replies';

const parsers = [
  ['DOMParser', undefined],
  ['xmldom', createXmlParser()],
] as const;

describe('buildEsearchUrl', () => {
  it('asks PubMed by Entrez date, with reldate or a mindate/maxdate pair', () => {
    const rel = new URL(buildEsearchUrl('jdm AND "JAK inhibitor"', { reldate: 30 }, 500));
    expect(Object.fromEntries(rel.searchParams)).toEqual({
      db: 'pubmed',
      term: 'jdm AND "JAK inhibitor"',
      retmax: '500',
      datetype: 'edat',
      reldate: '30',
    });
    const range = new URL(
      buildEsearchUrl('jdm', { mindate: '2026/11/30', maxdate: '2026/12/03' }, 500),
    );
    expect(range.searchParams.get('mindate')).toBe('2026/11/30');
    expect(range.searchParams.get('maxdate')).toBe('2026/12/03');
    expect(new URL(buildEsearchUrl('jdm', null, 0)).searchParams.get('datetype')).toBeNull();
  });
});

describe.each(parsers)('parseEsearchResult (%s)', (_, parser) => {
  it('reads the count and the PMIDs', () => {
    const xml = esearchReply({ ids: ['38909159', '33474827'], count: 7 });
    expect(parseEsearchResult(xml, parser)).toEqual({
      count: 7,
      ids: ['38909159', '33474827'],
      errors: [],
      warnings: [],
    });
  });

  it('puts NCBI’s ERROR, ErrorList and WarningList into words', () => {
    expect(
      parseEsearchResult(esearchReply({ ids: [], error: 'Invalid query' }), parser).errors,
    ).toEqual(['NCBI: Invalid query']);
    const listed = parseEsearchResult(
      esearchReply({
        ids: [],
        errorList: [
          ['PhraseNotFound', 'xyzzyq'],
          ['FieldNotFound', 'foo'],
        ],
        warningList: [
          ['QuotedPhraseNotFound', '"jak lens"'],
          ['OutputMessage', 'No items found.'],
        ],
      }),
      parser,
    );
    expect(listed.errors).toEqual([
      'Term not found in PubMed: xyzzyq',
      'Unknown search field: foo',
    ]);
    expect(listed.warnings).toEqual([
      'Quoted phrase not found: "jak lens"',
      'NCBI says: No items found.',
    ]);
  });

  it('treats anything but an eSearchResult as an error', () => {
    expect(
      parseEsearchResult('<html><body>Service unavailable</body></html>', parser).errors,
    ).toHaveLength(1);
    expect(parseEsearchResult('<eSearchResult><Count>', parser).errors).toHaveLength(1);
  });

  it('ignores Ids that are not PMIDs', () => {
    const xml = esearchReply({ ids: ['38909159', 'x1', '1234567890'] });
    expect(parseEsearchResult(xml, parser).ids).toEqual(['38909159']);
  });
});
