// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderResultBadge, type ResultBadgeProps } from '@/components/overlays/result-badge';
import { mountResultsStrip, type ResultsStripProps } from '@/components/overlays/results-strip';

const drug = (name: string) => ({ drugId: `drug:${name}`, name });

/** A host in the document, as search-results.ts gives each result and the strip. */
function host(): HTMLElement {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
}
afterEach(() => document.body.replaceChildren());

function badge(props: ResultBadgeProps, into = host()) {
  renderResultBadge(into, props);
  return into;
}

describe('renderResultBadge', () => {
  it.each([
    ['core', 'jdm', 'JDM + JAK', 'About juvenile dermatomyositis and JAK inhibition'],
    ['disease', 'iim', 'Myositis', 'About inflammatory myositis, not JAK inhibition'],
    ['jak', null, 'JAK', 'About JAK inhibition, not myositis'],
    ['none', null, 'Other topic', 'Not about myositis or JAK inhibition'],
  ] as const)('%s (%s) reads "%s", with the long form for screen readers', (r, d, short, long) => {
    const container = badge({
      relevance: r,
      disease: d,
      drugs: [],
      basis: 'visible',
      hasNotes: false,
    });
    const verdict = container.querySelector('[data-relevance]')!;
    expect(verdict.getAttribute('data-relevance')).toBe(r);
    expect(verdict.textContent).toBe(`${short}: ${long}; judged from the title and snippet`);
    expect(verdict.getAttribute('title')).toBe(`${long}; judged from the title and snippet`);
    expect(screen.getByRole('group', { name: 'JAK Lens' })).toBeTruthy();
  });

  it('says when the verdict comes from the PubMed record', () => {
    badge({ relevance: 'disease', disease: 'jdm', drugs: [], basis: 'record', hasNotes: true });
    expect(screen.getByTitle(/judged from the PubMed record/)).toBeTruthy();
  });

  it('lists up to four inhibitor chips, then "+N" naming the rest in its title', () => {
    const drugs = ['tofacitinib', 'baricitinib', 'ruxolitinib', 'upadacitinib', 'filgotinib'].map(
      drug,
    );
    badge({ relevance: 'jak', disease: null, drugs, basis: 'record', hasNotes: false });
    const list = screen.getByRole('list', { name: 'JAK inhibitors named' });
    const items = Array.from(list.querySelectorAll('li'), (li) => li.textContent);
    expect(items).toEqual(['tofacitinib', 'baricitinib', 'ruxolitinib', 'upadacitinib', '+1']);
    expect(list.lastElementChild?.getAttribute('title')).toContain('filgotinib');
  });

  it('shows the notes marker only when the reader has notes, and redraws in place', () => {
    const props = { relevance: 'none', disease: null, drugs: [], basis: 'visible' } as const;
    const container = badge({ ...props, hasNotes: false });
    expect(screen.queryByRole('img')).toBeNull();
    badge({ ...props, hasNotes: true }, container);
    expect(
      screen.getByRole('img', { name: 'You have notes or highlights on this article' }),
    ).toBeTruthy();
    expect(container.querySelectorAll('.jl-badge-row')).toHaveLength(1);
  });

  it('renders a hostile drug name as text', () => {
    const container = badge({
      relevance: 'jak',
      disease: null,
      drugs: [drug('<img src=x onerror=alert(1)>')],
      basis: 'visible',
      hasNotes: false,
    });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe('mountResultsStrip', () => {
  it('states the count and toggles the filter', () => {
    const toggle = vi.fn();
    const props: ResultsStripProps = {
      relevant: 7,
      total: 10,
      filterOn: false,
      onToggleFilter: toggle,
    };
    const strip = mountResultsStrip(host(), props);
    expect(screen.getByRole('status').textContent).toBe(
      '7 of 10 results on this page concern JDM/myositis and JAK inhibition',
    );
    const button = screen.getByRole('button', { name: 'Show only these' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(toggle).toHaveBeenLastCalledWith(true);
    strip.update({ ...props, filterOn: true });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(toggle).toHaveBeenLastCalledWith(false);
  });

  it('cannot turn the filter on when nothing would be shown, but can turn it off', () => {
    const props = { relevant: 0, total: 10, filterOn: false, onToggleFilter: () => {} };
    const strip = mountResultsStrip(host(), props);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Show only these' });
    expect(button.disabled).toBe(true);
    strip.update({ ...props, filterOn: true });
    expect(button.disabled).toBe(false);
  });

  it('renders a hostile sentence from the watch reply as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const container = host();
    mountResultsStrip(container, {
      relevant: 1,
      total: 10,
      filterOn: false,
      onToggleFilter: () => {},
      onWatchSearch: () => Promise.reject(new Error(hostile)),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Watch this search' }));
    expect(await screen.findByText(hostile)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});
