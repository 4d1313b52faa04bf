// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SummaryPanel } from '@/components/panel/SummaryPanel';
import { classifyArticle } from '@/utils/classify';
import { scannedTermIds } from '../../../support/scanned-term-ids';
import { buildPanelModel, type PanelModel } from '@/utils/panel/model';
import { loadDevSet } from '../../../eval/dev-set';
import { trustedClick } from '../../../support/trusted-events';

const seed = loadDevSet().find((r) => r.id === 'dev-seed');
if (!seed) throw new Error('dev-seed record missing from the dev set');
const seedModel = buildPanelModel(classifyArticle(seed.article), scannedTermIds(seed.article));

function renderPanel(
  model: PanelModel = seedModel,
  extra: Partial<Parameters<typeof SummaryPanel>[0]> = {},
) {
  const onToggle = vi.fn();
  const onNextMention = vi.fn();
  const view = render(
    <SummaryPanel
      model={model}
      collapsed={false}
      onToggle={onToggle}
      onNextMention={onNextMention}
      {...extra}
    />,
  );
  return { ...view, onToggle, onNextMention };
}

function card(name: string): HTMLElement {
  return screen.getByRole('article', { name });
}

describe('SummaryPanel on the dev-seed review (JDM + baricitinib, tofacitinib, ruxolitinib)', () => {
  it('says why the article is relevant', () => {
    renderPanel();
    expect(screen.getByText('Core: juvenile dermatomyositis + JAK inhibition')).toBeTruthy();
    expect(screen.getByText(/^MeSH: Dermatomyositis/)).toBeTruthy();
  });

  it('shows a card per inhibitor with its JAK chips', () => {
    renderPanel();
    const chips = (name: string) =>
      within(within(card(name)).getByRole('list', { name: 'Targets' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(chips('baricitinib')).toEqual(['JAK1', 'JAK2']);
    expect(chips('ruxolitinib')).toEqual(['JAK1', 'JAK2']);
    expect(chips('tofacitinib')).toEqual(['JAK1', 'JAK2', 'JAK3']);
  });

  it('highlights type I interferon in the pathway view and says how families are derived', () => {
    renderPanel();
    const families = screen.getByRole('list', { name: 'Cytokine families these inhibitors reach' });
    const typeOne = within(families).getAllByRole('listitem')[0]!;
    expect(typeOne.textContent).toMatch(/^Type I interferon/);
    expect(typeOne.classList.contains('jl-ifn1')).toBe(true);
    expect(within(typeOne).getByText('DM/JDM interferon signature')).toBeTruthy();
    expect(typeOne.textContent).toMatch(/baricitinib \(JAK1\)/);
    expect(
      screen.getByText(/inhibits at least one JAK that the family's receptor needs/),
    ).toBeTruthy();
    const matrix = screen.getByRole('table');
    expect(within(matrix).getAllByRole('row')).toHaveLength(4);
  });

  it('links NCT numbers to ClinicalTrials.gov and every link is http(s) in a safe new tab', () => {
    const { container } = renderPanel();
    const nct = within(card('baricitinib')).getAllByRole('link', { name: /^NCT05524311/ })[0]!;
    expect(nct.getAttribute('href')).toBe('https://clinicaltrials.gov/study/NCT05524311');
    const links = [...container.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(10);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    const trialLinks = links.filter((a) => /^NCT\d{8}/.test(a.textContent ?? ''));
    expect(trialLinks.length).toBeGreaterThan(0);
    for (const a of trialLinks) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\/clinicaltrials\.gov\/study\/NCT\d{8}$/);
    }
  });

  it('shows the kind of each source', () => {
    renderPanel();
    const link = within(card('baricitinib')).getAllByRole('link', { name: /dailymed/ })[0]!;
    expect(link.textContent).toMatch(/regulator/);
  });

  it('keeps unverified items out of the facts, in a labelled group behind Details', () => {
    renderPanel();
    const bari = card('baricitinib');
    const details = bari.querySelector('details.jl-details');
    const group = details?.querySelector('details.jl-unverified');
    expect(group?.querySelector('summary')?.textContent).toMatch(/^Unverified \(\d+\): not facts/);
    expect(group?.textContent).toMatch(/BAR-JDM trial/);
    const defaultView = [...bari.children].filter((el) => el !== details);
    expect(defaultView.map((el) => el.textContent).join(' ')).not.toMatch(/UNVERIFIED|BAR-JDM/);
    const inDetails = [...(details?.children ?? [])].filter((el) => el !== group);
    expect(inDetails.map((el) => el.textContent).join(' ')).not.toMatch(/UNVERIFIED|BAR-JDM/);
  });

  it('shows a clinician-first default view and puts the rest behind Details', () => {
    renderPanel();
    const bari = card('baricitinib');
    const details = bari.querySelector('details.jl-details')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Details');
    const defaultView = [...bari.children].filter((el) => el !== details);
    const text = defaultView.map((el) => el.textContent).join('\n');
    expect(text).toMatch(/baricitinib \(Olumiant\)/);
    expect(text).toMatch(/JAK1\/JAK2 inhibitor/);
    expect(bari.querySelector('.jl-status')?.textContent).toMatch(/^Approved for RA/);
    expect(bari.querySelector('.jl-boxed-flag')?.textContent).toMatch(/Boxed warning/);
    expect(bari.querySelectorAll('.jl-top-evidence li').length).toBeLessThanOrEqual(3);
    // Approvals, code names and the full evidence list are one click away, not in the default view.
    expect(text).not.toMatch(/LY3009104|Approvals and refusals|Montealegre/);
    expect(details.textContent).toMatch(/LY3009104/);
    expect(details.querySelector('.jl-approvals')).not.toBeNull();
    expect(screen.getByText(/^Reference checked December 2026$/)).toBeTruthy();
  });

  it('calls back for "next mention" with the drug id, and disables it without highlights', () => {
    const { onNextMention } = renderPanel(seedModel, {
      mentionCounts: { 'drug:baricitinib': 3, 'drug:tofacitinib': 0 },
    });
    fireEvent.click(screen.getByRole('button', { name: '3× · next mention of baricitinib' }));
    expect(onNextMention).toHaveBeenCalledWith('drug:baricitinib');
    const tofa = screen.getByRole('button', { name: '0× · next mention of tofacitinib' });
    expect((tofa as HTMLButtonElement).disabled).toBe(true);
  });

  it('collapses and expands through the callback, and remembers nothing itself', () => {
    const { onToggle, rerender } = renderPanel();
    const collapse = screen.getByRole('button', { name: 'Collapse' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    // A page script's click (untrusted) does nothing; the reader's does.
    fireEvent.click(collapse);
    collapse.click();
    expect(onToggle).not.toHaveBeenCalled();
    trustedClick(collapse);
    expect(onToggle).toHaveBeenCalledOnce();
    rerender(
      <SummaryPanel model={seedModel} collapsed onToggle={onToggle} onNextMention={() => {}} />,
    );
    expect(screen.queryByRole('article')).toBeNull();
    const tab = screen.getByRole('button', { name: /JAK Lens/ });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(tab);
    trustedClick(tab);
    expect(onToggle).toHaveBeenCalledTimes(2);
  });

  it("moves to the other side on the reader's click only", () => {
    const onMoveSide = vi.fn();
    renderPanel(seedModel, { onMoveSide, side: 'right' });
    const move = screen.getByRole('button', { name: 'Move left' });
    fireEvent.click(move);
    expect(onMoveSide).not.toHaveBeenCalled();
    trustedClick(move);
    expect(onMoveSide).toHaveBeenCalledOnce();
  });

  it('gives every keyboard control an accessible name and keeps it in the Tab order', () => {
    const { container } = renderPanel(seedModel, { onMoveSide: () => {}, side: 'right' });
    const controls = [...container.querySelectorAll<HTMLElement>('a, button, summary')];
    expect(controls.length).toBeGreaterThan(10);
    for (const el of controls) {
      const name = el.getAttribute('aria-label') ?? el.textContent ?? '';
      expect(name.trim()).not.toBe('');
      expect(el.getAttribute('tabindex')).not.toBe('-1');
    }
    expect(screen.getByRole('button', { name: 'Move left' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'JAK Lens' })).toBeTruthy();
  });

  it('renders the notes slot in its own labelled section', () => {
    renderPanel(seedModel, { notesSlot: <textarea aria-label="Note on this article" /> });
    const notes = screen.getByRole('region', { name: 'Your note' });
    expect(within(notes).getByRole('textbox', { name: 'Note on this article' })).toBeTruthy();
  });

  it('renders hostile knowledge-base or page text as text, and drops non-http links', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const base = seedModel.cards[0]!;
    const hostileEvidence = {
      kind: 'trial',
      id: 'NCT00000000',
      idUrl: 'javascript:alert(2)',
      phase: 'n/a',
      label: hostile,
      note: hostile,
      source: { url: 'data:text/html,hi', sourceKind: 'registry' as const },
      checked: 'December 2026',
    };
    const model: PanelModel = {
      ...seedModel,
      verdictLine: `title: ${hostile}`,
      cards: [
        {
          ...base,
          name: `evil ${hostile}`,
          selectivity: hostile,
          sources: [{ url: 'javascript:alert(1)', sourceKind: 'sponsor' }],
          dmEvidence: [hostileEvidence],
          topEvidence: [hostileEvidence],
          status: hostile,
        },
      ],
    };
    const { container } = renderPanel(model);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(hostile, { exact: false }).length).toBeGreaterThan(1);
    for (const a of container.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    expect(screen.getByText(/javascript:alert\(1\)/)).toBeTruthy();
  });
});

describe('SummaryPanel for a disease-only article', () => {
  it('lists the inhibitors that would block type I interferon', () => {
    const model = buildPanelModel({
      relevance: 'disease',
      disease: 'dm',
      jakInhibition: false,
      drugs: [],
      evidence: [],
      scores: { disease: 5, jak: 0, threshold: 3 },
    });
    renderPanel(model);
    const list = screen.getByRole('list', {
      name: 'Inhibitors that would block type I interferon',
    });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toContain('deucravacitinib via TYK2');
    expect(items).toContain('baricitinib via JAK1');
    expect(items.some((t) => t?.startsWith('fedratinib'))).toBe(false);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('SummaryPanel: a mark card asks for part of the pathway view', () => {
  it("focuses the type I interferon family the seed review's inhibitors reach, once", async () => {
    const onPathwayFocusDone = vi.fn();
    const { container } = renderPanel(seedModel, {
      pathwayFocus: { focus: 'type-i-ifn', seq: 1 },
      onPathwayFocusDone,
    });
    await vi.waitFor(() => expect(onPathwayFocusDone).toHaveBeenCalledTimes(1));
    const ifn = container.querySelector('.jl-families [data-family="ifn-1"]');
    expect(ifn).not.toBeNull();
    expect(document.activeElement).toBe(ifn);
    expect(ifn?.hasAttribute('data-focused')).toBe(true);
    // The view shows the family once: the reached one, no second copy.
    expect(container.querySelectorAll('[data-family="ifn-1"]')).toHaveLength(1);
  });

  it('adds the type I IFN path to a view that would be empty, and focuses the heading for JAK-STAT', async () => {
    const model = buildPanelModel({
      relevance: 'jak',
      disease: null,
      jakInhibition: true,
      drugs: [],
      evidence: [],
      scores: { disease: 0, jak: 5, threshold: 3 },
    });
    const empty = renderPanel(model);
    expect(empty.container.querySelector('.jl-pathways')).toBeNull();
    empty.unmount();

    const onPathwayFocusDone = vi.fn();
    const { container } = renderPanel(model, {
      pathwayFocus: { focus: 'jak-stat', seq: 1 },
      onPathwayFocusDone,
    });
    await vi.waitFor(() => expect(onPathwayFocusDone).toHaveBeenCalled());
    const family = container.querySelector('[data-family="ifn-1"]');
    expect(family?.textContent).toMatch(/IFNAR1 \+ IFNAR2 needs TYK2 \+ JAK1/);
    expect(family?.textContent).not.toMatch(/reached via/);
    expect(document.activeElement?.id).toBe('jl-pathways-h');
  });
});
