// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ResultBadge } from '@/components/overlays/ResultBadge';
import { ResultsStrip } from '@/components/overlays/ResultsStrip';

const drug = (name: string) => ({ drugId: `drug:${name}`, name });

describe('ResultBadge', () => {
  it.each([
    ['core', 'jdm', 'JDM + JAK', 'About juvenile dermatomyositis and JAK inhibition'],
    ['disease', 'iim', 'Myositis', 'About inflammatory myositis, not JAK inhibition'],
    ['jak', null, 'JAK', 'About JAK inhibition, not myositis'],
    ['none', null, 'Other topic', 'Not about myositis or JAK inhibition'],
  ] as const)('%s (%s) reads "%s", with the long form for screen readers', (r, d, short, long) => {
    const { container } = render(
      <ResultBadge relevance={r} disease={d} drugs={[]} basis="visible" hasNotes={false} />,
    );
    const verdict = container.querySelector('[data-relevance]')!;
    expect(verdict.getAttribute('data-relevance')).toBe(r);
    expect(verdict.textContent).toBe(`${short}: ${long}; judged from the title and snippet`);
    expect(verdict.getAttribute('title')).toBe(`${long}; judged from the title and snippet`);
    expect(screen.getByRole('group', { name: 'JAK Lens' })).toBeTruthy();
  });

  it('says when the verdict comes from the PubMed record', () => {
    render(<ResultBadge relevance="disease" disease="jdm" drugs={[]} basis="record" hasNotes />);
    expect(screen.getByTitle(/judged from the PubMed record/)).toBeTruthy();
  });

  it('lists up to four inhibitor chips, then "+N" naming the rest in its title', () => {
    const drugs = ['tofacitinib', 'baricitinib', 'ruxolitinib', 'upadacitinib', 'filgotinib'].map(
      drug,
    );
    render(
      <ResultBadge relevance="jak" disease={null} drugs={drugs} basis="record" hasNotes={false} />,
    );
    const list = screen.getByRole('list', { name: 'JAK inhibitors named' });
    const items = Array.from(list.querySelectorAll('li'), (li) => li.textContent);
    expect(items).toEqual(['tofacitinib', 'baricitinib', 'ruxolitinib', 'upadacitinib', '+1']);
    expect(list.lastElementChild?.getAttribute('title')).toContain('filgotinib');
  });

  it('shows the notes marker only when the reader has notes', () => {
    const { rerender } = render(
      <ResultBadge relevance="none" disease={null} drugs={[]} basis="visible" hasNotes={false} />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    rerender(<ResultBadge relevance="none" disease={null} drugs={[]} basis="visible" hasNotes />);
    expect(
      screen.getByRole('img', { name: 'You have notes or highlights on this article' }),
    ).toBeTruthy();
  });

  it('renders a hostile drug name as text', () => {
    const { container } = render(
      <ResultBadge
        relevance="jak"
        disease={null}
        drugs={[drug('<img src=x onerror=alert(1)>')]}
        basis="visible"
        hasNotes={false}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe('ResultsStrip', () => {
  it('states the count and toggles the filter', () => {
    const toggle = vi.fn();
    const { rerender } = render(
      <ResultsStrip relevant={7} total={10} filterOn={false} onToggleFilter={toggle} />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      '7 of 10 results on this page concern JDM/myositis and JAK inhibition',
    );
    const button = screen.getByRole('button', { name: 'Show only these' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(toggle).toHaveBeenLastCalledWith(true);
    rerender(<ResultsStrip relevant={7} total={10} filterOn onToggleFilter={toggle} />);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(toggle).toHaveBeenLastCalledWith(false);
  });

  it('cannot turn the filter on when nothing would be shown, but can turn it off', () => {
    const { rerender } = render(
      <ResultsStrip relevant={0} total={10} filterOn={false} onToggleFilter={() => {}} />,
    );
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Show only these' });
    expect(button.disabled).toBe(true);
    rerender(<ResultsStrip relevant={0} total={10} filterOn onToggleFilter={() => {}} />);
    expect(button.disabled).toBe(false);
  });
});
