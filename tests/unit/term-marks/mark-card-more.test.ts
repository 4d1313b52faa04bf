import { describe, expect, it } from 'vitest';
import type { Verdict } from '@/utils/classify';
import { filterRows, facetsOf, type LibraryRow } from '@/utils/library/query';
import { antibodiesIn, antibodySubtype } from '@/utils/panel/antibodies';
import { findMentions } from '@/utils/match/find-mentions';
import { markCardFor } from '@/utils/term-marks/mark-card';

describe('antibody cards', () => {
  it('anti-MDA5: family, phenotype with its PubMed source and checked date, tag', () => {
    const card = markCardFor('antibody', 'antibody:mda5');
    if (card?.kind !== 'antibody') throw new Error(`got ${card?.kind}`);
    expect(card.title).toBe('anti-MDA5');
    expect(card.family).toMatch(/dermatomyositis/);
    expect(card.phenotype?.text).toMatch(/interstitial lung disease/);
    expect(card.phenotype?.source.url).toBe('https://pubmed.ncbi.nlm.nih.gov/33774723/');
    expect(card.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(card.tag).toBe('antibody:mda5');
  });

  it('an antibody without a read source states no phenotype', () => {
    const card = markCardFor('antibody', 'antibody:zo');
    expect(card?.kind === 'antibody' && card.phenotype).toBeNull();
  });

  it('anti-SAE and anti-Ha: the phenotype of the paper read, with its DOI or PubMed record', () => {
    const sae = markCardFor('antibody', 'antibody:sae');
    if (sae?.kind !== 'antibody') throw new Error(`got ${sae?.kind}`);
    expect(sae.phenotype?.text).toMatch(/cancer-associated myositis in 16%/);
    expect(sae.phenotype?.source.url).toBe('https://doi.org/10.1093/rheumatology/kead154');
    const ha = markCardFor('antibody', 'antibody:ha');
    expect(ha?.kind === 'antibody' && ha.phenotype?.source.url).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/39557603/',
    );
  });

  it('the anti-synthetase antibodies as a class: the syndrome, with the review read', () => {
    const card = markCardFor('antibody', 'antibody:ars');
    if (card?.kind !== 'antibody') throw new Error(`got ${card?.kind}`);
    expect(card.phenotype?.text).toMatch(/primarily interstitial lung disease/);
    expect(card.phenotype?.source.url).toBe('https://pubmed.ncbi.nlm.nih.gov/24424190/');
  });

  it('anti-EJ, anti-OJ and anti-KS: the phenotype of the cohort read, with its PubMed record', () => {
    const cards = (['ej', 'oj', 'ks'] as const).map((s) =>
      markCardFor('antibody', `antibody:${s}`),
    );
    const [ej, oj, ks] = cards.map((c) => (c?.kind === 'antibody' ? c.phenotype : null));
    expect(ej?.text).toMatch(/interstitial lung disease in nearly all/);
    expect(ej?.source.url).toBe('https://pubmed.ncbi.nlm.nih.gov/32144624/');
    expect(oj?.text).toMatch(/myocardial involvement/);
    expect(oj?.source.url).toBe('https://pubmed.ncbi.nlm.nih.gov/34128807/');
    expect(ks?.text).toMatch(/rather than myositis/);
    expect(ks?.source.url).toBe('https://pubmed.ncbi.nlm.nih.gov/32094078/');
  });

  it('unknown antibody ids and antibody ids under another kind give no card', () => {
    expect(markCardFor('antibody', 'antibody:nope')).toBeNull();
    expect(markCardFor('disease', 'antibody:mda5')).toBeNull();
  });
});

describe('range and interferon-marker cards', () => {
  it('"JAK1–3" lists its three members', () => {
    const card = markCardFor('target', 'range:JAK1–3');
    if (card?.kind !== 'range') throw new Error(`got ${card?.kind}`);
    expect(card.members).toEqual(['JAK1', 'JAK2', 'JAK3']);
  });

  it('ISG15 links to the type I IFN → JAK1 + TYK2 path and names inhibitors acting on it', () => {
    const card = markCardFor('target', 'ifn:ISG15');
    if (card?.kind !== 'ifn-marker') throw new Error(`got ${card?.kind}`);
    expect(card.path).toContain('JAK1 + TYK2');
    expect(card.pathSource.url).toMatch(/^https:\/\//);
    expect(card.pathBlockers).toEqual(expect.arrayContaining(['baricitinib', 'ruxolitinib']));
  });
});

describe('panel subtype and library antibody filter', () => {
  const verdict: Verdict = {
    relevance: 'core',
    disease: 'dm',
    jakInhibition: true,
    drugs: [],
    evidence: [
      {
        term: 'anti-MDA5',
        termId: 'antibody:mda5',
        field: 'abstract',
        weight: 1,
        count: 2,
        axis: 'disease',
      },
      {
        term: 'anti-Ro52',
        termId: 'antibody:ro52',
        field: 'abstract',
        weight: 1,
        count: 1,
        axis: 'disease',
      },
    ],
    scores: { disease: 10, jak: 5, threshold: 2 },
  };

  it('"anti-MDA5 DM" from the leading myositis-specific antibody', () => {
    const found = antibodiesIn(verdict);
    expect(found.map((f) => f.tag).sort()).toEqual(['antibody:mda5', 'antibody:ro52']);
    expect(antibodySubtype('dm', found)).toBe('anti-MDA5 DM');
    expect(antibodySubtype(null, found)).toBeNull();
    expect(
      antibodySubtype(
        'dm',
        found.filter((f) => f.id === 'antibody:ro52'),
      ),
    ).toBeNull();
  });

  it('filters rows by an antibody tag and offers the antibody tags as facets', () => {
    const base = {
      title: 't',
      url: 'https://x',
      drugs: [],
      targets: [],
      highlights: [],
      conflicts: 0,
      snippet: '',
      lastEdited: 0,
    };
    const rows = [
      { ...base, key: 'a', tags: ['antibody:mda5', 'review'] },
      { ...base, key: 'b', tags: ['Antibody:TIF1G'] },
      { ...base, key: 'c', tags: [] },
    ] as unknown as LibraryRow[];
    expect(filterRows(rows, { antibody: 'antibody:mda5' }).map((r) => r.key)).toEqual(['a']);
    expect(filterRows(rows, { antibody: 'antibody:tif1g' }).map((r) => r.key)).toEqual(['b']);
    expect(facetsOf(rows).antibodies).toEqual(['antibody:mda5', 'Antibody:TIF1G']);
  });
});

describe('cards linked to the pathway view', () => {
  it('the JAK-STAT pathway, type I interferon and every interferon-signature term link to it', () => {
    expect(markCardFor('target', 'target:JAK-STAT')?.pathway).toBe('jak-stat');
    expect(markCardFor('disease', 'disease:ifn')?.pathway).toBe('type-i-ifn');
    for (const id of ['ifn:pathway', 'ifn:signature', 'ifn:isg', 'ifn:MxA', 'ifn:pSTAT1'])
      expect(markCardFor('target', id)?.pathway, id).toBe('type-i-ifn');
  });

  it('drugs, JAKs, diseases and antibodies do not', () => {
    expect(markCardFor('drug', 'drug:baricitinib')?.pathway).toBeUndefined();
    expect(markCardFor('target', 'target:JAK1')?.pathway).toBeUndefined();
    expect(markCardFor('disease', 'disease:dm')?.pathway).toBeUndefined();
    expect(markCardFor('antibody', 'antibody:mda5')?.pathway).toBeUndefined();
  });

  it('"the IFN pathway" of the seed review (PMID 34563217) is marked and linked', () => {
    const s =
      'There are multiple components of the IFN pathway that could be targeted for blockade therapy.';
    const found = findMentions(s, s).map((m) => [m.termId, s.slice(m.start, m.end)]);
    expect(found).toEqual([['ifn:pathway', 'IFN pathway']]);
    const card = markCardFor('target', 'ifn:pathway');
    expect(card?.kind === 'ifn-marker' && card.path).toContain('JAK1 + TYK2');
  });
});
