import { describe, expect, it } from 'vitest';
import inhibitorData from '@/utils/knowledge/data/jak-inhibitors.json';
import pathwayData from '@/utils/knowledge/data/jak-stat-pathways.json';
import { DISEASE_TERMS } from '@/utils/knowledge/diseases';
import { DRUGS, getDrug } from '@/utils/knowledge/drugs';
import { TARGET_TERMS } from '@/utils/knowledge/targets';
import type { SourceRef } from '@/utils/knowledge/types';
import { markCardFor, strongestFirst, type MarkCardModel } from '@/utils/term-marks/mark-card';
import { placeCard } from '@/utils/term-marks/mark-card-position';
import { safeHttpUrl } from '@/utils/panel/links';

/** Every source a card links to. */
function sourcesOf(card: MarkCardModel): SourceRef[] {
  switch (card.kind) {
    case 'drug':
      return [...card.sources, ...card.approvals.map((a) => a.source)];
    case 'target':
      return [...card.sources, ...card.inhibitors.flatMap((i) => i.sources)];
    case 'disease':
    case 'drug-class':
      return card.sources;
    case 'antibody':
      return card.phenotype ? [card.phenotype.source] : [];
    case 'ifn-marker':
      return [card.source, card.pathSource];
    case 'label':
    case 'range':
      return [];
  }
}

describe('markCardFor: drugs', () => {
  it('gives baricitinib its brand name, JAK1 and JAK2, and its verified approvals with sources', () => {
    const card = markCardFor('drug', 'drug:baricitinib');
    if (card?.kind !== 'drug') throw new Error(`expected a drug card, got ${card?.kind}`);
    expect(card.title).toBe('baricitinib');
    expect(card.brandNames.map((b) => b.value)).toContain('Olumiant');
    expect(card.jakTargets).toEqual(['JAK1', 'JAK2']);
    const fda = card.approvals.find((a) => a.region === 'FDA (US)');
    expect(fda?.year).toBe(2018);
    expect(fda?.source.url).toMatch(/^https:\/\/dailymed\.nlm\.nih\.gov\//);
    expect(card.sources.length).toBeGreaterThan(0);
    expect(card.caution).toMatch(/Not a prescribing reference/);
  });

  it.each(DRUGS.map((d) => [d.id] as const))(
    '%s: targets are the verified ones only, approvals only verified, sources strongest first',
    (id) => {
      const drug = getDrug(id)!;
      const card = markCardFor('drug', id);
      if (card?.kind !== 'drug') throw new Error(`expected a drug card for ${id}`);
      expect(card.jakTargets).toEqual(
        ['JAK1', 'JAK2', 'JAK3', 'TYK2'].filter((j) => drug.jakTargets.includes(j as never)),
      );
      const unverified = [...drug.targets, ...drug.otherTargets].filter((t) => !t.verified);
      expect(card.unverifiedTargets.map((t) => t.value)).toEqual(unverified.map((t) => t.value));
      for (const t of card.otherTargets) {
        expect(unverified.map((u) => u.value)).not.toContain(t.value);
      }
      const verifiedApprovals = drug.approvals.filter((a) => a.verified);
      expect(card.approvals.map((a) => a.region)).toEqual(verifiedApprovals.map((a) => a.region));
      expect(card.unverifiedApprovals).toBe(drug.approvals.length - verifiedApprovals.length);
      expect(card.sources).toEqual(strongestFirst(drug.sources));
    },
  );

  it('leaves an UNVERIFIED target out of the facts (pacritinib ACVR1, jaktinib JAK family)', () => {
    const pacritinib = markCardFor('drug', 'drug:pacritinib');
    if (pacritinib?.kind !== 'drug') throw new Error('pacritinib');
    expect(pacritinib.otherTargets.map((t) => t.value)).not.toContain('ACVR1');
    expect(pacritinib.unverifiedTargets.map((t) => t.value)).toContain('ACVR1');
    const jaktinib = markCardFor('drug', 'drug:jaktinib');
    if (jaktinib?.kind !== 'drug') throw new Error('jaktinib');
    expect(jaktinib.jakTargets).toEqual([]);
  });

  it('gives the class term a class card, not a drug card', () => {
    const card = markCardFor('drug', 'drug:jak-inhibitor');
    expect(card?.kind).toBe('drug-class');
    if (card?.kind !== 'drug-class') return;
    expect(card.inhibitorCount).toBe(DRUGS.filter((d) => d.jakTargets.length > 0).length);
    // The detection-term list's sources, read with the facts (the matcher's terms carry none).
    expect(card.sources.map((s) => s.url)).toEqual(inhibitorData.detectionTerms.sources);
  });
});

describe('markCardFor: targets', () => {
  it.each(['JAK1', 'JAK2', 'JAK3', 'TYK2'] as const)(
    'target:%s lists exactly the drugs with it as a verified target',
    (jak) => {
      const card = markCardFor('target', `target:${jak}`);
      if (card?.kind !== 'target') throw new Error(`expected a target card for ${jak}`);
      const expected = DRUGS.filter((d) => d.jakTargets.includes(jak)).map((d) => d.id);
      expect(card.inhibitors.map((i) => i.drugId)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      for (const inhibitor of card.inhibitors) {
        expect(inhibitor.sources).toEqual(strongestFirst(getDrug(inhibitor.drugId)!.sources));
      }
    },
  );

  it('names JAK1 in full and lists baricitinib, tofacitinib and ruxolitinib against it', () => {
    const card = markCardFor('target', 'target:JAK1');
    if (card?.kind !== 'target') throw new Error('JAK1');
    expect(card.fullName).toBe('Janus kinase 1');
    expect(card.inhibitors.map((i) => i.name)).toEqual(
      expect.arrayContaining(['baricitinib', 'tofacitinib', 'ruxolitinib']),
    );
    // The pairing reference's sources, read with the facts (the matcher's terms carry none).
    expect(card.sources.map((s) => s.url)).toEqual(pathwayData.sources);
  });

  it('keeps a JAK2 listing the reference marks UNVERIFIED (lestaurtinib) out of the inhibitors', () => {
    const card = markCardFor('target', 'target:JAK2');
    if (card?.kind !== 'target') throw new Error('JAK2');
    expect(card.inhibitors.map((i) => i.name)).not.toContain('lestaurtinib');
    expect(card.unverifiedInhibitors).toContain('lestaurtinib');
  });

  it('names TYK2 in full and lists deucravacitinib', () => {
    const card = markCardFor('target', 'target:TYK2');
    if (card?.kind !== 'target') throw new Error('TYK2');
    expect(card.fullName).toBe('tyrosine kinase 2');
    expect(card.inhibitors.map((i) => i.name)).toContain('deucravacitinib');
    expect(card.inhibitors.map((i) => i.name)).not.toContain('tofacitinib');
  });

  it('claims no inhibitor for STATs, the pathway or the V617F mutation', () => {
    for (const id of ['target:STAT1', 'target:JAK-STAT', 'target:JAK2-V617F']) {
      const card = markCardFor('target', id);
      if (card?.kind !== 'target') throw new Error(id);
      expect(card.inhibitors).toEqual([]);
    }
    const stat1 = markCardFor('target', 'target:STAT1');
    expect(stat1?.kind === 'target' && stat1.fullName).toBeNull();
  });
});

describe('markCardFor: disease terms', () => {
  it.each([
    ['disease:jdm', 'Juvenile dermatomyositis', /juvenile dermatomyositis/i],
    ['disease:ifn', 'Type I interferon', /type I interferon term/i],
    ['disease:polymyositis', 'Polymyositis', /inflammatory myopathy/i],
  ])('%s → "%s"', (id, title, category) => {
    const card = markCardFor('disease', id);
    if (card?.kind !== 'disease') throw new Error(id);
    expect(card.title).toBe(title);
    expect(card.category).toMatch(category);
    expect(card.sources.length).toBeGreaterThan(0);
  });

  it('has a card for every disease term the matcher reports', () => {
    for (const term of DISEASE_TERMS) expect(markCardFor('disease', term.id)?.kind).toBe('disease');
  });
});

describe('markCardFor: unknown input', () => {
  it.each([
    ['drug', 'drug:notarealinib'],
    ['drug', 'target:JAK1'],
    ['target', 'target:JAK9'],
    ['target', 'drug:baricitinib'],
    ['disease', 'disease:unknown'],
    ['disease', 'silent:not-iim'],
    ['watch', 'watch:123'],
  ])('%s %s → null', (kind, id) => {
    expect(markCardFor(kind, id)).toBeNull();
  });

  it('gives another kind (a watch term) a label-only card when the mark carries a label', () => {
    expect(markCardFor('watch', 'watch:1', '  calcinosis ')).toEqual({
      kind: 'label',
      termId: 'watch:1',
      title: 'calcinosis',
    });
  });

  it('links only http(s) sources, for every term of every kind', () => {
    const ids = [
      ...DRUGS.map((d) => ['drug', d.id] as const),
      ...TARGET_TERMS.map((t) => ['target', t.id] as const),
      ...DISEASE_TERMS.map((t) => ['disease', t.id] as const),
    ];
    for (const [kind, id] of ids) {
      const card = markCardFor(kind, id);
      if (!card) throw new Error(`no card for ${id}`);
      for (const s of sourcesOf(card)) expect(safeHttpUrl(s.url), s.url).not.toBeNull();
    }
  });
});

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 300, height: 200 };

  it('puts the card just below the mark when there is room', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 50 }, size, viewport)).toEqual({
      top: 126,
      left: 50,
      side: 'below',
    });
  });

  it('flips above a mark near the bottom edge', () => {
    const at = placeCard({ top: 700, bottom: 720, left: 50 }, size, viewport);
    expect(at.side).toBe('above');
    expect(at.top + size.height).toBeLessThanOrEqual(700);
  });

  it('keeps the card inside the right and left edges', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 900 }, size, viewport).left).toBe(692);
    expect(placeCard({ top: 100, bottom: 120, left: -40 }, size, viewport).left).toBe(8);
  });

  it('stays in the viewport when the card fits neither above nor below', () => {
    const at = placeCard(
      { top: 300, bottom: 320, left: 10 },
      { width: 300, height: 700 },
      viewport,
    );
    expect(at.top).toBeGreaterThanOrEqual(8);
    expect(at.top + 700).toBeLessThanOrEqual(800 - 8 + 0.001);
  });
});
