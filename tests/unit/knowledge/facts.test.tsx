// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DrugCard } from '@/components/panel/DrugCard';
import { MarkCard } from '@/components/overlays/MarkCard';
import reference from '@/utils/knowledge/data/jak-inhibitors.json';
import caveats from '@/utils/knowledge/data/caveats.json';
import { DRUGS, getDrug, normaliseDrug, REFERENCE_CHECKED } from '@/utils/knowledge/drugs';
import { PAIRINGS } from '@/utils/knowledge/pathways';
import { markCardFor, type DrugMarkCard } from '@/utils/term-marks/mark-card';
import { buildDrugCard } from '@/utils/panel/drug-card';

/**
 * The data's markers: "UNVERIFIED" in capitals (the UI's own labels say "unverified") and every
 * other caveat word of the list the UI and knowledge:check read.
 */
const CAVEAT_WORDS = new RegExp(caveats.patterns.filter((p) => p !== 'UNVERIFIED').join('|'), 'i');
const CAVEAT = { test: (text: string) => /UNVERIFIED/.test(text) || CAVEAT_WORDS.test(text) };

function drug(name: string) {
  const found = getDrug(name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

/**
 * The words of every item the data leaves unverified for one drug, except words a verified fact
 * also uses (an unverified EU row and a verified US row may both say "rheumatoid arthritis").
 */
function unverifiedTexts(name: string): string[] {
  const d = drug(name);
  const verified = [
    ...d.approvals.filter((a) => a.verified).flatMap((a) => a.indications),
    ...d.dmEvidence.filter((e) => e.verified).map((e) => e.note),
  ].join('\n');
  const names = [...d.codeNames, ...d.brandNames].filter((c) => !c.verified).map((c) => c.value);
  const sentences = [
    ...d.approvals.filter((a) => !a.verified).flatMap((a) => a.indications),
    ...d.dmEvidence.filter((e) => !e.verified).map((e) => e.note),
    ...d.unverified,
  ].filter((t) => t.length > 10);
  return [...names, ...sentences].filter((t) => !verified.includes(t));
}

describe('knowledge data, December 2026', () => {
  it('is checked as of 2026-12-03', () => {
    expect(REFERENCE_CHECKED).toBe('2026-12-03');
  });

  it('has brepocitinib FDA-approved for adult dermatomyositis on 27 Aug 2026, with its sources', () => {
    const card = buildDrugCard(drug('brepocitinib'), 1);
    expect(card.brandNames.map((b) => b.value)).toEqual(['LISRAYA']);
    expect(card.heading).toBe('JAK1/TYK2 inhibitor');
    expect(card.status).toBe('FDA-approved for dermatomyositis, 2026');
    const fda = card.approvals.find((a) => a.region === 'FDA (US)');
    expect(fda).toMatchObject({ status: 'approved', year: 2026, date: '2026-08-27' });
    expect(fda?.source.sourceKind).toBe('regulator');
    expect(fda?.source.url).toMatch(/^https:\/\/api\.fda\.gov\/drug\/ndc\.json/);
    expect(card.topEvidence[0]).toMatchObject({
      id: 'NCT05437263',
      idUrl: 'https://clinicaltrials.gov/study/NCT05437263',
      label: 'Phase 3 trial, n=241',
    });
  });

  it('shows a negative fact as a verified statement with its source', () => {
    const card = buildDrugCard(drug('filgotinib'), 1);
    const fda = card.approvals.find((a) => a.region === 'FDA (US)');
    expect(fda).toMatchObject({ status: 'not-approved', year: 2020 });
    expect(fda?.indications.join(' ')).toMatch(/complete response letter/);
    expect(fda?.source.sourceKind).toBe('sponsor');
    expect(card.status).toBe(
      'Approved for RA (EC 2020); not FDA-approved (complete response letter, 2020)',
    );
    expect(card.unverified.join(' ')).not.toMatch(/FDA \(US\)/);
    const { container } = render(<DrugCard card={card} mentions={1} onNextMention={() => {}} />);
    const row = container.querySelector('.jl-approvals li[data-status="not-approved"]');
    expect(row?.textContent).toMatch(/FDA \(US\), 2020 \(not approved\)/);
    expect(row?.closest('.jl-unverified')).toBeNull();
  });

  it('keeps an FDA indication read only on a label copy out of the facts (baricitinib, COVID-19)', () => {
    const card = buildDrugCard(drug('baricitinib'), 1);
    expect(card.approvals.map((a) => a.region)).toContain('FDA (US) - alopecia areata');
    expect(card.approvals.flatMap((a) => a.indications).join(' ')).not.toMatch(/COVID/);
    expect(card.unverified.join(' ')).toMatch(/COVID-19/);
    const doi = card.dmEvidence.find((e) => e.id.startsWith('doi:'));
    expect(doi?.idUrl).toBe('https://doi.org/10.3389/fped.2022.962585');
  });

  it('cites the label for each class boxed warning (tofacitinib, baricitinib, upadacitinib, oral ruxolitinib)', () => {
    for (const name of ['tofacitinib', 'baricitinib', 'upadacitinib', 'ruxolitinib']) {
      const d = drug(name);
      expect(d.boxedWarning.verified, name).toBe(true);
      expect(['regulator', 'sponsor', 'reference'], name).toContain(
        d.boxedWarning.source?.sourceKind,
      );
      const card = buildDrugCard(d, 1);
      expect(
        card.sources.map((s) => s.url),
        name,
      ).toContain(d.boxedWarning.source?.url);
    }
    expect(drug('ruxolitinib').boxedWarning.text).toMatch(/Oral Jakafi: no boxed warning/);
    expect(buildDrugCard(drug('baricitinib'), 1).boxedFlag).toMatch(/^Boxed warning: infections/);
  });

  it('keeps a boxed warning whose label was not read out of the facts (LISRAYA)', () => {
    const card = buildDrugCard(drug('brepocitinib'), 1);
    expect(card.boxedFlag).toBeNull();
    expect(card.boxedWarning).toBeNull();
    expect(card.unverified.join('\n')).toMatch(/^Boxed warning: /m);
    expect(buildDrugCard(drug('brepocitinib'), 1).status).toBe(
      'FDA-approved for dermatomyositis, 2026',
    );
  });

  it("shows Cibinqo's boxed warning as a fact, cited to the sponsor's statement of its label", () => {
    const label =
      'https://cibinqo.pfizerpro.com/safety/safety-profile/important-safety-considerations';
    const d = drug('abrocitinib');
    expect(d.boxedWarning).toMatchObject({
      verified: true,
      source: { url: label, sourceKind: 'sponsor' },
    });
    const card = buildDrugCard(d, 1);
    expect(card.boxedFlag).toBe(
      'Boxed warning: infections, mortality, malignancy, MACE, thrombosis',
    );
    expect(card.boxedWarning).toMatch(/^FDA class boxed warning/);
    expect(card.sources.map((s) => s.url)).toContain(label);
    expect(card.unverified.join('\n')).not.toMatch(/^Boxed warning: /m);
  });

  it('does not verify a boxed warning without its label, whatever the group flag says', () => {
    const raw = structuredClone(
      reference.drugs.find((d) => d.name === 'upadacitinib'),
    ) as unknown as Parameters<typeof normaliseDrug>[0];
    expect(normaliseDrug(raw).boxedWarning.verified).toBe(true);
    raw.boxedWarningSource = null;
    expect(normaliseDrug(raw).boxedWarning).toMatchObject({ verified: false, source: null });
  });

  it('adds the EU approvals read in the Union Register and the 2026 US indication of Sotyktu', () => {
    const eu = (name: string) =>
      buildDrugCard(drug(name), 1).approvals.find((a) => a.region === 'EC (EU)');
    expect(eu('upadacitinib')).toMatchObject({ year: 2019, date: '2019-12-16' });
    expect(eu('filgotinib')).toMatchObject({ year: 2020, date: '2020-09-24' });
    expect(eu('deucravacitinib')).toMatchObject({ year: 2023, date: '2023-03-24' });
    expect(eu('ritlecitinib')).toMatchObject({ year: 2023, date: '2023-09-15' });
    for (const name of ['upadacitinib', 'filgotinib', 'deucravacitinib', 'ritlecitinib'])
      expect(eu(name)?.source.url, name).toMatch(
        /^https:\/\/ec\.europa\.eu\/health\/documents\/community-register\//,
      );
    const sotyktu = buildDrugCard(drug('deucravacitinib'), 1);
    expect(sotyktu.approvals.map((a) => a.region)).toContain('FDA (US) - psoriatic arthritis');
    expect(sotyktu.status).toMatch(/PsA/);
    // Still unverified: PMDA and NMPA rows whose regulator record was not found.
    for (const name of ['peficitinib', 'filgotinib', 'delgocitinib'])
      expect(drug(name).approvals.find((a) => /PMDA/.test(a.region))?.verified, name).toBe(false);
  });

  it('states no selectivity figure read only in vendor data (fedratinib)', () => {
    const card = buildDrugCard(drug('fedratinib'), 1);
    expect(card.selectivity).toBe('JAK2 inhibitor with FLT3 activity.');
    expect(card.unverified.join('\n')).toMatch(/vendor data/);
  });

  it('states the year of the Leqselvi approval but not a day read only on secondary pages', () => {
    const [fact] = buildDrugCard(drug('deuruxolitinib'), 1).approvals;
    expect(fact).toMatchObject({ region: 'FDA (US)', year: 2024 });
    expect(fact?.date).toBeUndefined();
    expect(JSON.stringify(fact)).not.toMatch(/July/);
  });

  it('drops a caveat the re-check made stale (upadacitinib EU year, now read in the Union Register)', () => {
    const upa = drug('upadacitinib');
    expect(upa.approvals.find((a) => a.region === 'EC (EU)')?.verified).toBe(true);
    expect(upa.unverified.join('\n')).not.toMatch(/EU year/);
  });

  it("keeps an unverified row's remark with that row, out of the curator remarks (filgotinib PMDA)", () => {
    const card = buildDrugCard(drug('filgotinib'), 1);
    expect(card.remarks.join('\n')).not.toMatch(/PMDA/);
    expect(card.unverified.find((t) => t.startsWith('PMDA/MHLW (Japan)'))).toMatch(
      /PMDA record not found/,
    );
    // A verified fact's remark stays in the remarks list (the EC decision's annex).
    expect(card.remarks.join('\n')).toMatch(/Union Register/);
  });

  it('says "Reference checked <month year>" on the mark card and heads it from the data', () => {
    const mark = markCardFor('drug', drug('brepocitinib').id) as DrugMarkCard;
    const view = render(<MarkCard card={mark} />);
    const text = view.container.textContent ?? '';
    expect(text).toMatch(/Reference checked December 2026\./);
    expect(text).toContain('JAK1/TYK2 inhibitor');
    expect(text).toContain('FDA-approved for dermatomyositis, 2026');
    view.unmount();
  });

  it('pairs IFN-gamma as JAK1–IFNGR1 and JAK2–IFNGR2', () => {
    const ifng = PAIRINGS.find((p) => p.id === 'ifn-2');
    expect(ifng?.jakNotes).toEqual(['JAK1 (IFNGR1)', 'JAK2 (IFNGR2)']);
    // Cited to Reactome, which states that pairing; the table that had it reversed is not cited.
    expect(ifng?.sources.map((s) => s.url)).toEqual([
      'http://www.reactome.org/content/detail/873926',
    ]);
  });

  it('completes IL-31, TSLP and G-CSF, or says what is unknown', () => {
    const byId = Object.fromEntries(PAIRINGS.map((p) => [p.id, p]));
    expect(byId['tslp']).toMatchObject({ jaks: ['JAK1', 'JAK2'], verified: true });
    expect(byId['il-31']?.jaks).toEqual(['JAK1']);
    expect(byId['il-31']?.unknown).toMatch(/unproven/);
    expect(byId['g-csf']?.unknown).toMatch(/TYK2/);
    for (const p of PAIRINGS) expect(p.sources.length, p.family).toBeGreaterThan(0);
  });

  it.each(DRUGS.map((d) => d.name))(
    '%s: nothing the data leaves unverified reaches a fact view',
    (name) => {
      const card = buildDrugCard(drug(name), 1);
      const { container, unmount } = render(
        <DrugCard card={card} mentions={1} onNextMention={() => {}} />,
      );
      const details = container.querySelector('details.jl-details')!;
      const group = details.querySelector('details.jl-unverified');
      const factText = [...container.querySelectorAll('article > *, details.jl-details > *')]
        .filter((el) => el !== details && el !== group && el.tagName !== 'SUMMARY')
        .map((el) => el.textContent ?? '')
        .join('\n');
      // Labels ("JAK activity unverified") are fine; the data's markers are not.
      expect(CAVEAT.test(factText), factText).toBe(false);
      for (const text of unverifiedTexts(name)) expect(factText, text).not.toContain(text);
      unmount();

      const mark = markCardFor('drug', drug(name).id) as DrugMarkCard;
      const view = render(<MarkCard card={mark} />);
      // Unverified targets are shown as labelled, greyed chips: they are not facts.
      for (const chip of view.container.querySelectorAll('.jl-chip-unverified')) chip.remove();
      const markText = view.container.textContent ?? '';
      // Labels such as "1 more approval unverified in the reference" are fine; data markers are not.
      expect(CAVEAT.test(markText), markText).toBe(false);
      for (const text of unverifiedTexts(name)) expect(markText, text).not.toContain(text);
      view.unmount();
    },
  );
});
